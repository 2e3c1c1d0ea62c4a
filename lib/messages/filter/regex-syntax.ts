import { FilterError } from './errors';

// User regexes are parsed here before anything compiles them. Only the regular subset is
// accepted (no backreferences, no lookaround), so a pattern can always run on V8's linear-time
// engine; the server (lib/kafka/messages/safe-regex.ts) relies on that to bound matching time.
// Case-insensitivity is rewritten into explicit character classes because V8's linear engine
// has no `i` flag.

export const REGEX_MAX_PATTERN_LENGTH = 200;
export const REGEX_MAX_REPEAT = 1000;
/** Rough count of automaton states; above it a pattern is refused as too complex. */
export const REGEX_MAX_STATES = 5000;

type ClassItem = { t: 'char'; c: string } | { t: 'range'; from: number; to: number } | { t: 'esc'; e: string };

export type RegexNode =
  | { t: 'char'; c: string }
  | { t: 'any' }
  | { t: 'esc'; e: string }
  | { t: 'anchor'; a: '^' | '$' }
  | { t: 'class'; negated: boolean; items: ClassItem[] }
  | { t: 'group'; body: RegexNode }
  | { t: 'alt'; options: RegexNode[] }
  | { t: 'seq'; items: RegexNode[] }
  | { t: 'rep'; body: RegexNode; min: number; max: number; lazy: boolean };

export interface ParsedRegex {
  /** Pattern to hand to `new RegExp`, with case-insensitivity expanded and groups non-capturing. */
  source: string;
  /** Flags for `new RegExp` (m and s only; i has been expanded into the source). */
  flags: string;
  ast: RegexNode;
}

const CLASS_ESCAPES = new Set(['d', 'D', 'w', 'W', 's', 'S']);
const CONTROL_ESCAPES: Record<string, string> = { t: '\t', n: '\n', r: '\r', f: '\f', v: '\v', '0': '\0' };
const PUNCTUATION = new Set([...'\\^$.|?*+()[]{}/-']);

export function parseRegex(pattern: string, flags = ''): ParsedRegex {
  if (pattern.length === 0) throw new FilterError('The regex is empty');
  if (pattern.length > REGEX_MAX_PATTERN_LENGTH) {
    throw new FilterError(`The regex is longer than ${REGEX_MAX_PATTERN_LENGTH} characters`);
  }
  for (const f of flags) {
    if (!'ims'.includes(f)) throw new FilterError(`Regex flag "${f}" is not supported (use i, m or s)`);
  }
  const ast = new RegexParser(pattern).parse();
  const states = estimateStates(ast);
  if (states > REGEX_MAX_STATES) throw new FilterError('The regex is too complex (its repetitions expand too far)');
  const caseless = flags.includes('i');
  return { source: emit(ast, caseless), flags: [...flags].filter((f) => f !== 'i').join(''), ast };
}

/** True when a quantifier that repeats more than once contains another one, e.g. `(a+)+`. */
export function hasNestedQuantifier(node: RegexNode, insideRepeat = false): boolean {
  switch (node.t) {
    case 'rep': {
      const repeats = node.max > 1;
      if (repeats && insideRepeat) return true;
      if (repeats && node.body.t !== 'char' && containsAlternation(node.body)) return true;
      return hasNestedQuantifier(node.body, insideRepeat || repeats);
    }
    case 'group':
      return hasNestedQuantifier(node.body, insideRepeat);
    case 'seq':
      return node.items.some((n) => hasNestedQuantifier(n, insideRepeat));
    case 'alt':
      return node.options.some((n) => hasNestedQuantifier(n, insideRepeat));
    default:
      return false;
  }
}

function containsAlternation(node: RegexNode): boolean {
  if (node.t === 'alt') return true;
  if (node.t === 'group' || node.t === 'rep') return containsAlternation(node.body);
  if (node.t === 'seq') return node.items.some(containsAlternation);
  return false;
}

class RegexParser {
  private pos = 0;
  constructor(private readonly src: string) {}

  parse(): RegexNode {
    const node = this.alternation();
    if (this.pos < this.src.length) throw this.error(`Unexpected "${this.src[this.pos]}"`);
    return node;
  }

  private error(message: string, at = this.pos): FilterError {
    return new FilterError(`Invalid regex: ${message}`, at);
  }

  private alternation(): RegexNode {
    const options = [this.sequence()];
    while (this.src[this.pos] === '|') {
      this.pos++;
      options.push(this.sequence());
    }
    return options.length === 1 ? options[0] : { t: 'alt', options };
  }

