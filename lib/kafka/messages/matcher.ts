import { fieldError } from '@/lib/api/errors';
import type { MatchMode, SearchTerms } from '@/lib/api/messages';
import { compileFilter, FilterError, type FilterRecord, REGEX_MAX_INPUT } from '@/lib/messages/filter';
import type { Masker } from '@/lib/messages/masking';
import type { SchemaDecoding } from '@/lib/schemas/decode';
import { parseWireFrame } from '@/lib/schemas/wire-format';
import { searchableBytes, viewRecord } from './decoded-record';
import type { RecordCursor } from './record-cursor';
import { compileCheckedRegex, compileSafeRegex } from './safe-regex';

// A search compiled once and run against the record cursor. Case-sensitive "contains" and
// "equals" terms also give byte needles: a batch whose bytes lack a needle cannot hold a match,
// so it is skipped without reading a single record.
// With a masker, every term is tested against the masked record and there are no needles (a
// batch's stored bytes say nothing about its masked form): a masked value cannot be found by
// what it holds, and neither matches nor skipped batches hint at it.

export interface CompiledSearch {
  /** Every needle must occur in a batch's records bytes for any record in it to match. */
  needles: Buffer[];
  /** True when there is nothing to test: every record matches. */
  matchesAll: boolean;
  test(cursor: RecordCursor, partition: number): boolean;
  /** Applied to what is tested and to what is sent. */
  masker?: Masker;
  /** Wire-format keys and values are tested in their decoded JSON form. */
  schemas?: SchemaDecoding;
}

/** The parts of a record a search reads, from the cursor or from its masked copy. */
type SearchRecord = Pick<
  RecordCursor,
  'data' | 'keyStart' | 'keyLength' | 'valueStart' | 'valueLength' | 'offset' | 'timestamp' | 'parseFields' | 'forEachHeader' | 'payloadSize'
> & {
  /** The value decoded with its schema (and masked): the filter reads it rather than parsing its JSON text again. */
  decodedValue?: { v: unknown };
};

type FieldTest = (data: Buffer, start: number, length: number) => boolean;

// With schema decoding, a record whose key or value is in the wire format is tested as JSON
// text of its decoded form, and there are no needles either (the stored bytes are not that text).
export function compileSearch(terms: Partial<SearchTerms>, masker?: Masker, schemas?: SchemaDecoding): CompiledSearch {
  const needles: Buffer[] = [];
  const tests: ((c: SearchRecord, partition: number) => boolean)[] = [];
  const ignoreCase = Boolean(terms.ignoreCase);

  const field = (name: string, text: string, mode: MatchMode): FieldTest => {
    if (!ignoreCase && mode !== 'regex') needles.push(Buffer.from(text, 'utf8'));
    return fieldTest(name, text, mode, ignoreCase);
  };

  if (terms.key) {
    const t = field('key', terms.key, terms.keyMode ?? 'contains');
    tests.push((c) => (c.parseFields(), c.keyLength >= 0 && t(c.data, c.keyStart, c.keyLength)));
  }
  if (terms.value) {
    const t = field('value', terms.value, terms.valueMode ?? 'contains');
    tests.push((c) => (c.parseFields(), c.valueLength >= 0 && t(c.data, c.valueStart, c.valueLength)));
  }
  if (terms.header || terms.headerValue) {
    const name = terms.header || undefined;
    if (name !== undefined) needles.push(Buffer.from(name, 'utf8'));
    const t = terms.headerValue ? field('headerValue', terms.headerValue, terms.headerMode ?? 'contains') : undefined;
    tests.push((c) => {
      let found = false;
      c.forEachHeader((key, start, length) => {
        if (name !== undefined && key !== name) return false;
        found = t === undefined || (length >= 0 && t(c.data, start, length));
        return found;
      });
      return found;
    });
  }
  if (terms.filter?.trim()) {
    let filter: ReturnType<typeof compileFilter>;
    try {
      filter = compileFilter(terms.filter, compileCheckedRegex);
    } catch (error) {
      if (error instanceof FilterError) throw new SearchInputError('filter', error.message);
      throw error;
    }
    tests.push((c, partition) => filter(filterRecord(c, partition)));
  }

  const testAll = (c: SearchRecord, partition: number) => {
    for (const t of tests) if (!t(c, partition)) return false;
    return true;
  };
  if (masker || schemas) {
    return {
      needles: [],
      matchesAll: tests.length === 0,
      test: (c, partition) => tests.length === 0 || testAll(viewedRecord(c, masker, schemas), partition),
      masker,
      schemas,
    };
  }
  return { needles, matchesAll: tests.length === 0, test: testAll };
}

const isFrame = (b: Buffer | null) => b !== null && parseWireFrame(b) !== undefined;

