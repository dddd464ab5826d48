/**
 * Who may call what (SPEC §1, §10): one declarative table of every API route and the audience it
 * serves. The app mounts routes from this table (a test checks both agree); coarse audiences are
 * enforced by middleware before the handler, order- and service-level ones by the workflows with the
 * predicates in permissions.ts. The authorization matrix test calls every route as every role from it.
 */

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
  | 'admin';

export interface RouteAccess {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Hono path under /api/v1. */
  path: string;
  audience: Audience;
  /** Writes count against the per-person rate limit. */
  write?: boolean;
}

export const ROUTES = [
  { method: 'GET', path: '/health', audience: 'anyone' },
  { method: 'GET', path: '/clarifications/:token', audience: 'anyone' },
  { method: 'POST', path: '/clarifications/:token', audience: 'anyone', write: true },

  { method: 'GET', path: '/surveys/:token', audience: 'anyone' },
  { method: 'POST', path: '/surveys/:token', audience: 'anyone', write: true },

  { method: 'POST', path: '/me/sign-in', audience: 'tokenHolder' },
  { method: 'GET', path: '/me', audience: 'signedIn' },
  { method: 'PUT', path: '/me/preferences', audience: 'signedIn', write: true },
  { method: 'GET', path: '/catalog', audience: 'signedIn' },
  { method: 'GET', path: '/departments', audience: 'signedIn' },
  { method: 'GET', path: '/departments/:code', audience: 'signedIn' },
  { method: 'GET', path: '/services/:id', audience: 'signedIn' },
  { method: 'GET', path: '/service-templates', audience: 'signedIn' },
  { method: 'GET', path: '/people', audience: 'signedIn' },
  { method: 'POST', path: '/orders', audience: 'signedIn', write: true },
  { method: 'GET', path: '/orders/mine', audience: 'signedIn' },
  { method: 'POST', path: '/attachments', audience: 'signedIn', write: true },

  { method: 'GET', path: '/orders/:number', audience: 'orderViewer' },
  { method: 'GET', path: '/orders/:number/attachments', audience: 'orderViewer' },
  { method: 'POST', path: '/orders/:number/comments', audience: 'orderViewer', write: true },
  { method: 'POST', path: '/orders/:number/survey', audience: 'orderRequester', write: true },
  { method: 'POST', path: '/orders/:number/transitions', audience: 'orderByAction', write: true },
  { method: 'POST', path: '/orders/:number/inputs/:inputId', audience: 'orderRequesterOrTeam', write: true },
  { method: 'POST', path: '/orders/:number/watchers', audience: 'orderRequesterOrTeam', write: true },
  { method: 'POST', path: '/orders/:number/deliverables/:deliverableId', audience: 'orderTeam', write: true },
  { method: 'POST', path: '/orders/:number/stage', audience: 'orderTeam', write: true },
  { method: 'POST', path: '/orders/:number/priority', audience: 'orderTeam', write: true },
  { method: 'POST', path: '/orders/:number/handoffs', audience: 'orderTeam', write: true },

  { method: 'GET', path: '/departments/:code/queue', audience: 'departmentTeam' },
  { method: 'GET', path: '/departments/:code/at-risk', audience: 'departmentTeam' },
  { method: 'GET', path: '/departments/:code/services', audience: 'departmentTeam' },
  { method: 'GET', path: '/departments/:code/backlog', audience: 'departmentTeam' },
  { method: 'GET', path: '/departments/:code/follow-ups', audience: 'departmentTeam' },
  { method: 'POST', path: '/departments/:code/follow-ups/:number/close', audience: 'headOrOwner', write: true },
  { method: 'GET', path: '/departments/:code/report', audience: 'reportReader' },
  { method: 'GET', path: '/departments/:code/customers', audience: 'departmentHead' },
  { method: 'GET', path: '/departments/:code/capacity', audience: 'departmentHead' },
  { method: 'GET', path: '/departments/:code/goals', audience: 'departmentHead' },
  { method: 'PUT', path: '/departments/:code/goals', audience: 'departmentHead', write: true },
  { method: 'GET', path: '/departments/:code/members', audience: 'departmentTeamOrAdmin' },
  { method: 'PUT', path: '/departments/:code', audience: 'departmentHeadOrAdmin', write: true },
  { method: 'POST', path: '/services', audience: 'departmentHead', write: true },
  { method: 'POST', path: '/departments/:code/services/from-template', audience: 'departmentHead', write: true },
  { method: 'PUT', path: '/services/:id', audience: 'departmentHead', write: true },
  { method: 'POST', path: '/services/:id/publish', audience: 'departmentHead', write: true },
  { method: 'POST', path: '/services/:id/retire', audience: 'departmentHead', write: true },

  { method: 'POST', path: '/departments', audience: 'admin', write: true },
  { method: 'GET', path: '/users', audience: 'admin' },
  { method: 'PUT', path: '/users/:id/roles', audience: 'admin', write: true },
  { method: 'GET', path: '/audit', audience: 'admin' },
] as const satisfies readonly RouteAccess[];

export type RouteKey = `${(typeof ROUTES)[number]['method']} ${(typeof ROUTES)[number]['path']}`;

export function routeKey(route: Pick<RouteAccess, 'method' | 'path'>): string {
  return `${route.method} ${route.path}`;
}
