/**
 * Numbers a person may type that the store keeps as typed. DynamoDB holds a number only when its
 * magnitude is zero or from 1e-130 to below 1e126; a JSON number such as 5e-324 or 1e300 is
 * valid JSON and a finite double, so without this check it reached storage and failed there.
 */
import * as z from 'zod/mini';
import { says, saysType } from './refusals.ts';

/** Beyond these the store refuses a number; the upper bound leaves room below DynamoDB's 1e126. */
const SMALLEST = 1e-130;
const LARGEST = 1e125;

/** Whether the store can keep `n` exactly as given. */
export function isStorableNumber(n: number): boolean {
  const size = Math.abs(n);
  return Number.isFinite(n) && (size === 0 || (size >= SMALLEST && size < LARGEST));
}

/** A number answer or setting: refused with `not_number` when not a number, `number_out_of_range` when the store could not keep it. */
export function storableNumber() {
  return z.number(saysType('not_number')).check(z.refine(isStorableNumber, says('number_out_of_range')));
}
