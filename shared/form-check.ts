/**
 * Request-form validation (SPEC §3), without a pattern engine: `shared/forms.ts` binds it to the
 * linear-time engine for the API; the portal passes the same engine once it has loaded it.
 * A field hidden by its visibility rule is neither validated nor kept.
 */
import * as z from 'zod';
import type { FieldErrors } from './errors.ts';
import type { Answers, FormField } from './model.ts';
import { isOneLine } from './text.ts';

export const LIMITS = {
  textChars: 500,
  longTextChars: 10_000,
  options: 100,
} as const;

/** Whether `value` matches all of `pattern` (a head's pattern from the service form). */
export type PatternMatcher = (pattern: string, value: string) => boolean;

export function isVisible(field: FormField, answers: Answers): boolean {
  const rule = field.visibleWhen;
  if (!rule) return true;
  const value = answers[rule.field];
  if (Array.isArray(value)) return value.some((v) => rule.equals.includes(v));
  return value !== undefined && value !== null && rule.equals.includes(value);
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

function schemaFor(field: FormField): z.ZodType {
  switch (field.kind) {
    case 'text':
    case 'longText': {
      // The length is checked first and alone (`abort`): nothing else looks at a value that is too long.
      let s = z.string().max(field.max ?? (field.kind === 'text' ? LIMITS.textChars : LIMITS.longTextChars), {
        message: 'Too long.',
        abort: true,
      });
      if (field.kind === 'text') s = s.refine(isOneLine, 'Keep this on one line.');
      if (field.min !== undefined) s = s.min(field.min, `At least ${field.min} characters.`);
      return s;
    }
    case 'email':
      return z.email('Enter an email address like name@example.com.').max(LIMITS.textChars);
    case 'number': {
      let n = z.number('Enter a number.').finite('Enter a number.');
      if (field.min !== undefined) n = n.min(field.min, `At least ${field.min}.`);
      if (field.max !== undefined) n = n.max(field.max, `At most ${field.max}.`);
      return n;
    }
    case 'date':
      return z.iso.date('Enter a date as YYYY-MM-DD.');
    case 'select':
      return z.enum((field.options ?? []) as [string, ...string[]], 'Choose one of the options.');
    case 'multiSelect':
      return z
        .array(z.enum((field.options ?? []) as [string, ...string[]], 'Choose from the options.'))
        .max(LIMITS.options);
    case 'checkbox':
      return z.boolean('Tick or untick the box.');
    case 'user':
      return z.string().min(1).max(200);
    case 'attachment':
      // An attachment answer is the key of an uploaded object.
      return z.string().min(1).max(1024);
  }
}

/**
 * Checks the answers against the form, running patterns with `patterns`. Returns the cleaned
 * answers (hidden and unknown fields dropped) and a message per failing field.
 */
export function checkAnswers(
  form: readonly FormField[],
  answers: Answers,
  patterns: PatternMatcher,
): { ok: true; answers: Answers } | { ok: false; fields: FieldErrors } {
  const fields: FieldErrors = {};
  const clean: Answers = {};
  for (const field of form) {
    if (!isVisible(field, answers)) continue;
    const value = Object.hasOwn(answers, field.id) ? answers[field.id] : undefined;
    if (isEmpty(value)) {
      if (field.required) fields[field.id] = `${field.label} is required.`;
      continue;
    }
    const parsed = schemaFor(field).safeParse(value);
    if (!parsed.success) {
      fields[field.id] = parsed.error.issues[0]?.message ?? 'Invalid value.';
      continue;
    }
    // The pattern runs last, on a value already known to be a string within the field's length.
    if (hasPattern(field) && typeof parsed.data === 'string' && !patterns(field.pattern, parsed.data)) {
      fields[field.id] = 'Not in the expected format.';
      continue;
    }
    clean[field.id] = parsed.data as Answers[string];
  }
  return Object.keys(fields).length > 0 ? { ok: false, fields } : { ok: true, answers: clean };
}
