// The filter language's syntax tree. Every node carries its column so errors can point at it.

/** Names an expression may start from: the message's parts. */
export const ROOTS = ['key', 'value', 'headers', 'partition', 'offset', 'timestamp', 'size'] as const;
export type RootName = (typeof ROOTS)[number];

/** Functions an expression may call; nothing else is callable. */
export const FUNCTIONS = ['len', 'lower', 'upper', 'trim', 'number', 'string', 'exists', 'date'] as const;
export type FunctionName = (typeof FUNCTIONS)[number];

export type CompareOp = '==' | '!=' | '<' | '<=' | '>' | '>=' | 'contains' | 'startsWith' | 'endsWith' | 'in' | '~' | '!~';
export type ArithmeticOp = '+' | '-' | '*' | '/' | '%';

export type Expr =
  | { k: 'literal'; value: string | number | boolean | null; pos: number }
  | { k: 'regex'; pattern: string; flags: string; source: string; compiledFlags: string; pos: number }
  | { k: 'list'; items: Expr[]; pos: number }
  | { k: 'root'; name: RootName; pos: number }
  | { k: 'member'; object: Expr; property: Expr; pos: number }
  | { k: 'call'; fn: FunctionName; args: Expr[]; pos: number }
  | { k: 'not'; arg: Expr; pos: number }
  | { k: 'negate'; arg: Expr; pos: number }
  | { k: 'compare'; op: CompareOp; left: Expr; right: Expr; pos: number }
  | { k: 'arithmetic'; op: ArithmeticOp; left: Expr; right: Expr; pos: number }
  | { k: 'logical'; op: '&&' | '||'; left: Expr; right: Expr; pos: number };