  private sequence(): RegexNode {
    const items: RegexNode[] = [];
    while (this.pos < this.src.length && this.src[this.pos] !== '|' && this.src[this.pos] !== ')') {
      const atom = this.atom();
      items.push(this.quantifier(atom));
    }
    return items.length === 1 ? items[0] : { t: 'seq', items };
  }

  private quantifier(atom: RegexNode): RegexNode {
    const c = this.src[this.pos];
    let min: number;
    let max: number;
    if (c === '*') [min, max] = [0, Infinity];
    else if (c === '+') [min, max] = [1, Infinity];
    else if (c === '?') [min, max] = [0, 1];
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.pos));
      if (!m) throw this.error('"{" must start a repetition like {2} or {1,5}; write \\{ for the character');
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
      if (min > REGEX_MAX_REPEAT || (max !== Infinity && max > REGEX_MAX_REPEAT)) {
        throw this.error(`Repetition counts are limited to ${REGEX_MAX_REPEAT}`);
      }
      if (max < min) throw this.error('Repetition {n,m} needs n <= m');
      this.pos += m[0].length - 1;
    } else return atom;
    if (atom.t === 'anchor' || (atom.t === 'esc' && (atom.e === 'b' || atom.e === 'B'))) {
      throw this.error('Nothing to repeat');
    }
    this.pos++;
    const lazy = this.src[this.pos] === '?';
    if (lazy) this.pos++;
    if (this.pos < this.src.length && '*+?{'.includes(this.src[this.pos])) throw this.error('Nothing to repeat');
    return { t: 'rep', body: atom, min, max, lazy };
  }

  private atom(): RegexNode {
    const start = this.pos;
    const c = this.src[this.pos++];
    switch (c) {
      case '.':
        return { t: 'any' };
      case '^':
      case '$':
        return { t: 'anchor', a: c };
      case '(':
        return this.group(start);
      case '[':
        return this.charClass();
      case '\\':
        return this.escape(false) as RegexNode;
      case '*':
      case '+':
      case '?':
        throw this.error('Nothing to repeat', start);
      case '{':
        throw this.error('"{" must follow something to repeat; write \\{ for the character', start);
      case ']':
      case '}':
        throw this.error(`Unescaped "${c}"; write \\${c} for the character`, start);
      default:
        return { t: 'char', c };
    }
  }

  private group(start: number): RegexNode {
    if (this.src[this.pos] === '?') {
      const rest = this.src.slice(this.pos, this.pos + 3);
      if (rest.startsWith('?:')) this.pos += 2;
      else if (rest.startsWith('?<') && rest !== '?<=' && rest !== '?<!') {
        const m = /^\?<([A-Za-z_$][\w$]*)>/.exec(this.src.slice(this.pos));
        if (!m) throw this.error('Invalid group name');
        this.pos += m[0].length;
      } else {
        throw this.error('Lookahead and lookbehind are not supported (they cannot run in linear time)', start);
      }
    }
    const body = this.alternation();
    if (this.src[this.pos] !== ')') throw this.error('Missing ")"', start);
    this.pos++;
    return { t: 'group', body };
  }

  private charClass(): RegexNode {
    const start = this.pos - 1;
    const negated = this.src[this.pos] === '^';
    if (negated) this.pos++;
    const items: ClassItem[] = [];
    for (;;) {
      if (this.pos >= this.src.length) throw this.error('Missing "]"', start);
      const c = this.src[this.pos];
      if (c === ']') {
        this.pos++;
        break;
      }
      const item = this.classAtom();
      if (this.src[this.pos] === '-' && this.src[this.pos + 1] !== ']' && this.pos + 1 < this.src.length) {
        const dash = this.pos++;
        const to = this.classAtom();
        if (item.t !== 'char' || to.t !== 'char') throw this.error('A range cannot use \\d, \\w or \\s', dash);
        const from = item.c.charCodeAt(0);
        const end = to.c.charCodeAt(0);
        if (end < from) throw this.error('Range out of order in character class', dash);
        items.push({ t: 'range', from, to: end });
      } else items.push(item);
    }
    return { t: 'class', negated, items };
  }

  private classAtom(): ClassItem {
    const c = this.src[this.pos++];
    if (c !== '\\') return { t: 'char', c };
    return this.escape(true) as ClassItem;
  }

  private escape(inClass: boolean): RegexNode | ClassItem {
    const at = this.pos - 1;
    const c = this.src[this.pos++];
    if (c === undefined) throw this.error('Pattern ends with a lone backslash', at);
    if (CLASS_ESCAPES.has(c)) return { t: 'esc', e: c };
    if (!inClass && (c === 'b' || c === 'B')) return { t: 'esc', e: c };
    if (c in CONTROL_ESCAPES) {
      if (c === '0' && /\d/.test(this.src[this.pos] ?? '')) throw this.error('Octal escapes are not supported', at);
      return { t: 'char', c: CONTROL_ESCAPES[c] };
    }
    if (PUNCTUATION.has(c)) return { t: 'char', c };
    if (c === 'x' || c === 'u') {
      const len = c === 'x' ? 2 : 4;
      const hex = this.src.slice(this.pos, this.pos + len);
      if (!new RegExp(`^[0-9a-fA-F]{${len}}$`).test(hex)) throw this.error(`\\${c} needs ${len} hex digits`, at);
      this.pos += len;
      return { t: 'char', c: String.fromCharCode(parseInt(hex, 16)) };
    }
    if (/[1-9]/.test(c) || c === 'k') throw this.error('Backreferences are not supported (they cannot run in linear time)', at);
    if (c === 'p' || c === 'P') throw this.error('Unicode property escapes are not supported', at);
    throw this.error(`Unknown escape \\${c}`, at);
  }
}

