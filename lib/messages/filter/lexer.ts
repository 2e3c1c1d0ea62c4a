import { FilterError } from './errors';

export type TokenType = 'number' | 'string' | 'regex' | 'ident' | 'op' | 'eof';

export interface Token {
  type: TokenType;
  /** Operator text, identifier name, or the decoded string. */
  text: string;
  number?: number;
  /** Regex flags, for regex tokens. */
  flags?: string;
  pos: number;
}

const OPERATORS = ['==', '!=', '<=', '>=', '&&', '||', '!~', '<', '>', '!', '~', '(', ')', '[', ']', '.', ',', '+', '-', '*', '/', '%'];
const HINTS: Record<string, string> = { '=': 'Use == to compare', '&': 'Use && for "and"', '|': 'Use || for "or"' };
const STRING_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '0': '\0', '\\': '\\', '"': '"', "'": "'", '/': '/' };

/**
 * Splits a filter expression into tokens. A `/` starts a regex literal where an operand is
 * expected (after an operator or at the start) and is division elsewhere, as in JavaScript.
 */
export function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  const operandExpected = () => {
    const last = tokens[tokens.length - 1];
    if (!last) return true;
    if (last.type === 'op') return ![')', ']'].includes(last.text);
    return last.type === 'ident' && ['and', 'or', 'not', 'contains', 'startsWith', 'endsWith', 'matches', 'in'].includes(last.text);
  };
  while (pos < src.length) {
    const c = src[pos];
    if (/\s/.test(c)) {
      pos++;
      continue;
    }
    const start = pos;
    if (/[0-9]/.test(c)) {
      const m = /^(?:0x[0-9a-fA-F]+|\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(src.slice(pos))!;
      if (/[A-Za-z_$]/.test(src[pos + m[0].length] ?? '')) throw new FilterError('Invalid number', start);
      tokens.push({ type: 'number', text: m[0], number: Number(m[0]), pos: start });
      pos += m[0].length;
    } else if (/[A-Za-z_$]/.test(c)) {
      const m = /^[A-Za-z_$][A-Za-z0-9_$]*/.exec(src.slice(pos))!;
      tokens.push({ type: 'ident', text: m[0], pos: start });
      pos += m[0].length;
    } else if (c === '"' || c === "'") {
      const [text, end] = readString(src, pos);
      tokens.push({ type: 'string', text, pos: start });
      pos = end;
    } else if (c === '/' && operandExpected()) {
      const [text, flags, end] = readRegex(src, pos);
      tokens.push({ type: 'regex', text, flags, pos: start });
      pos = end;
    } else {
      const op = OPERATORS.find((o) => src.startsWith(o, pos));
      if (!op) throw new FilterError(HINTS[c] ?? `Unexpected character "${c}"`, start);
      tokens.push({ type: 'op', text: op, pos: start });
      pos += op.length;
    }
  }
  tokens.push({ type: 'eof', text: '', pos: src.length });
  return tokens;
}

function readString(src: string, start: number): [string, number] {
  const quote = src[start];
  let pos = start + 1;
  let out = '';
  while (pos < src.length) {
    const c = src[pos];
    if (c === quote) return [out, pos + 1];
    if (c === '\\') {
      const e = src[pos + 1];
      if (e === 'u') {
        const hex = src.slice(pos + 2, pos + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new FilterError('\\u needs 4 hex digits', pos);
        out += String.fromCharCode(parseInt(hex, 16));
        pos += 6;
        continue;
      }
      if (e === undefined || !(e in STRING_ESCAPES)) throw new FilterError(`Unknown escape \\${e ?? ''} in string`, pos);
      out += STRING_ESCAPES[e];
      pos += 2;
      continue;
    }
    out += c;
    pos++;
  }
  throw new FilterError('Unterminated string', start);
}

function readRegex(src: string, start: number): [string, string, number] {
  let pos = start + 1;
  let inClass = false;
  while (pos < src.length) {
    const c = src[pos];
    if (c === '\\') {
      pos += 2;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === ']') inClass = false;
    else if (c === '/' && !inClass) {
      const flags = /^[A-Za-z]*/.exec(src.slice(pos + 1))![0];
      return [src.slice(start + 1, pos), flags, pos + 1 + flags.length];
    }
    pos++;
  }
  throw new FilterError('Unterminated regex literal', start);
}
