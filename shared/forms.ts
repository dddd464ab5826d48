/**
 * Request-form validation (SPEC §3): one implementation used by the portal form and the API.
 * A field hidden by its visibility rule is neither validated nor kept.
 */
import * as z from 'zod';
import type { FieldErrors } from './errors.ts';
import type { Answers, FormField } from './model.ts';

export const LIMITS = {
  textChars: 500,
  longTextChars: 10_000,
  options: 100,
} as const;

export function isVisible(field: FormField, answers: Answers): boolean {
  const rule = field.visibleWhen;
  if (!rule) return true;
  const value = answers[rule.field];
  if (Array.isArray(value)) return value.some((v) => rule.equals.includes(v));
  return value !== undefined && value !== null && rule.equals.includes(value);
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
      let s = z
        .string()
        .max(field.max ?? (field.kind === 'text' ? LIMITS.textChars : LIMITS.longTextChars), 'Too long.');
      if (field.kind === 'text') s = s.regex(/^[^\r\n]*$/, 'Keep this on one line.');
      if (field.min !== undefined) s = s.min(field.min, `At least ${field.min} characters.`);
      if (field.pattern) s = s.regex(new RegExp(`^(?:${field.pattern})$`), 'Not in the expected format.');
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
 * Checks the answers against the form. Returns the cleaned answers (hidden and unknown fields
 * dropped) and a message per failing field.
 */
export function validateAnswers(
  form: readonly FormField[],
  answers: Answers,
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
    clean[field.id] = parsed.data as Answers[string];
  }
  return Object.keys(fields).length > 0 ? { ok: false, fields } : { ok: true, answers: clean };
}
