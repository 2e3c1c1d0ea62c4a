export type { Expr, RootName, FunctionName } from './ast';
export { ROOTS, FUNCTIONS } from './ast';
export { FilterError } from './errors';
export { parseFilter, FILTER_MAX_LENGTH } from './parser';
export { compileFilter, truthy, REGEX_MAX_INPUT, type CompiledFilter, type FilterRecord, type RegexFactory } from './evaluate';
export { parseRegex, hasNestedQuantifier, REGEX_MAX_PATTERN_LENGTH, type ParsedRegex } from './regex-syntax';