function estimateStates(node: RegexNode): number {
  switch (node.t) {
    case 'seq':
      return node.items.reduce((n, item) => n + estimateStates(item), 0);
    case 'alt':
      return node.options.reduce((n, o) => n + estimateStates(o), node.options.length);
    case 'group':
      return estimateStates(node.body);
    case 'rep': {
      const copies = node.max === Infinity ? node.min + 1 : node.max;
      return estimateStates(node.body) * Math.max(copies, 1) + 1;
    }
    default:
      return 1;
  }
}

// ---------------------------------------------------------------- emit

function emit(node: RegexNode, caseless: boolean): string {
  switch (node.t) {
    case 'char':
      return emitChar(node.c, caseless);
    case 'any':
      return '.';
    case 'esc':
      return `\\${node.e}`;
    case 'anchor':
      return node.a;
    case 'class':
      return `[${node.negated ? '^' : ''}${node.items.map((i) => emitClassItem(i, caseless)).join('')}]`;
    case 'group':
      return `(?:${emit(node.body, caseless)})`;
    case 'alt':
      return node.options.map((o) => emit(o, caseless)).join('|');
    case 'seq':
      return node.items.map((i) => (i.t === 'alt' ? `(?:${emit(i, caseless)})` : emit(i, caseless))).join('');
    case 'rep': {
      const body = node.body.t === 'seq' || node.body.t === 'alt' ? `(?:${emit(node.body, caseless)})` : emit(node.body, caseless);
      const q =
        node.min === 0 && node.max === Infinity ? '*'
        : node.min === 1 && node.max === Infinity ? '+'
        : node.min === 0 && node.max === 1 ? '?'
        : node.max === Infinity ? `{${node.min},}`
        : node.min === node.max ? `{${node.min}}`
        : `{${node.min},${node.max}}`;
      return body + q + (node.lazy ? '?' : '');
    }
  }
}

function literal(c: string): string {
  return /[A-Za-z0-9 _]/.test(c) ? c : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

function caseVariants(c: string): string[] {
  const lower = c.toLowerCase();
  const upper = c.toUpperCase();
  const out = new Set([c]);
  if (lower.length === 1) out.add(lower);
  if (upper.length === 1) out.add(upper);
  return [...out];
}

function emitChar(c: string, caseless: boolean): string {
  const variants = caseless ? caseVariants(c) : [c];
  return variants.length === 1 ? literal(c) : `[${variants.map(literal).join('')}]`;
}

function emitClassItem(item: ClassItem, caseless: boolean): string {
  if (item.t === 'esc') return `\\${item.e}`;
  if (item.t === 'char') return (caseless ? caseVariants(item.c) : [item.c]).map(literal).join('');
  const range = (from: number, to: number) =>
    `${literal(String.fromCharCode(from))}-${literal(String.fromCharCode(to))}`;
  let out = range(item.from, item.to);
  if (!caseless) return out;
  // ASCII letters in a range also match their other case; other scripts are folded per character only.
  const fold = (lo: number, hi: number, shift: number) => {
    const a = Math.max(item.from, lo);
    const b = Math.min(item.to, hi);
    if (a <= b) out += range(a + shift, b + shift);
  };
  fold(0x61, 0x7a, -0x20);
  fold(0x41, 0x5a, 0x20);
  return out;
}
