/**
 * The linear-time pattern engine (`patterns.ts`, re2js: ~147 KB minified) on first need. Few services
 * have patterns, so the API and mail in load it only when a form or a service with a pattern is about
 * to be checked: the caller awaits `loadPatterns()` (for `needsPatterns` forms), then the synchronous
 * checks (`forms.ts`, `service-schema.ts`) find it here. A check that meets a pattern before the engine
 * is loaded throws rather than let the answer or pattern through unchecked.
 */

import type { PatternMatcher } from './form-check.ts';
import type { FormField } from './model.ts';
import type { Refusal } from './refusals.ts';

type Engine = typeof import('./patterns.ts');

let engine: Engine | undefined;
let loading: Promise<Engine> | undefined;

/** Loads the engine once per process; a failed load may be tried again. */
export async function loadPatterns(): Promise<void> {
  loading ??= import('./patterns.ts').catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  engine = await loading;
}

/** Whether checking this form or service form runs patterns (free-text fields with one). */
export function needsPatterns(form: readonly Pick<FormField, 'pattern' | 'kind'>[]): boolean {
  return form.some((field) => !!field.pattern);
}

function loaded(): Engine {
  if (!engine) throw new Error('pattern engine not loaded: await loadPatterns() before checking a form with patterns');
  return engine;
}

/** Whether the whole value matches the pattern (patterns.ts `linearPatterns`), once loaded. */
export const linearPatterns: PatternMatcher = (pattern, value) => loaded().linearPatterns(pattern, value);

/** Why a head's pattern cannot be used, or undefined when it can (patterns.ts), once loaded. */
export function patternProblem(pattern: string): Refusal | undefined {
  return loaded().patternProblem(pattern);
}
