/**
 * Head-written form patterns, run in a linear-time engine (RE2, through re2js): checking an answer
 * takes time proportional to its length whatever the pattern, so no pattern can hold the event
 * loop (a backtracking engine takes seconds on 30 characters of `^(\d*)*$`). Used by the API for
 * every answer and by the portal, which loads this module only for forms that have a pattern.
 */
import { RE2JS } from 're2js';
import type { PatternMatcher } from './form-check.ts';

/** Compiled patterns, by source; a catalog has few, so a small bound is plenty. */
const compiled = new Map<string, RE2JS | null>();
const MAX_COMPILED = 500;

function compile(pattern: string): RE2JS | null {
  let found = compiled.get(pattern);
  if (found === undefined) {
    try {
      // Heads write JavaScript-style patterns (`\u00e9`, `(?<name>…)`); translate them to RE2 syntax.
      found = RE2JS.compile(RE2JS.translateRegExp(pattern));
    } catch {
      found = null;
    }
    if (compiled.size >= MAX_COMPILED) compiled.clear();
    compiled.set(pattern, found);
  }
  return found;
}

/**
 * Whether the whole value matches the pattern. A stored pattern this engine cannot compile (saved
 * before the editor refused such patterns) is not checked, rather than blocking every order.
 */
export const linearPatterns: PatternMatcher = (pattern, value) => compile(pattern)?.testExact(value) ?? true;

/** Why a head's pattern cannot be used, or undefined when it can. */
export function patternProblem(pattern: string): string | undefined {
  if (compile(pattern)) return undefined;
  try {
    // Compiling (never running) a JavaScript RegExp is safe; it tells unsupported syntax from typos.
    new RegExp(pattern);
  } catch {
    return 'This pattern is not a valid regular expression.';
  }
  return 'This pattern uses look-ahead, look-behind or a back-reference, which Ordo does not support. Write it without them.';
}
