import type { Expr, RootName } from './ast';
import { FilterError } from './errors';
import { parseFilter } from './parser';

// Turns a parsed filter into a tree of closures. User input is only ever data here: names are
// resolved against a fixed set of message parts, property reads see own properties of parsed
// JSON only (never prototypes), and the only callable things are the built-in functions below.

/** What a filter can see of one message; the parts are computed only when the filter asks. */
export interface FilterRecord {
  partition: number;
  offset: number;
  timestamp: number;
  size: number;
  key(): string | null;
  /** The value parsed as JSON, or its text when it is not JSON, or null for a tombstone. */
  value(): unknown;
  headers(): Record<string, string | null>;
}

export type RegexFactory = (source: string, flags: string) => RegExp;
export type CompiledFilter = (record: FilterRecord) => boolean;

/** Longest string a regex is run on; longer text is matched on its first part only. */
export const REGEX_MAX_INPUT = 64 * 1024;

type Fn = (r: FilterRecord) => unknown;

export function compileFilter(src: string, regex: RegexFactory): CompiledFilter {
  const fn = compile(parseFilter(src), regex);
  return (r) => truthy(fn(r));
}

function compile(e: Expr, regex: RegexFactory): Fn {
  switch (e.k) {
    case 'literal': {
      const v = e.value;
      return () => v;
    }
    case 'regex': {
      let re: RegExp;
      try {
        re = regex(e.source, e.compiledFlags);
      } catch (error) {
        throw new FilterError(`Invalid regex: ${(error as Error).message}`, e.pos);
      }
      return () => re;
    }
    case 'list': {
      const items = e.items.map((i) => compile(i, regex));
      return (r) => items.map((i) => i(r));
    }
    case 'root':
      return rootAccessor(e.name);
    case 'member': {
      const object = compile(e.object, regex);
      const property = compile(e.property, regex);
      return (r) => member(object(r), property(r));
    }
    case 'call': {
      const arg = compile(e.args[0], regex);
      const fn = functions[e.fn];
      return (r) => fn(arg(r));
    }
    case 'not': {
      const arg = compile(e.arg, regex);
      return (r) => !truthy(arg(r));
    }
    case 'negate': {
      const arg = compile(e.arg, regex);
      return (r) => {
        const v = toNumber(arg(r));
        return v === undefined ? undefined : -v;
      };
    }
    case 'logical': {
      const left = compile(e.left, regex);
      const right = compile(e.right, regex);
      return e.op === '&&' ? (r) => truthy(left(r)) && truthy(right(r)) : (r) => truthy(left(r)) || truthy(right(r));
    }
    case 'arithmetic': {
      const left = compile(e.left, regex);
      const right = compile(e.right, regex);
      const op = arithmetic[e.op];
      return (r) => op(left(r), right(r));
    }
    case 'compare': {
      const left = compile(e.left, regex);
      const right = compile(e.right, regex);
      const op = comparisons[e.op];
      return (r) => op(left(r), right(r));
    }
  }
}

function rootAccessor(name: RootName): Fn {
  switch (name) {
    case 'key':
      return (r) => r.key();
    case 'value':
      return (r) => r.value();
    case 'headers':
      return (r) => r.headers();
    case 'partition':
      return (r) => r.partition;
    case 'offset':
      return (r) => r.offset;
    case 'timestamp':
      return (r) => r.timestamp;
    case 'size':
      return (r) => r.size;
  }
}

export function truthy(v: unknown): boolean {
  return v !== undefined && v !== null && v !== false && v !== 0 && v !== '' && !Number.isNaN(v);
}

function member(object: unknown, property: unknown): unknown {
  if (object === null || object === undefined) return undefined;
  if (Array.isArray(object)) {
    if (property === 'length') return object.length;
    const i = typeof property === 'number' ? property : typeof property === 'string' && /^\d+$/.test(property) ? Number(property) : NaN;
    return Number.isInteger(i) && i >= 0 && i < object.length ? object[i] : undefined;
  }
  if (typeof object === 'string') return property === 'length' ? object.length : undefined;
  if (typeof object === 'object') {
    const key = typeof property === 'number' ? String(property) : property;
    if (typeof key !== 'string') return undefined;
    return Object.prototype.hasOwnProperty.call(object, key) ? (object as Record<string, unknown>)[key] : undefined;
  }
  return undefined;
}

