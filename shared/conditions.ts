/**
 * Conditions on a form's answers: when a field is shown and when an approval is needed. Pure and
 * small, so that whatever decides the lifecycle does not carry the form checker along.
 */
import type { Answers, Condition, FormField } from './model.ts';

/** Whether the answers meet a condition (conditional fields, conditional approval). */
export function conditionHolds(rule: Condition, answers: Answers): boolean {
  const value = answers[rule.field];
  const { equals } = rule;
  if (equals) {
    if (Array.isArray(value)) return value.some((v) => equals.includes(v));
    return value !== undefined && value !== null && equals.includes(value);
  }
  if (rule.above === undefined && rule.below === undefined) return false;
  if (typeof value !== 'number' || !Number.isFinite(value)) return false;
  return (rule.above === undefined || value > rule.above) && (rule.below === undefined || value < rule.below);
}

export function isVisible(field: FormField, answers: Answers): boolean {
  return !field.visibleWhen || conditionHolds(field.visibleWhen, answers);
}
