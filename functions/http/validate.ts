/**
 * Request parsing against the shared zod schemas: every failure is a 400 with a refusal per field.
 */
import type { Context } from 'hono';
import type { z } from 'zod/mini';
import { idempotencyKeyHeader } from '#shared/api.ts';
import { UnsupportedMediaTypeError, ValidationError } from '#shared/errors.ts';
import { refusal, zodRefusals } from '#shared/refusals.ts';

/** `application/json`, optionally with `charset=utf-8` (JSON is UTF-8 by definition, RFC 8259). */
const JSON_TYPE = /^application\/json[ \t]*(?:;[ \t]*charset[ \t]*=[ \t]*(?:utf-8|"utf-8")[ \t]*)?$/i;

/**
 * Parses `value` with a shared schema; a failure is a 400 with a refusal per field (`zodRefusals`).
 * `field` names a value that is not an object (a path parameter, a header), whose refusal would
 * otherwise stand under `_`.
 */
export function parse<S extends z.ZodMiniType>(schema: S, value: unknown, field?: string): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const fields = zodRefusals(result.error, value);
  if (field !== undefined && fields._) {
    fields[field] = fields._;
    delete fields._;
  }
  throw new ValidationError('invalid_request', {}, fields);
}

/** The request's Idempotency-Key, when it sends one; a malformed one is refused under its own name. */
export function idempotencyKey(c: Context): string | undefined {
  const key = c.req.header('idempotency-key');
  return key === undefined ? undefined : parse(idempotencyKeyHeader, key, 'Idempotency-Key');
}

export async function jsonBody<S extends z.ZodMiniType>(c: Context, schema: S): Promise<z.infer<S>> {
  const type = c.req.header('content-type');
  if (type === undefined || !JSON_TYPE.test(type.trim())) {
    // A request with no body at all is simply missing its JSON (400); any other body is the wrong kind.
    if (type !== undefined || (await c.req.text()) !== '') {
      throw new UnsupportedMediaTypeError({ 'content-type': refusal('use_json') });
    }
  }
  let value: unknown;
  try {
    value = await c.req.json();
  } catch {
    throw new ValidationError('not_json', {}, { _: refusal('json_object') });
  }
  const problem = badText(value, '');
  if (problem) throw new ValidationError('bad_characters', {}, { [problem || '_']: refusal('control_characters') });
  return parse(schema, value);
}

/** Control characters (other than tab and new lines) and broken UTF-16 are refused everywhere. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** The path of the first string (or key) with a forbidden character, or undefined. */
function badText(value: unknown, path: string, depth = 0): string | undefined {
  if (depth > 20) return path || '_';
  if (typeof value === 'string') return CONTROL.test(value) || !value.isWellFormed() ? path || '_' : undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = badText(value[i], path ? `${path}.${i}` : String(i), depth + 1);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      const at = path ? `${path}.${key}` : key;
      if (CONTROL.test(key) || !key.isWellFormed()) return at;
      const found = badText(inner, at, depth + 1);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

export function query<S extends z.ZodMiniType>(c: Context, schema: S): z.infer<S> {
  return parse(schema, c.req.query());
}
