/**
 * Field errors by dotted path ("form.2.options", "calendar.hours.1.0.start"), as the API sends them
 * and as the editors show them next to each control.
 */
import { t } from './strings.ts';

export type FieldErrors = Record<string, string>;

/** Messages of the shared checks (written in English) in the portal's language. */
export function localMessages(fields: FieldErrors): FieldErrors {
  return Object.fromEntries(Object.entries(fields).map(([path, message]) => [path, t.message(message)]));
}

/** A schema's issues as path → first message (what the API would answer with a 400). */
export function issuesToFields(
  issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>,
): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of issues) {
    const path = issue.path.map(String).join('.');
    fields[path] ??= t.message(issue.message);
  }
  return fields;
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
