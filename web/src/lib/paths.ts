/**
 * Field errors by dotted path ("form.2.options", "calendar.hours.1.0.start"), as the API sends them
 * and as the editors show them next to each control.
 */
import type * as z from 'zod/mini';
import { zodRefusals } from '#shared/refusals.ts';
import { type FieldRefusal, sayFields } from '../i18n/refusals.ts';

export type FieldErrors = Record<string, string>;

/** Refusals of the shared checks (codes) in the portal's language. */
export function localMessages(fields: Readonly<Record<string, FieldRefusal>>): FieldErrors {
  return sayFields(fields);
}

/** A schema's issues (zod's) as path → the first one's words (what the API would answer with a 400). */
export function issuesToFields(
  issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>,
): FieldErrors {
  return sayFields(zodRefusals({ issues: issues as readonly z.core.$ZodIssue[] }));
}

/** The errors below a prefix, with the prefix removed ("answers.fullName" → "fullName"). */
export function errorsUnder(fields: FieldErrors, prefix: string): FieldErrors {
  const out: FieldErrors = {};
  const head = `${prefix}.`;
  for (const [path, message] of Object.entries(fields)) {
    if (path.startsWith(head)) out[path.slice(head.length)] ??= message;
  }
  return out;
}

/** Drops the errors at a path and below it (after the person changed that part). */
export function withoutPath(fields: FieldErrors, path: string): FieldErrors {
  const out: FieldErrors = {};
  for (const [key, message] of Object.entries(fields)) {
    if (key !== path && !key.startsWith(`${path}.`)) out[key] = message;
  }
  return out;
}

/** A DOM id for the control that edits a path. */
export function controlId(path: string): string {
  return `edit-${path.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}
