/**
 * The portal's one way to word a refusal: the API's problem codes and the shared checks' codes, in
 * the reader's language, from the dictionaries typed by the catalogue (shared/refusal-words.*.ts,
 * as `t.refusals`). A code this build does not know (a newer API) gets general words by status; no
 * English the API sends is ever shown or compared.
 */
import { wordRefusal } from '#shared/refusal-words.ts';
import { type Strings, t } from '../lib/strings.ts';

/** General words for a refusal whose code is unknown here, by HTTP status. */
const BY_STATUS: Record<number, keyof Strings['errors']> = {
  0: 'network',
  400: 'badRequest',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'notFound',
  409: 'conflict',
  413: 'badRequest',
  415: 'badRequest',
  422: 'rule',
  429: 'tooMany',
};

/** A field's refusal as the API sends it or a shared check returns it. */
export interface FieldRefusal {
  code: string;
  params?: Record<string, unknown> | undefined;
}

/** A refusal of a whole request (or a step) in the reader's words. */
export function sayRefusal(code: unknown, params?: unknown, status?: number): string {
  return wordRefusal(t.refusals, code, params) ?? t.errors[(status !== undefined && BY_STATUS[status]) || 'unexpected'];
}

/** A field's refusal in the reader's words. */
export function sayField(refusal: FieldRefusal): string {
  return wordRefusal(t.refusals, refusal.code, refusal.params) ?? t.errors.checkValue;
}

/** Field refusals by path in the reader's words, for the forms' messages. */
export function sayFields(fields: Readonly<Record<string, FieldRefusal>>): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).map(([path, refusal]) => [path, sayField(refusal)]));
}
