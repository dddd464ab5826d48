/**
 * The field refusals of the integration workflows, in one place: a request whose field is refused
 * answers 400 with the field's refusal code.
 */
import { ValidationError } from '#shared/errors.ts';
import type { Refusal } from '#shared/refusals.ts';

export function fieldRefused(field: string, refusal: Refusal): ValidationError {
  return new ValidationError('invalid_request', {}, { [field]: refusal });
}
