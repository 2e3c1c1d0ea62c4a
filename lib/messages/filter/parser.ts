import { FUNCTIONS, ROOTS, type CompareOp, type Expr, type FunctionName, type RootName } from './ast';
import { FilterError } from './errors';
import { tokenize, type Token } from './lexer';
import { parseRegex } from './regex-syntax';

// Recursive-descent parser for the filter language. The grammar, loosest binding first:
//   or      := and (("||" | "or") and)*
//   and     := not (("&&" | "and") not)*
//   not     := ("!" | "not") not | compare
//   compare := sum (op sum)?      op: == != < <= > >= ~ !~ matches contains startsWith endsWith in
//   sum     := product (("+" | "-") product)*
//   product := unary (("*" | "/" | "%") unary)*
//   unary   := "-" unary | postfix
//   postfix := primary ("." name | "[" or "]")*
//   primary := number | string | /regex/flags | true | false | null | root | fn "(" args ")" | "(" or ")" | "[" list "]"

export const FILTER_MAX_LENGTH = 2000;
const MAX_DEPTH = 64;
const MAX_NODES = 500;

const COMPARE_OPS = new Set(['==', '!=', '<', '<=', '>', '>=', '~', '!~']);
const COMPARE_WORDS = new Set(['contains', 'startsWith', 'endsWith', 'in', 'matches']);
const KEYWORDS = new Set(['and', 'or', 'not', 'true', 'false', 'null', ...COMPARE_WORDS]);

export function parseFilter(src: string): Expr {
  if (src.trim() === '') throw new FilterError('The filter is empty');
  if (src.length > FILTER_MAX_LENGTH) throw new FilterError(`The filter is longer than ${FILTER_MAX_LENGTH} characters`);
  return new Parser(tokenize(src)).parse();
}

class Parser {
  private i = 0;
  private depth = 0;
  private nodes = 0;

  constructor(private readonly tokens: Token[]) {}

  parse(): Expr {
    const expr = this.or();
    const t = this.peek();
    if (t.type !== 'eof') throw new FilterError(`Unexpected ${describe(t)}`, t.pos);
    return expr;
  }

  private peek(): Token {
    return this.tokens[this.i];
  }

  private next(): Token {
    return this.tokens[this.i++];
  }

  private isOp(text: string): boolean {
    const t = this.peek();
    return t.type === 'op' && t.text === text;
  }

  private isWord(text: string): boolean {
    const t = this.peek();
    return t.type === 'ident' && t.text === text;
  }

  private expectOp(text: string, what: string): void {
    const t = this.next();
    if (t.type !== 'op' || t.text !== text) throw new FilterError(`Expected "${text}" ${what}, found ${describe(t)}`, t.pos);
  }

  private node<E extends Expr>(e: E): E {
    if (++this.nodes > MAX_NODES) throw new FilterError(`The filter has more than ${MAX_NODES} parts`, e.pos);
    return e;
  }

  private nested<T>(pos: number, fn: () => T): T {
    if (++this.depth > MAX_DEPTH) throw new FilterError('The filter is nested too deeply', pos);
    try {
      return fn();
    } finally {
      this.depth--;
    }
  }

  private or(): Expr {
    let left = this.and();
    while (this.isOp('||') || this.isWord('or')) {
      const pos = this.next().pos;
      left = this.node({ k: 'logical', op: '||', left, right: this.and(), pos });
    }
    return left;
  }

  private and(): Expr {
    let left = this.not();
    while (this.isOp('&&') || this.isWord('and')) {
      const pos = this.next().pos;
      left = this.node({ k: 'logical', op: '&&', left, right: this.not(), pos });
    }
    return left;
  }

  private not(): Expr {
    if (this.isOp('!') || this.isWord('not')) {
      const pos = this.next().pos;
      return this.nested(pos, () => this.node({ k: 'not', arg: this.not(), pos }));
    }
    return this.compare();
  }

  private compare(): Expr {
    const left = this.sum();
    const t = this.peek();
    const isOp = t.type === 'op' && COMPARE_OPS.has(t.text);
    const isWord = t.type === 'ident' && COMPARE_WORDS.has(t.text);
    if (!isOp && !isWord) return left;
    this.next();
    const op = (t.text === 'matches' ? '~' : t.text) as CompareOp;
    const right = this.sum();
    if ((op === '~' || op === '!~') && right.k !== 'regex') {
      if (right.k === 'literal' && typeof right.value === 'string') {
        return this.node({ k: 'compare', op, left, right: this.regexNode(right.value, '', right.pos), pos: t.pos });
      }
      throw new FilterError(`${t.text} needs a regex literal like /^abc/i on its right`, right.pos);
    }
    const result: Expr = this.node({ k: 'compare', op, left, right, pos: t.pos });
    const after = this.peek();
    if ((after.type === 'op' && COMPARE_OPS.has(after.text)) || (after.type === 'ident' && COMPARE_WORDS.has(after.text))) {
      throw new FilterError('Comparisons cannot be chained; join them with &&', after.pos);
    }
    return result;
  }

  private sum(): Expr {
    let left = this.product();
    while (this.isOp('+') || this.isOp('-')) {
      const t = this.next();
      left = this.node({ k: 'arithmetic', op: t.text as '+' | '-', left, right: this.product(), pos: t.pos });
    }
    return left;
  }