function toNumber(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v))) return Number(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  return undefined;
}

/** Scalars read as text for string operations; objects and arrays are not text. */
function toText(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

function equals(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if ((a === null || a === undefined) && (b === null || b === undefined)) return true;
  if (a === null || a === undefined || b === null || b === undefined) return false;
  if (typeof a === 'number' || typeof b === 'number') {
    const x = toNumber(a);
    const y = toNumber(b);
    return x !== undefined && y !== undefined && typeof a !== 'boolean' && typeof b !== 'boolean' && x === y;
  }
  if (typeof a === 'object' && typeof b === 'object') return deepEqual(a, b, 0);
  return false;
}

function deepEqual(a: unknown, b: unknown, depth: number): boolean {
  if (a === b) return true;
  if (depth > 32 || typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], depth + 1));
}

function order(a: unknown, b: unknown): number | undefined {
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  const x = toNumber(a);
  const y = toNumber(b);
  if (x === undefined || y === undefined || typeof a === 'boolean' || typeof b === 'boolean') return undefined;
  return x - y;
}

function matches(text: unknown, re: unknown): boolean {
  const s = toText(text);
  if (s === undefined || !(re instanceof RegExp)) return false;
  return re.test(s.length > REGEX_MAX_INPUT ? s.slice(0, REGEX_MAX_INPUT) : s);
}

const comparisons: Record<string, (a: unknown, b: unknown) => boolean> = {
  '==': equals,
  '!=': (a, b) => !equals(a, b),
  '<': (a, b) => (order(a, b) ?? NaN) < 0,
  '<=': (a, b) => (order(a, b) ?? NaN) <= 0,
  '>': (a, b) => (order(a, b) ?? NaN) > 0,
  '>=': (a, b) => (order(a, b) ?? NaN) >= 0,
  '~': matches,
  '!~': (a, b) => toText(a) !== undefined && !matches(a, b),
  contains: (a, b) => {
    if (Array.isArray(a)) return a.some((item) => equals(item, b));
    const s = toText(a);
    const t = toText(b);
    return s !== undefined && t !== undefined && s.includes(t);
  },
  startsWith: (a, b) => {
    const s = toText(a);
    const t = toText(b);
    return s !== undefined && t !== undefined && s.startsWith(t);
  },
  endsWith: (a, b) => {
    const s = toText(a);
    const t = toText(b);
    return s !== undefined && t !== undefined && s.endsWith(t);
  },
  in: (a, b) => Array.isArray(b) && b.some((item) => equals(a, item)),
};

const arithmetic: Record<string, (a: unknown, b: unknown) => unknown> = {
  '+': (a, b) => {
    if (typeof a === 'string' || typeof b === 'string') {
      const s = toText(a);
      const t = toText(b);
      return s !== undefined && t !== undefined ? s + t : undefined;
    }
    const x = toNumber(a);
    const y = toNumber(b);
    return x !== undefined && y !== undefined ? x + y : undefined;
  },
  '-': numeric((x, y) => x - y),
  '*': numeric((x, y) => x * y),
  '/': numeric((x, y) => (y === 0 ? undefined : x / y)),
  '%': numeric((x, y) => (y === 0 ? undefined : x % y)),
};

function numeric(op: (x: number, y: number) => number | undefined) {
  return (a: unknown, b: unknown) => {
    const x = typeof a === 'boolean' ? undefined : toNumber(a);
    const y = typeof b === 'boolean' ? undefined : toNumber(b);
    return x !== undefined && y !== undefined ? op(x, y) : undefined;
  };
}

const functions: Record<string, (v: unknown) => unknown> = {
  len: (v) => (typeof v === 'string' || Array.isArray(v) ? v.length : v && typeof v === 'object' ? Object.keys(v).length : undefined),
  lower: (v) => toText(v)?.toLowerCase(),
  upper: (v) => toText(v)?.toUpperCase(),
  trim: (v) => toText(v)?.trim(),
  number: (v) => (typeof v === 'boolean' ? undefined : toNumber(v)),
  string: (v) => (v !== null && typeof v === 'object' ? JSON.stringify(v) : toText(v)),
  exists: (v) => v !== undefined && v !== null,
  date: (v) => v,
};
