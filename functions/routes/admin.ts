/**
 * Platform administration: people and their roles, and the audit log of role changes.
 */
import { Hono } from 'hono';
import * as z from 'zod';
import { rolesBody } from '#shared/api.ts';
import { NotFoundError, ValidationError } from '#shared/errors.ts';
import type { User } from '#shared/model.ts';
import type { Deps } from '../deps.ts';
import type { Guard } from '../http/access.ts';
import type { AppEnv } from '../http/context.ts';
import { jsonBody, query } from '../http/validate.ts';

const auditQuery = z.strictObject({
  month: z
    .string()
    .regex(/^\d{4}-\d{2}$/, 'Use YYYY-MM.')
    .optional(),
});

export function adminRoutes(deps: Deps, guard: Guard) {
  return new Hono<AppEnv>()
    .get('/users', guard('GET /users'), async (c) => c.json(await deps.users.list()))
    .put('/users/:id/roles', guard('PUT /users/:id/roles'), async (c) => {
      const body = await jsonBody(c, rolesBody);
      const id = c.req.param('id');
      const previous = id.length <= 100 ? await deps.users.fresh(id) : undefined;
      if (!previous) throw new NotFoundError(`There is no person ${id}.`);
      const departments = new Set((await deps.departments.list()).map((d) => d.code));
      const unknown = Object.keys(body.memberships).filter((code) => !departments.has(code));
      if (unknown.length)
        throw new ValidationError('Unknown departments.', { memberships: `No department ${unknown.join(', ')}.` });
      const next: User = { ...previous, memberships: body.memberships, admin: body.admin };
      await deps.users.changeRoles(c.get('user').id, previous, next, deps.now().toISOString());
      return c.json(next);
    })
    .get('/audit', guard('GET /audit'), async (c) => {
      const { month } = query(c, auditQuery);
      return c.json(await deps.users.audit(month ?? deps.now().toISOString().slice(0, 7)));
    });
}
