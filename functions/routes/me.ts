/**
 * The signed-in person: who they are, their notification preferences and their language.
 */
import { Hono } from 'hono';
import { preferencesBody } from '#shared/api.ts';
import type { Deps } from '../deps.ts';
import type { Guard } from '../http/access.ts';
import type { AppEnv } from '../http/context.ts';
import { jsonBody } from '../http/validate.ts';

export function meRoutes(deps: Deps, guard: Guard) {
  return new Hono<AppEnv>()
    .get('/', guard('GET /me'), (c) => c.json({ user: c.get('user') }))
    .put('/preferences', guard('PUT /me/preferences'), async (c) => {
      const { mutedEvents, language } = await jsonBody(c, preferencesBody);
      const user = c.get('user');
      const next = {
        ...user,
        ...(mutedEvents ? { mutedEvents: [...new Set(mutedEvents)] } : {}),
        ...(language ? { language } : {}),
      };
      await deps.users.save(next, user);
      return c.json({ user: next });
    });
}
