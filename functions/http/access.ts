/**
 * Per-route guard built from the declarative table in shared/access.ts: authenticates (unless the
 * route serves anyone), applies the per-person write limit, and enforces the audiences that need no
 * stored data (admin, the department in the path). Order- and service-level audiences are enforced
 * by the workflows, which load the data anyway.
 */
import type { MiddlewareHandler } from 'hono';
import { type Audience, ROUTES, type RouteKey, routeKey } from '#shared/access.ts';
import { ForbiddenError, NotFoundError, UnauthorizedError } from '#shared/errors.ts';
import { isApiTokenHeader, scopeDecision, type TokenScope } from '#shared/integrations.ts';
import type { User } from '#shared/model.ts';
import { isAgentOf, isHeadOf } from '#shared/permissions.ts';
import { isAdministrator } from '#shared/profile.ts';
import type { Identity } from '../auth/authenticator.ts';
import type { Deps } from '../deps.ts';
import type { AppEnv } from './context.ts';
import type { RateLimiter } from './rate-limit.ts';

const BY_KEY = new Map<string, (typeof ROUTES)[number]>(ROUTES.map((r) => [routeKey(r), r]));

/** Checks the bearer token and says who it names. */
export async function identify(deps: Deps, header: string | undefined): Promise<Identity> {
  const token = header?.match(/^Bearer ([\w.-]{10,4096})$/)?.[1];
  if (!token) throw new UnauthorizedError('sign_in_required');
  return deps.authenticator.verify(token);
}

/**
 * The signed-in person with their roles as of this request: department roles from Ordo's records,
 * administration also from the configuration and the token's groups (never stored, so removing
 * someone from either takes the right away with their next token or the next deployment).
 */
export async function authenticate(deps: Deps, header: string | undefined): Promise<User> {
  const identity = await identify(deps, header);
  const user = await deps.users.get(identity.userId);
  // A profile is made at sign-in; without one the portal signs the person in again.
  if (!user) throw new UnauthorizedError('sign_in_again');
  const admin = isAdministrator(user, identity.groups, deps.config.auth);
  return admin === user.admin ? user : { ...user, admin };
}

function checkDepartment(audience: Audience, user: User, code: string | undefined): void {
  if (!code) return;
  const member = isAgentOf(user, code);
  switch (audience) {
    case 'departmentTeam':
      // Outsiders learn nothing about another department's work: the answer is "not found".
      if (!member) throw new NotFoundError('nothing_here', { department: code });
      return;
    case 'headOrOwner':
    case 'reportReader':
      // Agents and process owners are members; the workflow narrows what each may see.
      if (!member) throw new NotFoundError('nothing_here', { department: code });
      return;
    case 'departmentTeamOrAdmin':
      if (!member && !user.admin) throw new NotFoundError('nothing_here', { department: code });
      return;
    case 'departmentHead':
      if (!isHeadOf(user, code))
        throw member ? new ForbiddenError('head_only') : new NotFoundError('nothing_here', { department: code });
      return;
    case 'departmentHeadOrAdmin':
      if (!isHeadOf(user, code) && !user.admin) {
        throw member ? new ForbiddenError('head_only') : new NotFoundError('nothing_here', { department: code });
      }
      return;
    default:
      return;
  }
}

export function createGuard(deps: Deps, limiter: RateLimiter) {
  return (key: RouteKey): MiddlewareHandler<AppEnv> => {
    const route = BY_KEY.get(key);
    if (!route) throw new Error(`Route ${key} is not in the access table.`);
    const audience: Audience = route.audience;
    const tokenRoute: { tokenScope?: TokenScope } = route;
    const write = 'write' in route && route.write === true;
    return async (c, next) => {
      const header = c.req.header('authorization');
      if (audience !== 'anyone' && isApiTokenHeader(header)) {
        // A service account's API token: only the routes its scopes name, only its own department.
        const caller = await deps.tokenWorkflow.authenticate(header ?? '');
        if (scopeDecision(caller.token, tokenRoute.tokenScope) !== 'allowed') throw new ForbiddenError('token_scope');
        const code = c.req.param('code');
        if (code && code !== caller.token.department) throw new NotFoundError('nothing_here', { department: code });
        c.set('user', caller.account);
        c.set('apiToken', caller.token);
        if (write) limiter.take(`token:${caller.token.id}`);
        return next();
      }
      if (audience === 'apiToken') {
        // People sign in for the portal's routes; these are for service accounts' tokens only.
        await authenticate(deps, header);
        throw new ForbiddenError('tokens_only');
      }
      if (audience === 'tokenHolder') {
        c.set('identity', await identify(deps, c.req.header('authorization')));
      } else if (audience !== 'anyone') {
        const user = await authenticate(deps, c.req.header('authorization'));
        c.set('user', user);
        if (audience === 'admin' && !user.admin) throw new ForbiddenError('admin_only');
        if (audience === 'anyHeadOrAdmin' && !user.admin && !Object.values(user.memberships).includes('head'))
          throw new ForbiddenError('head_only');
        checkDepartment(audience, user, c.req.param('code'));
      }
      if (write) {
        // Signed-in writers are limited per person, signed links per link.
        const who =
          audience === 'anyone'
            ? `link:${c.req.param('token') ?? 'none'}`
            : `user:${audience === 'tokenHolder' ? c.get('identity').userId : c.get('user').id}`;
        limiter.take(who);
      }
      await next();
    };
  };
}

export type Guard = ReturnType<typeof createGuard>;
