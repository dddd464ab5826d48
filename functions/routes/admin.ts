/**
 * Platform administration: people and their roles, and the audit log of role changes.
 */
import { NotFoundError, ValidationError } from '#shared/errors.ts';
import type { User } from '#shared/model.ts';
import { refusal } from '#shared/refusals.ts';
import type { Deps } from '../deps.ts';
import type { On } from '../http/routes.ts';

export function adminRoutes(deps: Deps, on: On): void {
  on('GET /users', () => deps.users.list());
  on('PUT /users/:id/roles', async (c, { params, body }) => {
    const id = params.id;
    const previous = id.length <= 100 ? await deps.users.fresh(id) : undefined;
    if (!previous) throw new NotFoundError('person_not_found', { id });
    const departments = new Set((await deps.departments.list()).map((d) => d.code));
    const unknown = Object.keys(body.memberships).filter((code) => !departments.has(code));
    if (unknown.length)
      throw new ValidationError(
        'invalid_request',
        {},
        { memberships: refusal('unknown_departments', { codes: unknown }) },
      );
    const next: User = { ...previous, memberships: body.memberships, admin: body.admin };
    await deps.users.changeRoles(c.get('user').id, previous, next, deps.now().toISOString());
    return next;
  });
  // A person's data on request: the export and the erasure check the person exists themselves.
  on('POST /users/:id/export', (c, { params }) => deps.privacyWorkflow.export(c.get('user'), params.id));
  on('POST /users/:id/erase', (c, { params }) => deps.privacyWorkflow.erase(c.get('user'), params.id));
  on('GET /audit', (_c, { query }) => deps.users.audit(query.month ?? deps.now().toISOString().slice(0, 7)));
}
