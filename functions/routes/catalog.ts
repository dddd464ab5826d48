/**
 * The catalog: departments with their canvas, published services, and — for heads — editing them.
 */
import { Hono } from 'hono';
import {
  type DepartmentPage,
  departmentCodeParam,
  fromTemplateBody,
  type ServiceTemplateSummary,
  templatesQuery,
} from '#shared/api.ts';
import { NotFoundError } from '#shared/errors.ts';
import {
  createDepartmentBody,
  createServiceBody,
  serviceVersionBody,
  updateDepartmentBody,
  updateServiceBody,
} from '#shared/service-schema.ts';
import { findTemplate, serviceFromTemplate, templateSummaries } from '#shared/templates/index.ts';
import type { Deps } from '../deps.ts';
import type { Guard } from '../http/access.ts';
import type { AppEnv } from '../http/context.ts';
import { jsonBody, parse, query } from '../http/validate.ts';
import { summarize } from '../repositories/services.ts';

const serviceId = (raw: string) => (raw.length <= 100 ? raw : '');

export function catalogRoutes(deps: Deps, guard: Guard) {
  const flow = deps.catalogWorkflow;
  const code = (raw: string) => parse(departmentCodeParam, raw, 'department code');
  return new Hono<AppEnv>()
    .get('/catalog', guard('GET /catalog'), async (c) => c.json(await deps.services.catalog()))
    .get('/departments', guard('GET /departments'), async (c) => c.json(await deps.departments.list()))
    .post('/departments', guard('POST /departments'), async (c) => {
      const body = await jsonBody(c, createDepartmentBody);
      return c.json(await flow.createDepartment(c.get('user'), body), 201);
    })
    .get('/departments/:code', guard('GET /departments/:code'), async (c) => {
      const dept = code(c.req.param('code'));
      const department = await deps.departments.get(dept);
      if (!department) throw new NotFoundError(`There is no department ${dept}.`);
      const services = (await deps.services.listByDepartment(dept)).filter((s) => s.status === 'published');
      const page: DepartmentPage = { department, services: services.map(summarize) };
      return c.json(page);
    })
    .put('/departments/:code', guard('PUT /departments/:code'), async (c) => {
      const body = await jsonBody(c, updateDepartmentBody);
      return c.json(await flow.updateDepartment(c.get('user'), code(c.req.param('code')), body));
    })
    .get('/departments/:code/members', guard('GET /departments/:code/members'), async (c) =>
      c.json(await flow.members(c.get('user'), code(c.req.param('code')))),
    )
    .get('/departments/:code/services', guard('GET /departments/:code/services'), async (c) =>
      c.json(await flow.servicesOfDepartment(c.get('user'), code(c.req.param('code')))),
    )
    .post('/services', guard('POST /services'), async (c) => {
      const body = await jsonBody(c, createServiceBody);
      return c.json(await flow.createService(c.get('user'), body), 201);
    })
    .get('/service-templates', guard('GET /service-templates'), (c) => {
      const { language } = query(c, templatesQuery);
      const list: ServiceTemplateSummary[] = templateSummaries(language ?? c.get('user').language ?? 'en');
      return c.json(list);
    })
    .post(
      '/departments/:code/services/from-template',
      guard('POST /departments/:code/services/from-template'),
      async (c) => {
        const department = code(c.req.param('code'));
        const request = await jsonBody(c, fromTemplateBody);
        const template = findTemplate(request.templateId);
        if (!template) {
          throw new NotFoundError(`There is no service template ${request.templateId}.`, {
            templateId: 'There is no such template.',
          });
        }
        const user = c.get('user');
        // The service POST /services would take, held to the same schema before the same workflow checks.
        const body = parse(
          createServiceBody,
          serviceFromTemplate(template, { department, ownerId: user.id, id: request.id, name: request.name }),
          'service',
        );
        return c.json(await flow.adoptTemplate(user, body), 201);
      },
    )
    .get('/services/:id', guard('GET /services/:id'), async (c) =>
      c.json(await flow.view(c.get('user'), serviceId(c.req.param('id')))),
    )
    .put('/services/:id', guard('PUT /services/:id'), async (c) => {
      const body = await jsonBody(c, updateServiceBody);
      return c.json(await flow.updateService(c.get('user'), serviceId(c.req.param('id')), body));
    })
    .post('/services/:id/publish', guard('POST /services/:id/publish'), async (c) => {
      const { version } = await jsonBody(c, serviceVersionBody);
      return c.json(await flow.publish(c.get('user'), serviceId(c.req.param('id')), version));
    })
    .post('/services/:id/retire', guard('POST /services/:id/retire'), async (c) => {
      const { version } = await jsonBody(c, serviceVersionBody);
      return c.json(await flow.retire(c.get('user'), serviceId(c.req.param('id')), version));
    });
}
