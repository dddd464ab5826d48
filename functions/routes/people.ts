/**
 * Finding a colleague by name or email, for every field where a person is chosen (filing on
 * someone's behalf, watchers, a service's owner and approvers, roles).
 */
import { Hono } from 'hono';
import { peopleQuery } from '#shared/people.ts';
import type { Deps } from '../deps.ts';
import type { Guard } from '../http/access.ts';
import type { AppEnv } from '../http/context.ts';
import { query } from '../http/validate.ts';

export function peopleRoutes(deps: Deps, guard: Guard) {
  return new Hono<AppEnv>().get('/people', guard('GET /people'), async (c) => {
    const { q } = query(c, peopleQuery);
    return c.json(await deps.users.search(q));
  });
}
