/**
 * The catalog: departments with their canvas, and published services.
 */
import { Hono } from 'hono';
import { type DepartmentPage, departmentCodeParam } from '#shared/api.ts';
import { NotFoundError } from '#shared/errors.ts';
import { isAgentOf } from '#shared/permissions.ts';
import type { Deps } from '../deps.ts';
import type { AppEnv } from '../http/context.ts';
import { parse } from '../http/validate.ts';
import { summarize } from '../repositories/services.ts';

export function catalogRoutes(deps: Deps) {
  return new Hono<AppEnv>()
    .get('/catalog', async (c) => c.json(await deps.services.catalog()))
    .get('/departments', async (c) => c.json(await deps.departments.list()))
    .get('/departments/:code', async (c) => {
      const code = parse(departmentCodeParam, c.req.param('code'), 'department code');
      const department = await deps.departments.get(code);
      if (!department) throw new NotFoundError(`There is no department ${code}.`);
      const services = (await deps.services.listByDepartment(code)).filter((s) => s.status === 'published');
      const page: DepartmentPage = { department, services: services.map(summarize) };
      return c.json(page);
    })
    .get('/services/:id', async (c) => {
      const id = c.req.param('id');
      const service = id.length <= 100 ? await deps.services.get(id) : undefined;
      // Drafts are visible to the department's own team only.
      if (!service || (service.status !== 'published' && !isAgentOf(c.get('user'), service.department))) {
        throw new NotFoundError(`There is no service ${id}.`);
      }
      const owner = await deps.users.get(service.ownerId);
      return c.json({ ...service, ...(owner ? { ownerName: owner.name } : {}) });
    });
}
