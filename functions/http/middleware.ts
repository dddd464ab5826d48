/**
 * Cross-cutting middleware: request ids + access logs, authentication, and the one error mapping
 * (every refusal as RFC 9457 problem details).
 */
import type { Context, MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { API_PREFIX, type Problem } from '#shared/api.ts';
import { ConflictError, DomainError, TooManyRequestsError } from '#shared/errors.ts';
import { englishRefusals } from '#shared/refusal-words.en.ts';
import { wordRefusal } from '#shared/refusal-words.ts';
import { type FieldRefusals, PROBLEM_STATUS, type ProblemCode, type ProblemStatus } from '#shared/refusals.ts';
import type { Deps } from '../deps.ts';
import { isUnavailable } from '../storage/client.ts';
import type { AppEnv } from './context.ts';

/** API Gateway's id of the request, when the app runs in Lambda (hono/aws-lambda puts it on `c.env`). */
function gatewayRequestId(env: unknown): string | undefined {
  const id = (env as { requestContext?: { requestId?: unknown } } | undefined)?.requestContext?.requestId;
  return typeof id === 'string' && id !== '' ? id : undefined;
}

/**
 * The request's correlation id: in Lambda, API Gateway's request id (the `requestId` of its access
 * log, so both logs join on it); elsewhere the caller's `x-request-id` when it is a plain id, else a
 * new one. Every log line of the request carries it as `correlation_id` (Powertools' name for it),
 * and the answer returns it in `x-request-id`.
 */
export function requestContext(deps: Deps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const incoming = c.req.header('x-request-id');
    const requestId =
      gatewayRequestId(c.env) ?? (incoming && /^[\w-]{1,100}$/.test(incoming) ? incoming : crypto.randomUUID());
    const log = deps.log.child({ correlation_id: requestId });
    c.set('requestId', requestId);
    c.set('log', log);
    const started = performance.now();
    await next();
    c.header('x-request-id', requestId);
    log.info('request', {
      method: c.req.method,
      // Signed-link tokens are bearer credentials: keep the route, not the token.
      path: c.req.path
        .replace(/\/(clarifications|surveys)\/[^/?#]+/g, '/$1/[token]')
        .replace(/([?&]token=)[^&#]*/gi, '$1[redacted]'),
      status: c.res.status,
      ms: Math.round(performance.now() - started),
    });
  };
}

/** The largest request body the API reads (app.ts applies it with Hono's bodyLimit). */
export const MAX_BODY_BYTES = 256 * 1024;
const MAX_BODY_KB = MAX_BODY_BYTES / 1024;

/** Short words for a status, the same for every problem of it (RFC 9457 `title`). */
const TITLES: Record<ProblemStatus, string> = {
  400: 'Bad request',
  401: 'Not signed in',
  403: 'Not allowed',
  404: 'Not found',
  409: 'Conflict',
  413: 'Request too large',
  415: 'Unsupported media type',
  422: 'Refused',
  429: 'Too many requests',
  500: 'Internal error',
  503: 'Unavailable',
};

/** The problem details of a refusal (RFC 9457), its English words in `detail` and in each field's. */
export function problemBody(code: ProblemCode, params: object = {}, fields?: FieldRefusals): Problem {
  const status = PROBLEM_STATUS[code];
  const body: Problem = {
    type: `${API_PREFIX}/problems/${code}`,
    title: TITLES[status],
    status,
    detail: wordRefusal(englishRefusals, code, params) ?? TITLES[status],
    code,
    params: { ...params },
  };
  if (fields && Object.keys(fields).length > 0) {
    body.fields = Object.fromEntries(
      Object.entries(fields).map(([path, field]) => [
        path,
        {
          code: field.code,
          params: { ...(field.params ?? {}) },
          detail: wordRefusal(englishRefusals, field.code, field.params) ?? field.code,
        },
      ]),
    );
  }
  return body;
}

/** A problem answer: `application/problem+json`, the status the catalogue gives the code. */
export function problem(
  c: Context,
  code: ProblemCode,
  params: object = {},
  fields?: FieldRefusals,
  extra?: { current?: unknown },
): Response {
  const body = problemBody(code, params, fields);
  if (extra?.current !== undefined) body.current = extra.current;
  return c.body(JSON.stringify(body), body.status as ContentfulStatusCode, {
    'Content-Type': 'application/problem+json',
  });
}

/** The general code of each status a Hono HTTPException may carry (a 413 says its limit). */
const HTTP_EXCEPTION_CODES: Partial<Record<number, ProblemCode>> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  415: 'unsupported_media_type',
  422: 'rule_violation',
};

/**
 * Seconds a client should wait after a 503. Storage gives up on a call within about a second, so a
 * short pause is enough to find out whether it answers again.
 */
const UNAVAILABLE_RETRY_AFTER_SECONDS = 2;

/** The single place where errors become HTTP responses; anything unexpected is logged and hidden. */
export function onError(err: Error, c: Context<AppEnv>): Response {
  if (err instanceof DomainError) {
    if (err instanceof TooManyRequestsError) c.header('Retry-After', String(err.retryAfterSeconds));
    const current = err instanceof ConflictError ? err.current : undefined;
    return problem(c, err.code, err.params, err.fields, { current });
  }
  if (isUnavailable(err)) {
    c.get('log')?.warn('dependency.unavailable', { error: err.name, message: err.message });
    c.header('Retry-After', String(UNAVAILABLE_RETRY_AFTER_SECONDS));
    return problem(c, 'unavailable', { seconds: UNAVAILABLE_RETRY_AFTER_SECONDS });
  }
  if (err instanceof HTTPException) {
    // Hono's own refusals keep their status, under the general code of that status.
    if (err.status === 413) return problem(c, 'payload_too_large', { maxKb: MAX_BODY_KB });
    const code = HTTP_EXCEPTION_CODES[err.status] ?? 'bad_request';
    return problem(c, code);
  }
  const log = c.get('log');
  log?.error('unhandled', { error: err.message, stack: err.stack });
  return problem(c, 'unexpected');
}
