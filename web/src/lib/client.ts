/**
 * The portal's typed way to call the API: one function whose route key, request and answer are read
 * from the API contract (shared/contract.ts). Only types come from there, so the request schemas stay
 * out of the portal's bundle; the transport (token, renewal, sign-in hand-over, errors) is api.ts's.
 */
import type { ClientInput, PublicRouteKey, ResponseOf, RouteKey } from '#shared/contract.ts';
import { type Download, parseJson, type RequestOptions, send } from './api.ts';

/** Routes that serve anyone are called without a token, and must say so; the others never do. */
type Transport<K extends RouteKey> = Omit<RequestOptions, 'body' | 'anonymous'> &
  (K extends PublicRouteKey ? { anonymous: true } : { anonymous?: never });

export type CallInput<K extends RouteKey> = ClientInput<K> & Transport<K>;

/** The input may be left out when the route needs nothing (no path parameters, no body, no token choice). */
type Args<K extends RouteKey> = object extends CallInput<K> ? [input?: CallInput<K>] : [input: CallInput<K>];

/** The JSON body a route takes. */
export type BodyOf<K extends RouteKey> = NonNullable<ClientInput<K>['body']>;
/** The query a route takes. */
export type QueryOf<K extends RouteKey> = NonNullable<ClientInput<K>['query']>;

/**
 * The path of a route after /api/v1: `:name` replaced by the parameter (encoded), the query appended
 * without the values left out.
 */
export function pathOf(key: RouteKey, input: { params?: Record<string, string>; query?: object } = {}): string {
  const path = key.slice(key.indexOf(' ') + 1).replace(/:(\w+)/g, (_m, name: string) => {
    const value = input.params?.[name];
    if (value === undefined) throw new Error(`${key} needs the path parameter ${name}.`);
    return encodeURIComponent(value);
  });
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(input.query ?? {})) {
    if (value !== undefined && value !== null) search.set(name, String(value));
  }
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}

function methodOf(key: RouteKey): string {
  return key.slice(0, key.indexOf(' '));
}

/** Calls the route `key` and answers its response type, e.g. `call('GET /orders/:number', { params: { number } })`. */
export async function call<K extends RouteKey>(key: K, ...[input]: Args<K>): Promise<ResponseOf<K>> {
  const { params, query, body, ...options } = (input ?? {}) as CallInput<RouteKey> & {
    params?: Record<string, string>;
    query?: object;
    body?: unknown;
  };
  const res = await send(methodOf(key), pathOf(key, { params, query }), {
    ...options,
    ...(body !== undefined ? { body } : {}),
  });
  // The answer is the route's by the contract; the API's handlers are typed by the same table.
  return parseJson(await res.text()) as ResponseOf<K>;
}

/** A file behind the bearer token (a CSV export of a GET route), read whole. */
export async function download<K extends RouteKey>(
  key: K & `GET ${string}`,
  input: ClientInput<K>,
  accept: string,
): Promise<Download> {
  const { params, query } = input as { params?: Record<string, string>; query?: object };
  const res = await send('GET', pathOf(key, { params, query }), { headers: { Accept: accept } });
  return { blob: await res.blob(), disposition: res.headers.get('content-disposition') };
}
