import { setFlagsFromString } from 'node:v8';
import { FilterError, hasNestedQuantifier, parseRegex } from '@/lib/messages/filter';

// How user regexes are kept from hanging the server (ReDoS):
// 1. lib/messages/filter/regex-syntax.ts accepts only the regular subset (no backreferences or
//    lookaround), at most 200 characters and a bounded expansion of counted repetitions, and
//    rewrites case-insensitivity into character classes.
// 2. Such a pattern can run on V8's linear-time regex engine. Every accepted pattern is first
//    compiled for it (the `l` flag), which proves it can; then it runs on the ordinary engine
//    with V8's fallback switched on: after 50,000 backtracks in one match V8 re-runs that match
//    on the linear engine. Common patterns keep the fast engine; catastrophic ones cannot blow up.
// 3. Matching runs on at most REGEX_MAX_INPUT (64 KiB) of each string, which bounds the linear
//    engine's time per message too.
// On a runtime without the linear engine, patterns with nested quantifiers are refused instead.

let linearEngine: boolean | undefined;

function enableLinearEngine(): boolean {
  if (linearEngine !== undefined) return linearEngine;
  try {
    setFlagsFromString('--enable-experimental-regexp-engine');
    setFlagsFromString('--enable-experimental-regexp-engine-on-excessive-backtracks');
    linearEngine = compilesLinear('a');
  } catch {
    linearEngine = false;
  }
  return linearEngine;
}

/** Compiles a user's regex (source and flags as typed) into a RegExp that cannot run away. */
export function compileSafeRegex(pattern: string, flags = ''): RegExp {
  const parsed = parseRegex(pattern, flags);
  return compileParsed(parsed.source, parsed.flags, () => hasNestedQuantifier(parsed.ast));
}

/** For sources already checked and rewritten by parseRegex (the filter language's literals). */
export function compileCheckedRegex(source: string, flags: string): RegExp {
  return compileParsed(source, flags, () => hasNestedQuantifier(parseRegex(source, flags).ast));
}

function compileParsed(source: string, flags: string, nested: () => boolean): RegExp {
  if (enableLinearEngine()) {
    if (!compilesLinear(source, flags)) throw new FilterError('The regex is too complex to run safely; simplify its repetitions');
  } else if (nested()) {
    throw new FilterError('Nested repetition like (a+)+ is not allowed in a regex');
  }
  return new RegExp(source, flags);
}

/** Whether V8's linear-time engine (the `l` flag, present once the flags above are set) accepts the pattern. */
function compilesLinear(source: string, flags = ''): boolean {
  try {
    new RegExp(source, `${flags}l`);
    return true;
  } catch {
    return false;
  }
}

export function linearRegexEngine(): boolean {
  return enableLinearEngine();
}
