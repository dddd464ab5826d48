/**
 * Request-form validation (SPEC §3), without a pattern engine: `shared/forms.ts` binds it to the
 * linear-time engine for the API; the portal passes the same engine once it has loaded it.
 * A field hidden by its visibility rule is neither validated nor kept.
 */
import * as z from 'zod/mini';
import { isVisible } from './conditions.ts';
import type { Answers, FormField } from './model.ts';
import { storableNumber } from './numbers.ts';
import type { FieldRefusals as FieldErrors } from './refusals.ts';
import { issueRefusal, refusal, says, saysType } from './refusals.ts';
import { ANSWER_LIMITS, isOneLine } from './text.ts';

/** Whether `value` matches all of `pattern` (a head's pattern from the service form). */
export type PatternMatcher = (pattern: string, value: string) => boolean;

/** Checks beyond the form's own: `today` (the department's local date) enables the rules relative to it. */
export interface CheckOptions {
  today?: string | undefined;
}

/** "2026-03-01" plus `days` days, as a date. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Whether `a` is an ISO date (checked before any rule compares it). */
const isDate = (a: unknown): a is string => typeof a === 'string' && z.iso.date().safeParse(a).success;

/** A date rule's refusal: a code of the refusal catalogue with its parameters (`field` is a label). */
export type DateRefusal =
  | { code: 'date_after_field' | 'date_before_field'; params: { field: string; days: number } }
  | { code: 'date_in_past'; params: Record<string, never> }
  | { code: 'date_too_far'; params: { days: number } };

/**
 * The date rules of a field on a valid date answer: relative to another answered date field, then to
 * today. Returns the refusal, or undefined when the date is fine.
 */
export function dateRefusal(
  field: FormField,
  value: string,
  answers: Answers,
  form: readonly FormField[],
  today: string | undefined,
): DateRefusal | undefined {
  for (const side of ['after', 'before'] as const) {
    const rel = field[side];
    const other = rel ? answers[rel.field] : undefined;
    if (!rel || !isDate(other)) continue;
    const days = rel.days ?? 1;
    const ok = side === 'after' ? value >= addDays(other, days) : value <= addDays(other, -days);
    const label = form.find((f) => f.id === rel.field)?.label ?? rel.field;
    if (!ok)
      return { code: side === 'after' ? 'date_after_field' : 'date_before_field', params: { field: label, days } };
  }
  if (today === undefined) return undefined;
  if ((field.notPast || field.withinDays !== undefined) && value < today) return { code: 'date_in_past', params: {} };
  if (field.withinDays !== undefined && value > addDays(today, field.withinDays)) {
    return { code: 'date_too_far', params: { days: field.withinDays } };
  }
  return undefined;
}

/** Patterns apply to free-text fields only. */
function hasPattern(field: FormField): field is FormField & { pattern: string } {
  return !!field.pattern && (field.kind === 'text' || field.kind === 'longText');
}

/** Whether any field of the form has a pattern (the portal loads the engine only then). */
export function hasPatterns(form: readonly FormField[]): boolean {
  return form.some(hasPattern);
}

function isEmpty(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    value === '' ||
    (Array.isArray(value) && value.length === 0) ||
    value === false
  );
}

function schemaFor(field: FormField): z.ZodMiniType {
  switch (field.kind) {
    case 'text':
    case 'longText': {
      // The length is checked first and alone (`abort`): nothing else looks at a value that is too long.
      let s = z.string().check(
        z.maxLength(field.max ?? (field.kind === 'text' ? ANSWER_LIMITS.textChars : ANSWER_LIMITS.longTextChars), {
          abort: true,
        }),
      );
      if (field.kind === 'text') s = s.check(z.refine(isOneLine, says('one_line')));
      if (field.min !== undefined) s = s.check(z.minLength(field.min));
      return s;
    }
    case 'email':
      return z.email(saysType('not_email')).check(z.maxLength(ANSWER_LIMITS.textChars));
    case 'number': {
      let n = storableNumber();
      if (field.min !== undefined) n = n.check(z.gte(field.min));
      if (field.max !== undefined) n = n.check(z.lte(field.max));
      return n;
    }
    case 'date':
      return z.iso.date(says('not_date'));
    case 'select':
      return z.enum((field.options ?? []) as [string, ...string[]], says('not_option'));
    case 'multiSelect':
      return z
        .array(z.enum((field.options ?? []) as [string, ...string[]], says('not_option')))
        .check(z.maxLength(ANSWER_LIMITS.options));
    case 'checkbox':
      return z.boolean(says('not_boolean'));
    case 'user':
      return z.string().check(z.minLength(1), z.maxLength(200));
    case 'attachment':
      // An attachment answer is the key of an uploaded object.
      return z.string().check(z.minLength(1), z.maxLength(1024));
  }
}

/**
 * Checks the answers against the form, running patterns with `patterns`. Returns the cleaned
 * answers (hidden and unknown fields dropped) and a message per failing field. Rules relative to
 * today apply only when `options.today` is given (at filing; a later clarification does not judge
 * an old date by a new today).
 */
export function checkAnswers(
  form: readonly FormField[],
  answers: Answers,
  patterns: PatternMatcher,
  options: CheckOptions = {},
): { ok: true; answers: Answers } | { ok: false; fields: FieldErrors } {
  const fields: FieldErrors = {};
  const clean: Answers = {};
  for (const field of form) {
    if (!isVisible(field, answers)) continue;
    const value = Object.hasOwn(answers, field.id) ? answers[field.id] : undefined;
    if (isEmpty(value)) {
      if (field.required) fields[field.id] = refusal('required');
      continue;
    }
    const parsed = schemaFor(field).safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      fields[field.id] = issue ? issueRefusal(issue, value) : refusal('invalid');
      continue;
    }
    // The pattern runs last, on a value already known to be a string within the field's length.
    if (hasPattern(field) && typeof parsed.data === 'string' && !patterns(field.pattern, parsed.data)) {
      fields[field.id] = refusal('bad_format');
      continue;
    }
    clean[field.id] = parsed.data as Answers[string];
  }
  // Date rules compare kept answers only: a hidden or invalid other date says nothing.
  for (const field of form) {
    const value = clean[field.id];
    if (field.kind !== 'date' || typeof value !== 'string' || fields[field.id]) continue;
    const refused = dateRefusal(field, value, clean, form, options.today);
    if (refused) fields[field.id] = refused;
  }
  return Object.keys(fields).length > 0 ? { ok: false, fields } : { ok: true, answers: clean };
}
