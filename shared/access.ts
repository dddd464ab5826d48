/**
 * Who may call what (SPEC §1, §10): every API route and the audience it serves, read from the one
 * table of the API in contract.ts. The app mounts routes from that table (a test checks both agree); coarse audiences are
 * enforced by middleware before the handler, order- and service-level ones by the workflows with the
 * predicates in permissions.ts. The authorization matrix test calls every route as every role from it.
 */

import { CONTRACT, type RouteKey, splitKey } from './contract.ts';
import type { TokenScope } from './integrations.ts';

export type Audience =
  /** No sign-in needed (health, signed links whose token is the authority). */
  | 'anyone'
  /** A valid token from the identity provider, whether or not Ordo has a profile for it yet (sign-in). */
  | 'tokenHolder'
  /** Any signed-in person. */
  | 'signedIn'
  /** Someone who may see the order: requester, filer, watcher, the department's team, the process owner. */
  | 'orderViewer'
  /** The requester of the order (e.g. rating it). */
  | 'orderRequester'
  /** The requester or the department's team. */
  | 'orderRequesterOrTeam'
  /** The department's team (agents and head) of the order. */
  | 'orderTeam'
  /** Depends on the action (see lifecycle.ts); at least an order viewer. */
  | 'orderByAction'
  /** Agents and head of the department in the path. */
  | 'departmentTeam'
  /** Agents and head of the department in the path, or an admin. */
  | 'departmentTeamOrAdmin'
  /** The head of the department in the path, or the process owner of the service concerned. */
  | 'headOrOwner'
  /** Report readers of the department in the path: its head (all), process owners (their services), agents (their own numbers). */
  | 'reportReader'
  /** The head of the department in the path (or of the service's department). */
  | 'departmentHead'
  /** The head of the department in the path, or an admin. */
  | 'departmentHeadOrAdmin'
  /** The head of any department, or an admin (company-wide views). */
  | 'anyHeadOrAdmin'
  | 'admin'
  /** A service account's API token (`Bearer ordo_…`) whose scopes include the route's `tokenScope`. */
  | 'apiToken';

export interface RouteAccess {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Hono path under /api/v1. */
  path: string;
  audience: Audience;
  /** Writes count against the per-person rate limit. */
  write?: boolean;
  /** The API token scope that may call the route; none: no API token may. */
  tokenScope?: TokenScope;
}

/** Who each audience is, in words (the API description states it on every operation). */
export const AUDIENCE_WORDS: Record<Audience, string> = {
  anyone: 'Anyone, without signing in (a signed link’s token is the authority).',
  tokenHolder: 'Anyone with a valid access token from the identity provider, with or without an Ordo profile.',
  signedIn: 'Any signed-in person.',
  orderViewer: 'Someone who may see the order: requester, filer, watcher, the department’s team, the process owner.',
  orderRequester: 'The requester of the order.',
  orderRequesterOrTeam: 'The requester or the department’s team.',
  orderTeam: 'The department’s team (agents and head) of the order.',
  orderByAction: 'Depends on the action (see the lifecycle); at least someone who may see the order.',
  departmentTeam: 'Agents and head of the department in the path.',
  departmentTeamOrAdmin: 'Agents and head of the department in the path, or an administrator.',
  headOrOwner: 'The head of the department in the path, or the process owner of the service concerned.',
  reportReader: 'The department’s head (all), process owners (their services), agents (their own work).',
  departmentHead: 'The head of the department in the path (or of the service’s department).',
  departmentHeadOrAdmin: 'The head of the department in the path, or an administrator.',
  anyHeadOrAdmin: 'The head of any department, or an administrator.',
  admin: 'An administrator.',
  apiToken: 'A service account’s API token (Authorization: Bearer ordo_…) with the scope the route names.',
};

/** Every route with its audience, read from the contract (contract.ts). */
export const ROUTES: readonly RouteAccess[] = Object.entries(CONTRACT).map(([key, spec]) => {
  const { method, path } = splitKey(key);
  return {
    method,
    path,
    audience: spec.audience,
    ...('write' in spec && spec.write ? { write: true } : {}),
    ...('tokenScope' in spec && spec.tokenScope ? { tokenScope: spec.tokenScope } : {}),
  };
});

export type { RouteKey };

export function routeKey(route: Pick<RouteAccess, 'method' | 'path'>): string {
  return `${route.method} ${route.path}`;
}
