/**
 * Head-written form patterns, run in a linear-time engine (RE2, through re2js): checking an answer
 * takes time proportional to its length times the pattern's size, whatever the pattern, so no
 * pattern can hold the event loop (a backtracking engine takes seconds on 30 characters of
 * `^(\d*)*$`). The size is bounded too: `.{1000}` repeated is linear but slow. Used by the API for
 * every answer and by the portal, which loads this module only for forms that have a pattern.
 */
import { RE2JS } from 're2js';
import type { PatternMatcher } from './form-check.ts';
import { type Refusal, refusal } from './refusals.ts';

/**
 * Instructions a compiled pattern may have. Matching costs at most this many steps per character:
 * a 10,000-character answer is checked in tens of milliseconds at the limit. Real form patterns
 * (codes, phone numbers, IBANs) need a few dozen.
 */
export const MAX_PATTERN_PROGRAM = 400;

const UNSUPPORTED = refusal('pattern_unsupported');
const TOO_LARGE = refusal('pattern_too_large');
const INVALID = refusal('pattern_invalid');

type Compiled = { re: RE2JS } | { problem: Refusal };

/** Compiled patterns, by source; a catalog has few, so a small bound is plenty. */
const compiled = new Map<string, Compiled>();
const MAX_COMPILED = 500;

function programSize(re: RE2JS): number {
  // The compiled program of re2js 2.x; a test pins that the bound still applies after an upgrade.
  const prog = (re.re2() as { prog?: { inst?: unknown[] } }).prog;
  return prog?.inst?.length ?? 0;
}

function compileNew(pattern: string): Compiled {
  let re: RE2JS;
  try {
    // Heads write JavaScript-style patterns (`\u00e9`, `(?<name>…)`); translate them to RE2 syntax.
    re = RE2JS.compile(RE2JS.translateRegExp(pattern));
  } catch (error) {
    try {
      // Compiling (never running) a JavaScript RegExp is safe; it tells typos from what RE2 refuses.
      new RegExp(pattern);
    } catch {
      return { problem: INVALID };
    }
    return {
      problem: /repeat count|too large|nesting depth/i.test((error as Error).message) ? TOO_LARGE : UNSUPPORTED,
    };
  }
  return programSize(re) > MAX_PATTERN_PROGRAM ? { problem: TOO_LARGE } : { re };
}

function compile(pattern: string): Compiled {
  let found = compiled.get(pattern);
  if (found === undefined) {
    found = compileNew(pattern);
    if (compiled.size >= MAX_COMPILED) compiled.clear();
    compiled.set(pattern, found);
  }
  return found;
}

/**
 * Whether the whole value matches the pattern. A stored pattern that cannot be used (saved before
 * the editor refused such patterns) is not checked, rather than blocking every order or running long.
 */
export const linearPatterns: PatternMatcher = (pattern, value) => {
  const found = compile(pattern);
  return 're' in found ? found.re.testExact(value) : true;
};

/** Why a head's pattern cannot be used, or undefined when it can. */
export function patternProblem(pattern: string): Refusal | undefined {
  const found = compile(pattern);
  return 'problem' in found ? found.problem : undefined;
}
