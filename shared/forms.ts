/**
 * Request-form validation (SPEC §3): one implementation (`form-check.ts`) used by the portal form
 * and the API, with head-written patterns run in the linear-time engine (`patterns.ts`), which a caller
 * loads first for a form with patterns (`pattern-engine.ts`: `needsPatterns`, `loadPatterns`).
 */
import { type CheckOptions, checkAnswers } from './form-check.ts';

export { conditionHolds, isVisible } from './conditions.ts';

import type { Answers, FormField } from './model.ts';
import { linearPatterns } from './pattern-engine.ts';

export {
  addDays,
  type CheckOptions,
  checkAnswers,
  type DateRefusal,
  dateRefusal,
  hasPatterns,
  type PatternMatcher,
} from './form-check.ts';

/**
 * Checks the answers against the form. Returns the cleaned answers (hidden and unknown fields
 * dropped) and a message per failing field.
 */
export function validateAnswers(
  form: readonly FormField[],
  answers: Answers,
  options: CheckOptions = {},
): ReturnType<typeof checkAnswers> {
  return checkAnswers(form, answers, linearPatterns, options);
}
