/**
 * Catalog use cases: departments (canvas, calendar, contact) and services (draft → published →
 * retired, with a new immutable version on every published change so orders keep theirs).
 */
import type { Member, ServiceView } from '#shared/api.ts';
import { departmentAudit, serviceAudit } from '#shared/audit.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '#shared/errors.ts';
import type { Department, Service, User } from '#shared/model.ts';
import { loadPatterns, needsPatterns } from '#shared/pattern-engine.ts';
import { canEditCatalog, canEditDepartment, isAgentOf } from '#shared/permissions.ts';
import { type FieldRefusals, refusal } from '#shared/refusals.ts';
import type { ServiceBody } from '#shared/service-schema.ts';
import { serviceProblems } from '#shared/service-schema.ts';
import { calendarProblems, promiseDate } from '#shared/sla.ts';
import type { DepartmentRepository } from '../repositories/departments.ts';
import type { ServiceRepository } from '../repositories/services.ts';
import type { UserRepository } from '../repositories/users.ts';

export interface CatalogWorkflowDeps {
  departments: DepartmentRepository;
  services: ServiceRepository;
  users: UserRepository;
  now: () => Date;
}

type DepartmentFields = Omit<Department, 'code' | 'version'>;

export class CatalogWorkflow {
  constructor(private readonly deps: CatalogWorkflowDeps) {}

  async createDepartment(user: User, body: DepartmentFields & { code: string }): Promise<Department> {
    if (!user.admin) throw new ForbiddenError('admin_only');
    await this.checkDepartment(body);
    let created: Department;
    try {
      const draft: Department = { ...body, version: 0 };
      const at = this.deps.now().toISOString();
      created = await this.deps.departments.save(draft, undefined, departmentAudit(user.id, at, undefined, draft));
    } catch (error) {
      if (error instanceof ConflictError) throw new ConflictError('department_exists', { code: body.code });
      throw error;
    }
    // The named head heads the department: give them the role, with its audit entry.
    const head = await this.deps.users.get(body.headId);
    if (head && head.memberships[body.code] !== 'head') {
      const next: User = { ...head, memberships: { ...head.memberships, [body.code]: 'head' } };
      await this.deps.users.changeRoles(user.id, head, next, this.deps.now().toISOString());
    }
    return created;
  }

  async updateDepartment(user: User, code: string, body: DepartmentFields & { version: number }): Promise<Department> {
    const current = await this.deps.departments.get(code);
    if (!current) throw new NotFoundError('department_not_found', { code });
    if (!canEditDepartment(user, code)) throw new ForbiddenError('head_only');
    await this.checkDepartment(body);
    const { version, ...fields } = body;
    if (version !== current.version) {
      throw new ConflictError('department_changed', { code }, current);
    }
    const next: Department = { ...current, ...fields };
    const at = this.deps.now().toISOString();
    return this.deps.departments.save(next, version, departmentAudit(user.id, at, current, next));
  }

  async members(user: User, code: string): Promise<Member[]> {
    if (!isAgentOf(user, code) && !user.admin) throw new NotFoundError('nothing_here', { department: code });
    return this.deps.users.members(code);
  }

  async servicesOfDepartment(user: User, code: string): Promise<Service[]> {
    if (!isAgentOf(user, code)) throw new NotFoundError('nothing_here', { department: code });
    return this.deps.services.listByDepartment(code);
  }

  async view(user: User, id: string): Promise<ServiceView> {
    const service = await this.deps.services.get(id);
    // Drafts and retired services are visible to the department's own team only.
    if (!service || (service.status !== 'published' && !isAgentOf(user, service.department))) {
      throw new NotFoundError('service_not_found', { id });
    }
    const [owner, department] = await Promise.all([
      this.deps.users.get(service.ownerId),
      this.deps.departments.get(service.department),
    ]);
    const view: ServiceView = { ...service };
    if (owner) view.ownerName = owner.name;
    if (department) view.promisedAt = promiseDate(this.deps.now(), service.standard, department.calendar).toISOString();
    return view;
  }

  async createService(user: User, body: ServiceBody & { id: string; department: string }): Promise<Service> {
    return this.addDraft(
      user,
      body,
      () => new ValidationError('invalid_request', {}, { id: refusal('id_taken', { id: body.id }) }),
    );
  }