  private product(): Expr {
    let left = this.unary();
    while (this.isOp('*') || this.isOp('/') || this.isOp('%')) {
      const t = this.next();
      left = this.node({ k: 'arithmetic', op: t.text as '*' | '/' | '%', left, right: this.unary(), pos: t.pos });
    }
    return left;
  }

  private unary(): Expr {
    if (this.isOp('-')) {
      const pos = this.next().pos;
      return this.nested(pos, () => this.node({ k: 'negate', arg: this.unary(), pos }));
    }
    return this.postfix();
  }

  private postfix(): Expr {
    let expr = this.primary();
    for (;;) {
      if (this.isOp('.')) {
        const dot = this.next();
        const name = this.next();
        if (name.type !== 'ident') throw new FilterError(`Expected a field name after ".", found ${describe(name)}`, name.pos);
        expr = this.node({ k: 'member', object: expr, property: { k: 'literal', value: name.text, pos: name.pos }, pos: dot.pos });
      } else if (this.isOp('[')) {
        const open = this.next();
        const property = this.nested(open.pos, () => this.or());
        this.expectOp(']', 'to close the index');
        expr = this.node({ k: 'member', object: expr, property, pos: open.pos });
      } else return expr;
    }
  }

  private primary(): Expr {
    const t = this.next();
    switch (t.type) {
      case 'number':
        return this.node({ k: 'literal', value: t.number!, pos: t.pos });
      case 'string':
        return this.node({ k: 'literal', value: t.text, pos: t.pos });
      case 'regex':
        return this.regexNode(t.text, t.flags ?? '', t.pos);
      case 'ident':
        return this.identifier(t);
      case 'op':
        if (t.text === '(') {
          const inner = this.nested(t.pos, () => this.or());
          this.expectOp(')', 'to close the parenthesis');
          return inner;
        }
        if (t.text === '[') return this.list(t.pos);
        break;
      case 'eof':
        throw new FilterError('The filter ends too early', t.pos);
    }
    throw new FilterError(`Unexpected ${describe(t)}`, t.pos);
  }

  private identifier(t: Token): Expr {
    if (t.text === 'true' || t.text === 'false') return this.node({ k: 'literal', value: t.text === 'true', pos: t.pos });
    if (t.text === 'null') return this.node({ k: 'literal', value: null, pos: t.pos });
    if (KEYWORDS.has(t.text)) throw new FilterError(`"${t.text}" cannot start an operand`, t.pos);
    if (this.isOp('(')) {
      if (!(FUNCTIONS as readonly string[]).includes(t.text)) {
        throw new FilterError(`Unknown function "${t.text}". Functions: ${FUNCTIONS.join(', ')}`, t.pos);
      }
      this.next();
      const args: Expr[] = [];
      if (!this.isOp(')')) {
        do args.push(this.nested(t.pos, () => this.or()));
        while (this.isOp(',') && this.next());
      }
      this.expectOp(')', 'to close the call');
      const fn = t.text as FunctionName;
      if (args.length !== 1) throw new FilterError(`${fn}() takes one argument`, t.pos);
      if (fn === 'date') return this.dateLiteral(args[0], t.pos);
      return this.node({ k: 'call', fn, args, pos: t.pos });
    }
    if (!(ROOTS as readonly string[]).includes(t.text)) {
      throw new FilterError(`Unknown name "${t.text}". Start from one of: ${ROOTS.join(', ')}`, t.pos);
    }
    return this.node({ k: 'root', name: t.text as RootName, pos: t.pos });
  }

  /** date("2024-05-01T10:00:00Z") is folded into its epoch milliseconds while parsing. */
  private dateLiteral(arg: Expr, pos: number): Expr {
    if (arg.k !== 'literal' || typeof arg.value !== 'string') throw new FilterError('date() takes a quoted ISO date', pos);
    const ms = Date.parse(arg.value);
    if (Number.isNaN(ms)) throw new FilterError(`"${arg.value}" is not a date (use ISO 8601, e.g. 2024-05-01T10:00:00Z)`, arg.pos);
    return this.node({ k: 'literal', value: ms, pos });
  }

  private list(pos: number): Expr {
    const items: Expr[] = [];
    if (!this.isOp(']')) {
      do items.push(this.nested(pos, () => this.or()));
      while (this.isOp(',') && this.next());
    }
    this.expectOp(']', 'to close the list');
    return this.node({ k: 'list', items, pos });
  }

  private regexNode(pattern: string, flags: string, pos: number): Expr {
    try {
      const parsed = parseRegex(pattern, flags);
      return this.node({ k: 'regex', pattern, flags, source: parsed.source, compiledFlags: parsed.flags, pos });
    } catch (error) {
      if (error instanceof FilterError) throw new FilterError(error.message.replace(/ \(at column \d+\)$/, ''), pos + 1 + (error.position ?? 0));
      throw error;
    }
  }
}

function describe(t: Token): string {
  if (t.type === 'eof') return 'end of filter';
  if (t.type === 'string') return `string "${t.text}"`;
  return `"${t.text}"`;
}
