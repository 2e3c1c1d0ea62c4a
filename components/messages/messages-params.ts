import { DEFAULT_LIMIT, DEFAULT_SCAN_CAP, type MatchMode, type StartMode } from '@/lib/api/messages';
import type { Term } from '@/lib/messages/highlight';

// The messages page keeps its whole state in the URL, so a view (mode, position, search terms,
// even the cursor) can be shared by copying the address. The API takes the same parameters.

export type MessagesMode = 'browse' | 'search' | 'tail';

export interface MessagesParams {
  mode: MessagesMode;
  partitions: string;
  start: StartMode;
  offset: string;
  /** ISO date-time (UTC). */
  time: string;
  order: 'asc' | 'desc';
  limit: number;
  key: string;
  keyMode: MatchMode;
  value: string;
  valueMode: MatchMode;
  header: string;
  headerValue: string;
  headerMode: MatchMode;
  ignoreCase: boolean;
  filter: string;
  scanCap: number;
  cursor: string;
  /** Decoder for keys and values in the list ("auto" or a decoder id). */
  show: string;
}

export const defaultParams: MessagesParams = {
  mode: 'browse',
  partitions: 'all',
  start: 'latest',
  offset: '',
  time: '',
  order: 'desc',
  limit: DEFAULT_LIMIT,
  key: '',
  keyMode: 'contains',
  value: '',
  valueMode: 'contains',
  header: '',
  headerValue: '',
  headerMode: 'contains',
  ignoreCase: false,
  filter: '',
  scanCap: DEFAULT_SCAN_CAP,
  cursor: '',
  show: 'auto',
};

/**
 * The order a start point reads in unless the user picks another: back from the newest, forward
 * from anywhere else (an offset or a time is where reading begins, so it reads on from there).
 */
export function defaultOrder(start: StartMode): 'asc' | 'desc' {
  return start === 'latest' ? 'desc' : 'asc';
}

const oneOf = <T extends string>(v: string | null, options: readonly T[], fallback: T): T => (options.includes(v as T) ? (v as T) : fallback);
const modes = ['contains', 'equals', 'regex'] as const;

export function parseParams(search: URLSearchParams): MessagesParams {
  const num = (k: string, fallback: number) => {
    const n = Number(search.get(k));
    return search.has(k) && Number.isFinite(n) && n > 0 ? Math.floor(n) : fallback;
  };
  const start = oneOf(search.get('start'), ['earliest', 'latest', 'offset', 'time'] as const, 'latest');
  return {
    mode: oneOf(search.get('mode'), ['browse', 'search', 'tail'] as const, 'browse'),
    partitions: search.get('partitions') || 'all',
    start,
    offset: search.get('offset') ?? '',
    time: search.get('time') ?? '',
    order: oneOf(search.get('order'), ['asc', 'desc'] as const, defaultOrder(start)),
    limit: num('limit', DEFAULT_LIMIT),
    key: search.get('key') ?? '',
    keyMode: oneOf(search.get('keyMode'), modes, 'contains'),
    value: search.get('value') ?? '',
    valueMode: oneOf(search.get('valueMode'), modes, 'contains'),
    header: search.get('header') ?? '',
    headerValue: search.get('headerValue') ?? '',
    headerMode: oneOf(search.get('headerMode'), modes, 'contains'),
    ignoreCase: search.get('ignoreCase') === 'true',
    filter: search.get('filter') ?? '',
    scanCap: num('scanCap', DEFAULT_SCAN_CAP),
    cursor: search.get('cursor') ?? '',
    show: search.get('show') || 'auto',
  };
}

/** The page URL's query string: only what differs from the defaults. */
export function pageSearch(p: MessagesParams): string {
  const out = new URLSearchParams();
  for (const [k, v] of Object.entries(p) as [keyof MessagesParams, MessagesParams[keyof MessagesParams]][]) {
    if (v === '' || (k === 'order' ? v === defaultOrder(p.start) : v === defaultParams[k])) continue;
    out.set(k, String(v));
  }
  const s = out.toString();
  return s ? `?${s}` : '';
}

function positionQuery(p: MessagesParams, out: URLSearchParams) {
  if (p.partitions !== 'all') out.set('partitions', p.partitions);
  out.set('order', p.order);
  out.set('limit', String(p.limit));
  if (p.cursor) {
    out.set('cursor', p.cursor);
    return;
  }
  out.set('start', p.start);
  if (p.start === 'offset') out.set('offset', p.offset);
  if (p.start === 'time') out.set('time', p.time);
}

function termsQuery(p: MessagesParams, out: URLSearchParams) {
  const set = (entries: [string, string][]) => entries.forEach(([k, v]) => out.set(k, v));
  if (p.key) set([['key', p.key], ['keyMode', p.keyMode]]);
  if (p.value) set([['value', p.value], ['valueMode', p.valueMode]]);
  if (p.header) out.set('header', p.header);
  if (p.headerValue) set([['headerValue', p.headerValue], ['headerMode', p.headerMode]]);
  if (p.ignoreCase) out.set('ignoreCase', 'true');
  if (p.filter.trim()) out.set('filter', p.filter);
}

/** Query string for GET messages (browse). */
export function browseApiQuery(p: MessagesParams): string {
  const out = new URLSearchParams();
  positionQuery(p, out);
  return out.toString();
}

/** Query string for GET messages/search. */
export function searchApiQuery(p: MessagesParams): string {
  const out = new URLSearchParams();
  positionQuery(p, out);
  termsQuery(p, out);
  out.set('scanCap', String(p.scanCap));
  return out.toString();
}

/** Query string for GET messages/tail. */
export function tailApiQuery(p: MessagesParams): string {
  const out = new URLSearchParams();
  if (p.partitions !== 'all') out.set('partitions', p.partitions);
  termsQuery(p, out);
  return out.toString();
}

export function hasTerms(p: MessagesParams): boolean {
  return Boolean(p.key || p.value || p.header || p.headerValue || p.filter.trim());
}

export interface MatchTerms {
  key?: Term;
  value?: Term;
  headerValue?: Term;
}

/** The terms of a search, for marking where each result matched. */
export function matchTerms(p: MessagesParams): MatchTerms {
  const term = (text: string, mode: MatchMode): Term | undefined => (text ? { text, mode, ignoreCase: p.ignoreCase } : undefined);
  return { key: term(p.key, p.keyMode), value: term(p.value, p.valueMode), headerValue: term(p.headerValue, p.headerMode) };
}
