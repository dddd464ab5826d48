/**
 * Export and import of a department's catalog (shared/transfer.ts): load → plan (pure) → write → answer.
 * An import is previewed and applied by the same plan; a document with any refusal writes nothing.
 */
import { departmentAudit, serviceAudit } from '#shared/audit.ts';
import { ConflictError, NotFoundError, ValidationError } from '#shared/errors.ts';
import type { Department, Language, Service, User } from '#shared/model.ts';
import { loadPatterns, needsPatterns } from '#shared/pattern-engine.ts';
import { canEditDepartment } from '#shared/permissions.ts';
import type { FieldRefusals } from '#shared/refusals.ts';
import {
  exportDocument,
  type ImportAnswer,
  importedDepartment,
  importedService,
  namedPeople,
  planImport,
  readDocument,
  type TransferDocument,
} from '#shared/transfer.ts';
import type { DepartmentRepository } from '../repositories/departments.ts';
import type { ServiceRepository } from '../repositories/services.ts';
import type { UserRepository } from '../repositories/users.ts';

export interface TransferWorkflowDeps {
  departments: DepartmentRepository;
  services: ServiceRepository;
  users: UserRepository;
  now: () => Date;
}

function refuse(problems: FieldRefusals): never {
  throw new ValidationError('invalid_request', {}, problems);
}

export class TransferWorkflow {
  constructor(private readonly deps: TransferWorkflowDeps) {}

  /** The department's settings and every service of it (drafts and retired ones too). */
  async exportDepartment(user: User, code: string): Promise<TransferDocument> {
    const department = await this.department(user, code);
    return exportDocument(department, await this.deps.services.listByDepartment(code));
  }

  /** One service of the department, without the department's settings. */
  async exportService(user: User, code: string, id: string): Promise<TransferDocument> {
    await this.department(user, code);
    const service = await this.deps.services.get(id);
    if (!service || service.department !== code) throw new NotFoundError('service_not_found', { id });
    return exportDocument(undefined, [service]);
  }

  /** A JSON document (read with its schema by the route): previewed, or applied when `apply`. */
  async importDocument(user: User, code: string, document: TransferDocument, apply: boolean): Promise<ImportAnswer> {
    return this.run(user, await this.department(user, code), document, apply);
  }

  /** A CSV list of services, read into a document and then exactly as a JSON one. */
  async importCsv(user: User, code: string, text: string, apply: boolean): Promise<ImportAnswer> {
    const department = await this.department(user, code);
    const language: Language = user.language ?? 'en';
    // The CSV parser is loaded on the first CSV import, not at every cold start.
    const { csvDocument } = await import('#shared/transfer-csv.ts');
    const csv = csvDocument(text, code, language, department.calendar);
    const read = csv.document === undefined ? undefined : readDocument(csv.document);
    const problems = { ...read?.problems, ...csv.problems };
    if (!read?.document || Object.keys(problems).length > 0) refuse(problems);
    return this.run(user, department, await this.withOwnerIds(read.document), apply);
  }

  private async run(
    user: User,
    department: Department,
    document: TransferDocument,
    apply: boolean,
  ): Promise<ImportAnswer> {
    const code = department.code;
    const ids = document.services.map((s) => s.id);
    const [services, people, held] = await Promise.all([
      this.deps.services.listByDepartment(code),
      this.deps.users.getMany(namedPeople(document)),
      this.deps.services.departmentsOf(ids),
    ]);
    const elsewhere = new Set([...held].filter(([, owner]) => owner !== code).map(([id]) => id));
    // The pattern engine is loaded only when a service has a pattern (shared/pattern-engine.ts).
    if (document.services.some((s) => needsPatterns(s.form))) await loadPatterns();
    const plan = planImport({ department, services, people: new Set(people.keys()), elsewhere }, document);
    if (Object.keys(plan.problems).length > 0) refuse(plan.problems);
    if (!apply) return { ...plan, applied: false };

    const now = this.deps.now().toISOString();
    const byId = new Map(services.map((s) => [s.id, s] as const));
    if (document.department && plan.department?.change === 'changed') {
      const next = importedDepartment(department, document.department);
      await this.deps.departments.save(next, department.version, departmentAudit(user.id, now, department, next));
    }
    // One write per service, each conditional on the version just read: a lost race is a 409, and
    // importing the same document again writes only what is still different.
    for (const [i, incoming] of document.services.entries()) {
      if (plan.services[i]?.change === 'unchanged') continue;
      const existing = byId.get(incoming.id);
      const next = importedService(code, incoming, existing);
      await this.saveService(user, existing, next, now);
    }
    return { ...plan, applied: true };
  }

  private async saveService(user: User, existing: Service | undefined, next: Service, now: string): Promise<void> {
    try {
      await this.deps.services.save(next, existing?.version, now, (saved) =>
        serviceAudit(user.id, now, existing, saved),
      );
    } catch (error) {
      if (error instanceof ConflictError) throw new ConflictError('service_changed', { id: next.id });
      throw error;
    }
  }

  /** Owners given by email (a CSV's `owner` column) become their ids; an unknown email stays and is refused. */
  private async withOwnerIds(document: TransferDocument): Promise<TransferDocument> {
    const emails = [...new Set(document.services.map((s) => s.ownerId).filter((o) => o.includes('@')))];
    const found = new Map<string, string>();
    await Promise.all(
      emails.map(async (email) => {
        const wanted = email.toLowerCase();
        const card = (await this.deps.users.search(wanted)).find((p) => p.email.toLowerCase() === wanted);
        if (card) found.set(email, card.id);
      }),
    );
    return {
      ...document,
      services: document.services.map((s) => ({ ...s, ownerId: found.get(s.ownerId) ?? s.ownerId })),
    };
  }

  private async department(user: User, code: string): Promise<Department> {
    const department = await this.deps.departments.get(code);
    // The guard admits the head and administrators; a department that does not exist is not found.
    if (!department || !canEditDepartment(user, code)) throw new NotFoundError('department_not_found', { code });
    return department;
  }
}
