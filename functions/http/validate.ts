/**
 * Request parsing against the shared zod schemas: every failure is a 400 with a message per field.
 */
import type { Context } from 'hono';
import type { z } from 'zod';
import { ValidationError } from '#shared/errors.ts';

export function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.') || '_';
    fields[path] ??= issue.message;
  }
  return fields;
}

export function parse<S extends z.ZodType>(schema: S, value: unknown, what = 'request'): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new ValidationError(`The ${what} is not valid.`, fieldErrors(result.error));
  return result.data;
}

export async function jsonBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  let value: unknown;
  try {
    value = await c.req.json();
  } catch {
    throw new ValidationError('The request body must be JSON.', { _: 'Send a JSON object.' });
  }
  return parse(schema, value, 'request body');
}

export function query<S extends z.ZodType>(c: Context, schema: S): z.infer<S> {
  return parse(schema, c.req.query(), 'query');
}
