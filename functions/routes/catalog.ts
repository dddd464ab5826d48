/**
 * The catalog: departments with their canvas, published services, and — for heads — editing them.
 */
import { NotFoundError } from '#shared/errors.ts';
import { refusal } from '#shared/refusals.ts';
import { createServiceBody } from '#shared/service-schema.ts';
import type { Deps } from '../deps.ts';
import type { On } from '../http/routes.ts';
import { parse } from '../http/validate.ts';
import { summarize } from '../repositories/services.ts';

const serviceId = (raw: string) => (raw.length <= 100 ? raw : '');

/**
 * The service template library (every template in every language, ~220 KB minified) is read on the
 * first request that needs it, so the API's cold start does not parse it (a chunk of its own in Lambda).
 */
const library = () => import('#shared/templates/index.ts');

export function catalogRoutes(deps: Deps, on: On): void {
  const flow = deps.catalogWorkflow;
  on('GET /catalog', () => deps.services.catalog());
  on('GET /departments', () => deps.departments.list());
  on('POST /departments', (c, { body }) => flow.createDepartment(c.get('user'), body));
  on('GET /departments/:code', async (_c, { params: { code } }) => {
    const department = await deps.departments.get(code);
    if (!department) throw new NotFoundError('department_not_found', { code });
    const services = (await deps.services.listByDepartment(code)).filter((s) => s.status === 'published');
    return { department, services: services.map(summarize) };
  });
  on('PUT /departments/:code', (c, { params, body }) => flow.updateDepartment(c.get('user'), params.code, body));
  on('GET /departments/:code/members', (c, { params }) => flow.members(c.get('user'), params.code));
  on('GET /departments/:code/services', (c, { params }) => flow.servicesOfDepartment(c.get('user'), params.code));
  on('POST /services', (c, { body }) => flow.createService(c.get('user'), body));
  on('GET /service-templates', async (c, { query }) =>
    (await library()).templateSummaries(query.language ?? c.get('user').language ?? 'en'),
  );
  on('POST /departments/:code/services/from-template', async (c, { params, body: request }) => {
    const { findTemplate, serviceFromTemplate } = await library();
    const template = findTemplate(request.templateId);
    if (!template) {
      throw new NotFoundError(
        'template_not_found',
        { id: request.templateId },
        { templateId: refusal('unknown_template') },
      );
    }
    const user = c.get('user');
    // The service POST /services would take, held to the same schema before the same workflow checks.
    const body = parse(
      createServiceBody,
      serviceFromTemplate(template, { department: params.code, ownerId: user.id, id: request.id, name: request.name }),
    );
    return flow.adoptTemplate(user, body);
  });
  on('GET /services/:id', (c, { params }) => flow.view(c.get('user'), serviceId(params.id)));
  on('PUT /services/:id', (c, { params, body }) => flow.updateService(c.get('user'), serviceId(params.id), body));
  on('POST /services/:id/publish', (c, { params, body }) =>
    flow.publish(c.get('user'), serviceId(params.id), body.version),
  );
  on('POST /services/:id/retire', (c, { params, body }) =>
    flow.retire(c.get('user'), serviceId(params.id), body.version),
  );
}