/** The cursor's record decoded and masked, laid out in one buffer the field tests can read like the cursor's. */
function viewedRecord(c: RecordCursor, masker: Masker | undefined, schemas: SchemaDecoding | undefined): SearchRecord {
  const rawKey = c.key();
  const rawValue = c.value();
  // Most records of most topics: nothing to decode and nothing to mask.
  if (!masker && !isFrame(rawKey) && !isFrame(rawValue)) return c;
  const size = c.payloadSize();
  const view = viewRecord(rawKey, rawValue, c.headers(), schemas, masker);
  const m = { key: searchableBytes(view.key), value: searchableBytes(view.value), headers: view.headers };
  const decoded = view.value.decoded;
  const decodedValue = decoded && 'value' in decoded ? { v: decoded.value } : undefined;
  const parts: Buffer[] = [];
  let at = 0;
  const place = (b: Buffer | null): number => {
    const start = at;
    if (b) {
      parts.push(b);
      at += b.length;
    }
    return start;
  };
  const keyStart = place(m.key);
  const valueStart = place(m.value);
  const headers = m.headers.map((h) => ({ key: h.key, start: place(h.value), length: h.value ? h.value.length : -1 }));
  return {
    data: Buffer.concat(parts),
    keyStart,
    keyLength: m.key ? m.key.length : -1,
    valueStart,
    valueLength: m.value ? m.value.length : -1,
    offset: c.offset,
    timestamp: c.timestamp,
    parseFields: () => undefined,
    forEachHeader: (visit) => {
      for (const h of headers) if (visit(h.key, h.start, h.length)) break;
    },
    payloadSize: () => size,
    decodedValue,
  };
}

/** compileSearch for a request's terms: a term the user must correct is a 400 on its query parameter. */
export function compileRequestedSearch(terms: Partial<SearchTerms>, masker?: Masker, schemas?: SchemaDecoding): CompiledSearch {
  try {
    return compileSearch(terms, masker, schemas);
  } catch (error) {
    if (error instanceof SearchInputError) throw fieldError(error.field, error.message);
    throw error;
  }
}

/** A search term the user must correct; `field` names the query parameter. */
export class SearchInputError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'SearchInputError';
  }
}

function fieldTest(name: string, text: string, mode: MatchMode, ignoreCase: boolean): FieldTest {
  if (mode === 'regex') {
    let re: RegExp;
    try {
      re = compileSafeRegex(text, ignoreCase ? 'i' : '');
    } catch (error) {
      throw new SearchInputError(name, error instanceof Error ? error.message : String(error));
    }
    return (data, start, length) => re.test(data.toString('utf8', start, start + Math.min(length, REGEX_MAX_INPUT)));
  }
  if (ignoreCase) {
    const lower = text.toLowerCase();
    return mode === 'equals'
      ? (data, start, length) => data.toString('utf8', start, start + length).toLowerCase() === lower
      : (data, start, length) => data.toString('utf8', start, start + length).toLowerCase().includes(lower);
  }
  const needle = Buffer.from(text, 'utf8');
  const n = needle.length;
  if (mode === 'equals') return (data, start, length) => length === n && data.compare(needle, 0, n, start, start + length) === 0;
  return (data, start, length) => {
    if (length < n) return false;
    const at = data.indexOf(needle, start);
    return at !== -1 && at + n <= start + length;
  };
}

const utf8Strict = new TextDecoder('utf-8', { fatal: false });

/** The filter language's view of the cursor's record; each part is decoded on first use. */
function filterRecord(c: SearchRecord, partition: number): FilterRecord {
  let value: unknown;
  let valueRead = false;
  let headers: Record<string, string | null> | undefined;
  c.parseFields();
  return {
    partition,
    offset: c.offset,
    timestamp: c.timestamp,
    size: c.payloadSize(),
    key: () => (c.keyLength < 0 ? null : c.data.toString('utf8', c.keyStart, c.keyStart + c.keyLength)),
    value: () => {
      if (!valueRead) {
        valueRead = true;
        value = c.decodedValue ? c.decodedValue.v : c.valueLength < 0 ? null : parseValue(c.data.subarray(c.valueStart, c.valueStart + c.valueLength));
      }
      return value;
    },
    headers: () => {
      if (!headers) {
        const out: Record<string, string | null> = Object.create(null);
        c.forEachHeader((key, start, length) => {
          if (!(key in out)) out[key] = length < 0 ? null : utf8Strict.decode(c.data.subarray(start, start + length));
        });
        headers = out;
      }
      return headers;
    },
  };
}

/** JSON when the bytes are JSON, their text otherwise. */
function parseValue(bytes: Buffer): unknown {
  const text = bytes.toString('utf8');
  const first = text.trimStart()[0];
  if (first === '{' || first === '[' || first === '"') {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}