  /**
   * A draft made from a template (shared/templates): the same checks as a service written by hand.
   * The id may be one the head never typed (the template's default), so a taken one is a conflict.
   */
  async adoptTemplate(user: User, body: ServiceBody & { id: string; department: string }): Promise<Service> {
    return this.addDraft(user, body, () => new ConflictError('service_exists', { id: body.id }));
  }

  /** A new draft service; an id already taken is refused as `taken` makes it. */
  private async addDraft(
    user: User,
    body: ServiceBody & { id: string; department: string },
    taken: () => Error,
  ): Promise<Service> {
    try {
      return await this.newDraft(user, body);
    } catch (error) {
      throw error instanceof ConflictError ? taken() : error;
    }
  }

  private async newDraft(user: User, body: ServiceBody & { id: string; department: string }): Promise<Service> {
    if (!canEditCatalog(user, body.department)) {
      throw new ForbiddenError('head_only');
    }
    if (!(await this.deps.departments.get(body.department))) {
      throw new ValidationError(
        'invalid_request',
        {},
        { department: refusal('unknown_departments', { codes: [body.department] }) },
      );
    }
    await this.check(body);
    const now = this.deps.now().toISOString();
    return this.deps.services.save({ ...body, status: 'draft', version: 0, updatedAt: now }, undefined, now, (saved) =>
      serviceAudit(user.id, now, undefined, saved),
    );
  }

  async updateService(user: User, id: string, body: ServiceBody & { version: number }): Promise<Service> {
    const current = await this.editable(user, id, body.version);
    await this.check(body);
    if (current.status === 'published') await this.checkPublishable(body);
    const { version, ...fields } = body;
    return this.saveAudited(user, current, { ...current, ...fields }, version);
  }

  async publish(user: User, id: string, version: number): Promise<Service> {
    const current = await this.editable(user, id, version);
    await this.check(current);
    await this.checkPublishable(current);
    return this.saveAudited(user, current, { ...current, status: 'published' }, version);
  }

  async retire(user: User, id: string, version: number): Promise<Service> {
    const current = await this.editable(user, id, version);
    return this.saveAudited(user, current, { ...current, status: 'retired' }, version);
  }

  /** A change of a service with its audit record (what changed, before and after) in the same write. */
  private saveAudited(user: User, current: Service, next: Service, version: number): Promise<Service> {
    const now = this.deps.now().toISOString();
    return this.deps.services.save(next, version, now, (saved) => serviceAudit(user.id, now, current, saved));
  }

  private async editable(user: User, id: string, version: number): Promise<Service> {
    const current = await this.deps.services.get(id);
    if (!current || !isAgentOf(user, current.department)) throw new NotFoundError('service_not_found', { id });
    if (!canEditCatalog(user, current.department)) {
      throw new ForbiddenError('head_only');
    }
    if (current.version !== version) {
      throw new ConflictError('service_changed', { id }, current);
    }
    return current;
  }

  private async check(body: ServiceBody): Promise<void> {
    // The pattern engine is loaded only for a service with a pattern (shared/pattern-engine.ts).
    if (needsPatterns(body.form)) await loadPatterns();
    const problems = serviceProblems(body);
    if (Object.keys(problems).length > 0) throw new ValidationError('invalid_request', {}, problems);
  }

  /** A published service needs exactly one accountable owner who exists (SPEC §3). */
  private async checkPublishable(service: Pick<Service, 'ownerId'>): Promise<void> {
    if (!service.ownerId) {
      throw new ValidationError('invalid_request', {}, { ownerId: refusal('required') });
    }
    if (!(await this.deps.users.get(service.ownerId))) {
      throw new ValidationError('invalid_request', {}, { ownerId: refusal('unknown_person') });
    }
  }

  private async checkDepartment(body: DepartmentFields): Promise<void> {
    const problems = calendarProblems(body.calendar);
    const fields: FieldRefusals = {};
    if (problems[0]) fields.calendar = problems[0];
    if (!(await this.deps.users.get(body.headId))) fields.headId = refusal('unknown_person');
    if (Object.keys(fields).length > 0) throw new ValidationError('invalid_request', {}, fields);
  }
}
