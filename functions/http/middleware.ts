/**
 * Cross-cutting middleware: request ids + access logs, authentication, and the one error mapping.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ErrorBody } from '#shared/api.ts';
import { ConflictError, DomainError } from '#shared/errors.ts';
import type { Deps } from '../deps.ts';
import { isUnavailable } from '../storage/client.ts';
import type { AppEnv } from './context.ts';
import { TooManyRequestsError } from './rate-limit.ts';

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

export function errorBody(code: string, message: string, fields?: Record<string, string>): ErrorBody {
  return { error: { code, message, ...(fields ? { fields } : {}) } };
}

/**
 * Seconds a client should wait after a 503. Storage gives up on a call within about a second, so a
 * short pause is enough to find out whether it answers again.
 */
const UNAVAILABLE_RETRY_AFTER_SECONDS = 2;

/** The single place where errors become HTTP responses; anything unexpected is logged and hidden. */
export function onError(err: Error, c: Context<AppEnv>): Response {
  if (err instanceof DomainError) {
    const body: ErrorBody & { current?: unknown } = errorBody(err.code, err.message, err.fields);
    if (err instanceof ConflictError && err.current !== undefined) body.current = err.current;
    if (err instanceof TooManyRequestsError) c.header('Retry-After', String(err.retryAfterSeconds));
    return c.json(body, err.status);
  }
  if (isUnavailable(err)) {
    c.get('log')?.warn('dependency.unavailable', { error: err.name, message: err.message });
    c.header('Retry-After', String(UNAVAILABLE_RETRY_AFTER_SECONDS));
    return c.json(errorBody('unavailable', 'Ordo cannot reach its storage right now. Try again in a moment.'), 503);
  }
  if (err instanceof HTTPException) {
    const status = err.status;
    const code = status === 413 ? 'payload_too_large' : 'bad_request';
    return c.json(errorBody(code, err.message || 'The request could not be processed.'), status);
  }
  const log = c.get('log');
  log?.error('unhandled', { error: err.message, stack: err.stack });
  return c.json(errorBody('internal', 'Something went wrong on our side. Try again; if it persists, tell IT.'), 500);
}
