/**
 * Mounts handlers from the contract (shared/contract.ts): the key names the method and path once,
 * the guard comes from the same key, the request is validated with the route's own schemas before
 * the handler sees it, and what the handler returns must be the route's response type.
 */
import type { Context, Hono } from 'hono';
import type { z } from 'zod/mini';
import { CONTRACT, type Input, type ResponseOf, type RouteKey, type RouteSpec, splitKey } from '#shared/contract.ts';
import type { Guard } from './access.ts';
import type { AppEnv } from './context.ts';
import { jsonBody, parse, query } from './validate.ts';

/** A handler answers the route's response type, or a Response of its own (a CSV, a redirect, another status). */
export type Handler<K extends RouteKey> = (
  c: Context<AppEnv>,
  input: Input<K>,
) => ResponseOf<K> | Response | Promise<ResponseOf<K> | Response>;

export type On = <K extends RouteKey>(key: K, handler: Handler<K>) => void;

/** The request read with the route's schemas: the body first, then the path, then the query. */
async function readInput(c: Context<AppEnv>, spec: RouteSpec): Promise<Record<keyof Input<RouteKey>, unknown>> {
  const body = spec.body ? await jsonBody(c, spec.body) : undefined;
  const params: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(spec.params ?? {}))
    params[name] = parse(schema as z.ZodMiniType, c.req.param(name), name);
  return { body, params, query: spec.query ? query(c, spec.query) : undefined };
}

/** `on(key, handler)` registers the route of the contract's `key` on `app`, guarded by the same key. */
export function mount(app: Hono<AppEnv>, guard: Guard): On {
  return (key, handler) => {
    const spec: RouteSpec = CONTRACT[key];
    const { method, path } = splitKey(key);
    app.on(method, path, guard(key), async (c) => {
      const input = (await readInput(c, spec)) as Input<typeof key>;
      const answer = await handler(c, input);
      return answer instanceof Response ? answer : c.json(answer as object, spec.status ?? 200);
    });
  };
}
