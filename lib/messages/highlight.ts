import type { MatchMode } from '@/lib/api/messages';
import { hasNestedQuantifier, parseRegex, REGEX_MAX_INPUT } from './filter';

// Where a search term occurs in a key, value or header, so the result list and the detail can
// show the part of the text that made a message match. The server decides what matches; this
// only finds the same spot again in the text the browser shows.

export interface Term {
  text: string;
  mode: MatchMode;
  ignoreCase: boolean;
}

export interface Span {
  start: number;
  end: number;
}

/** The first occurrence of `term` in `text`, or null (also for a regex the browser should not run). */
export function findMatch(text: string, term: Term | undefined): Span | null {
  if (!term || !term.text) return null;
  if (term.mode === 'equals') {
    const same = term.ignoreCase ? text.toLowerCase() === term.text.toLowerCase() : text === term.text;
    return same ? { start: 0, end: text.length } : null;
  }
  if (term.mode === 'contains') {
    const at = term.ignoreCase ? text.toLowerCase().indexOf(term.text.toLowerCase()) : text.indexOf(term.text);
    return at < 0 ? null : { start: at, end: at + term.text.length };
  }
  let re: RegExp;
  try {
    const parsed = parseRegex(term.text, term.ignoreCase ? 'i' : '');
    // The browser has no linear-time engine: a pattern that could backtrack is not re-run here.
    if (hasNestedQuantifier(parsed.ast)) return null;
    re = new RegExp(parsed.source, parsed.flags);
  } catch {
    return null;
  }
  const m = re.exec(text.slice(0, REGEX_MAX_INPUT));
  return m ? { start: m.index, end: m.index + m[0].length } : null;
}

export interface Excerpt {
  before: string;
  match: string;
  after: string;
  /** Text was left out before `before` / after `after`. */
  cutStart: boolean;
  cutEnd: boolean;
}

/**
 * Up to `max` characters of `text` from a little before `span`, so the match comes first and reads
 * in context, unless it already shows within the first `fit`. Without a span: the start of the text.
 */
export function excerpt(text: string, span: Span | null, max: number, fit = 0, lead = 24): Excerpt {
  if (!span) {
    const cut = text.length > max;
    return { before: cut ? text.slice(0, max) : text, match: '', after: '', cutStart: false, cutEnd: cut };
  }
  const matchLength = Math.min(span.end - span.start, max);
  // A match within the first `fit` characters (what the place it is shown in can display) is
  // shown from the start; otherwise from just before it, as a table cell shows only its first part.
  const from = span.end <= fit ? 0 : Math.max(0, span.start - lead);
  const to = Math.min(text.length, Math.max(from + max, span.start + matchLength));
  return {
    before: text.slice(from, span.start),
    match: text.slice(span.start, span.start + matchLength),
    after: text.slice(span.start + matchLength, to),
    cutStart: from > 0,
    cutEnd: to < text.length,
  };
}
