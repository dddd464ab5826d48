/**
 * Cross-cutting middleware: request ids + access logs, authentication, and the one error mapping.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ErrorBody } from '#shared/api.ts';
import { ConflictError, DomainError, UnauthorizedError } from '#shared/errors.ts';
import type { Deps } from '../deps.ts';
import type { AppEnv } from './context.ts';

export function requestContext(deps: Deps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const incoming = c.req.header('x-request-id');
    const requestId = incoming && /^[\w-]{1,100}$/.test(incoming) ? incoming : crypto.randomUUID();
    const log = deps.log.child({ requestId });
    c.set('requestId', requestId);
    c.set('log', log);
    const started = performance.now();
    await next();
    c.header('x-request-id', requestId);
    log.info('request', {
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round(performance.now() - started),
    });
  };
}

export function requireUser(deps: Deps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization');
    const token = header?.match(/^Bearer ([\w.-]{10,4096})$/)?.[1];
    if (!token) throw new UnauthorizedError('Sign in to use Ordo.');
    const { userId } = await deps.authenticator.verify(token);
    const user = await deps.users.get(userId);
    if (!user) throw new UnauthorizedError('Your account is not known to Ordo. Ask an administrator.');
    c.set('user', user);
    await next();
  };
}

export function errorBody(code: string, message: string, fields?: Record<string, string>): ErrorBody {
  return { error: { code, message, ...(fields ? { fields } : {}) } };
}

/** The single place where errors become HTTP responses; anything unexpected is logged and hidden. */
export function onError(err: Error, c: Context<AppEnv>): Response {
  if (err instanceof DomainError) {
    const body: ErrorBody & { current?: unknown } = errorBody(err.code, err.message, err.fields);
    if (err instanceof ConflictError && err.current !== undefined) body.current = err.current;
    return c.json(body, err.status);
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
