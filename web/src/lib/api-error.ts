/**
 * The API's refusals in the portal: RFC 9457 problem details (shared/api.ts `Problem`) read into
 * `ApiError`, which carries the code, its parameters and the fields' codes, and is worded once, in
 * the reader's language (web/src/i18n/refusals.ts).
 */
import { type FieldRefusal, sayFields, sayRefusal } from '../i18n/refusals.ts';
import { t } from './strings.ts';

export type { FieldRefusal };

export interface ApiErrorOptions {
  params?: Record<string, unknown>;
  fields?: Record<string, FieldRefusal>;
  /** The current state a 409 carries. */
  current?: unknown;
  /** Words of the portal's own for a failure that is not the API's refusal (no connection, sign-in). */
  words?: string;
}

export class ApiError extends Error {
  readonly status: number;
  /** The catalogue's code (shared/refusals.ts); `network` when the API could not be reached. */
  readonly code: string;
  readonly params: Record<string, unknown>;
  readonly fields: Record<string, FieldRefusal>;
  readonly current?: unknown;

  constructor(status: number, code: string, options: ApiErrorOptions = {}) {
    super(options.words ?? sayRefusal(code, options.params, status));
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.params = options.params ?? {};
    this.fields = options.fields ?? {};
    if (options.current !== undefined) this.current = options.current;
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A problem's fields as refusals; anything malformed is left out. */
function readFields(value: unknown): Record<string, FieldRefusal> {
  const fields: Record<string, FieldRefusal> = {};
  if (!isRecord(value)) return fields;
  for (const [path, field] of Object.entries(value)) {
    if (isRecord(field) && typeof field.code === 'string') {
      fields[path] = { code: field.code, params: isRecord(field.params) ? field.params : {} };
    }
  }
  return fields;
}

/** The error for a refused request: its problem details when the body is one, else its status alone. */
export function apiErrorFrom(status: number, body: unknown): ApiError {
  if (!isRecord(body) || typeof body.code !== 'string') return new ApiError(status, `http_${status}`);
  return new ApiError(status, body.code, {
    params: isRecord(body.params) ? body.params : {},
    fields: readFields(body.fields),
    ...('current' in body ? { current: body.current } : {}),
  });
}

/** Plain words for any error thrown while talking to the API. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return t.errors.unexpected;
}

/** An API error's field refusals in the reader's words (none for other errors). */
export function fieldErrors(error: unknown): Record<string, string> {
  return error instanceof ApiError ? sayFields(error.fields) : {};
}
