/**
 * Development sign-in (local stack only): list the demo users and issue a token for one of them.
 * Not mounted at all when the API runs with Cognito.
 */
import { Hono } from 'hono';
import { type DemoUser, devSignInBody } from '#shared/api.ts';
import { NotFoundError } from '#shared/errors.ts';
import type { User } from '#shared/model.ts';
import type { Deps } from '../deps.ts';
import type { Guard } from '../http/access.ts';
import type { AppEnv } from '../http/context.ts';
import { jsonBody } from '../http/validate.ts';

function describe(user: User): string {
  const roles = Object.entries(user.memberships).map(([dept, role]) => `${role} of ${dept}`);
  if (user.admin) roles.unshift('administrator');
  return roles.length ? roles.join(', ') : `employee${user.department ? ` in ${user.department}` : ''}`;
}

export function authRoutes(deps: Deps, devTokens: NonNullable<Deps['devTokens']>, guard: Guard) {
  return new Hono<AppEnv>()
    .get('/demo-users', guard('GET /auth/demo-users'), async (c) => {
      const users = await deps.users.list();
      const list: DemoUser[] = users.map((u) => ({ id: u.id, name: u.name, email: u.email, summary: describe(u) }));
      return c.json(list);
    })
    .post('/dev-sign-in', guard('POST /auth/dev-sign-in'), async (c) => {
      const { userId } = await jsonBody(c, devSignInBody);
      const user = await deps.users.get(userId);
      if (!user) throw new NotFoundError(`There is no user ${userId}.`);
      return c.json({ token: await devTokens.issue(user.id), user });
    });
}
