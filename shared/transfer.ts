/**
 * Moving a catalog between stages or companies: a department's settings and its services as one
 * versioned JSON document (`format: ordo.catalog`, `version: 1`), and what importing one into a
 * department would change. Pure: the use case (functions/workflows/transfer.ts) loads what the plan
 * needs (the department, its services, the people the document names, the document's service ids
 * held elsewhere) and writes what it says.
 *
 * People: a service names people by id (owner, named approvers, who hears of each order). The ids are
 * exported as they are; an import refuses an id no profile has (`unknown_person` on its path), so a
 * document moved to another company names its people there before it is applied (or leaves the owner
 * empty, as a draft may). The department's head is not in the document: the target keeps its own.
 */
import * as z from 'zod/mini';
import { canonical, sameContent } from './canonical.ts';
import type { Department, Service } from './model.ts';
import { type FieldRefusals, refusal, says, zodRefusals } from './refusals.ts';
import { createServiceBody, departmentBody, type ServiceBody, serviceBody, serviceProblems } from './service-schema.ts';
import { calendarProblems } from './sla.ts';

export const TRANSFER_FORMAT = 'ordo.catalog';
export const TRANSFER_VERSION = 1;
/** At most this many services in one document (a department's catalog; the API's body limit is 256 KB). */
export const MAX_TRANSFER_SERVICES = 100;

/** The department's settings its head owns, as `PUT /departments/:code` writes them, without the head. */
export const transferDepartment = z.omit(departmentBody, { headId: true });
/** A service as the editor saves it, with its id (ids appear in URLs and orders; they never change). */
export const transferService = z.omit(createServiceBody, { department: true });

export const transferDocument = z.strictObject({
  format: z.literal(TRANSFER_FORMAT, says('not_option')),
  version: z.literal(TRANSFER_VERSION, says('not_option')),
  /** Absent in a single service's export: importing it changes services only. */
  department: z.optional(transferDepartment),
  services: z.array(transferService).check(z.maxLength(MAX_TRANSFER_SERVICES)),
});
export type TransferDocument = z.infer<typeof transferDocument>;
export type TransferService = z.infer<typeof transferService>;
export type TransferDepartment = z.infer<typeof transferDepartment>;

/** The top-level fields of a service a document carries (everything the editor saves). */
export const SERVICE_FIELDS = Object.keys(serviceBody.shape) as Array<keyof ServiceBody>;
/** The department's fields a document carries. */
export const DEPARTMENT_FIELDS = Object.keys(transferDepartment.shape) as Array<keyof TransferDepartment>;

function pick<T extends object, K extends keyof T>(from: T, fields: readonly K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const field of fields) if (from[field] !== undefined) out[field] = from[field];
  return canonical(out) as Pick<T, K>;
}

/** A service as a document carries it: its id and what the editor saves, nothing of this stage (status, versions). */
export function exportService(service: Service): TransferService {
  return { id: service.id, ...pick(service as ServiceBody, SERVICE_FIELDS) } as TransferService;
}

/** The document of a department (services by id) or, without a department, of some services. */
export function exportDocument(department: Department | undefined, services: readonly Service[]): TransferDocument {
  return {
    format: TRANSFER_FORMAT,
    version: TRANSFER_VERSION,
    ...(department ? { department: pick(department, DEPARTMENT_FIELDS) as TransferDepartment } : {}),
    services: [...services].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map(exportService),
  };
}

/** A document read with the schema, or the refusals by path (`services.2.form.0.kind`). */
export function readDocument(
  value: unknown,
): { document: TransferDocument; problems?: undefined } | { document?: undefined; problems: FieldRefusals } {
  const result = transferDocument.safeParse(value);
  if (result.success) return { document: result.data };
  return { problems: zodRefusals(result.error, value) };
}

/** The people a document names: owners, named approvers, who hears of each order. */
export function namedPeople(document: TransferDocument): string[] {
  const ids = new Set<string>();
  for (const s of document.services) {
    if (s.ownerId) ids.add(s.ownerId);
    if (s.approval.kind === 'named') for (const id of s.approval.approvers) ids.add(id);
    for (const id of s.reportTo) ids.add(id);
  }
  return [...ids];
}

/** What the department holds now, as far as an import needs it. */
export interface ImportCurrent {
  department: Department;
  /** The department's services (every status). */
  services: readonly Service[];
  /** Of the people the document names, those who have a profile. */
  people: ReadonlySet<string>;
  /** Of the document's service ids, those another department holds (ids are the company's). */
  elsewhere: ReadonlySet<string>;
}

export type ImportChange = 'added' | 'changed' | 'unchanged';

export interface ServiceImport {
  id: string;
  name: string;
  change: ImportChange;
  /** The top-level fields that differ (`form`, `standard`…); empty unless changed. */
  fields: string[];
  /** The status it has (or, added, will have: a draft). */
  status: Service['status'];
}

/** The preview of an import: what applying it would change, and why it cannot be applied. */
export interface ImportPlan {
  /** Absent when the document carries no department. */
  department?: { change: Exclude<ImportChange, 'added'>; fields: string[] };
  services: ServiceImport[];
  /** By path in the document; the import is applied only when there are none. */
  problems: FieldRefusals;
}

/**
 * What importing `document` into `current.department` would change: services matched by id are
 * changed (keeping their status; a published one gets a new published version) or unchanged, others
 * are added as drafts; the department's settings are changed when they differ. Every service is held
 * to the checks of one written by hand (`serviceProblems`; a published one also needs its owner), every
 * person named must exist, and an id another department holds is refused.
 * The caller loads the pattern engine first when a service has a pattern (pattern-engine.ts).
 */
export function planImport(current: ImportCurrent, document: TransferDocument): ImportPlan {
  const problems: FieldRefusals = {};
  const byId = new Map(current.services.map((s) => [s.id, s] as const));
  const seen = new Set<string>();
  const services: ServiceImport[] = [];
  document.services.forEach((incoming, i) => {
    const at = `services.${i}`;
    if (current.elsewhere.has(incoming.id) && !byId.has(incoming.id)) {
      problems[`${at}.id`] = refusal('id_taken', { id: incoming.id });
    }
    if (seen.has(incoming.id)) problems[`${at}.id`] = refusal('id_used_twice', { id: incoming.id });
    seen.add(incoming.id);
    const { id: _id, ...body } = incoming;
    for (const [path, problem] of Object.entries(serviceProblems(body))) problems[`${at}.${path}`] = problem;
    const known = (id: string) => current.people.has(id);
    if (incoming.ownerId && !known(incoming.ownerId)) problems[`${at}.ownerId`] = refusal('unknown_person');
    if (incoming.approval.kind === 'named') {
      incoming.approval.approvers.forEach((id, j) => {
        if (!known(id)) problems[`${at}.approval.approvers.${j}`] = refusal('unknown_person');
      });
    }
    incoming.reportTo.forEach((id, j) => {
      if (!known(id)) problems[`${at}.reportTo.${j}`] = refusal('unknown_person');
    });
    const existing = byId.get(incoming.id);
    if (!existing) {
      services.push({ id: incoming.id, name: incoming.name, change: 'added', fields: [], status: 'draft' });
      return;
    }
    // A published service stays published: it needs its accountable owner (SPEC §3).
    if (existing.status === 'published' && !incoming.ownerId) problems[`${at}.ownerId`] = refusal('required');
    const before = exportService(existing);
    const after = canonical(incoming) as TransferService;
    const fields = SERVICE_FIELDS.filter((f) => !sameContent(before[f], after[f]));
    services.push({
      id: incoming.id,
      name: incoming.name,
      change: fields.length ? 'changed' : 'unchanged',
      fields,
      status: existing.status,
    });
  });
  const plan: ImportPlan = { services, problems };
  if (document.department) {
    const calendar = calendarProblems(document.department.calendar)[0];
    if (calendar) problems['department.calendar'] = calendar;
    const fields = DEPARTMENT_FIELDS.filter((f) => !sameContent(current.department[f], document.department?.[f]));
    plan.department = { change: fields.length ? 'changed' : 'unchanged', fields };
  }
  return plan;
}

/** What an import answers: the plan, and whether it was written (`applied`: false for a preview). */
export interface ImportAnswer extends ImportPlan {
  applied: boolean;
}

/** POST …/import: `preview=true` (the default) answers the plan and writes nothing. */
export const importQuery = z.strictObject({
  preview: z.pipe(
    z._default(z.enum(['true', 'false'], says('not_boolean')), 'true'),
    z.transform((v) => v === 'true'),
  ),
});

/** POST …/import/csv: the file's text (its columns in transfer-csv.ts). */
export const csvImportBody = z.strictObject({
  csv: z.string().check(z.minLength(1, says('required')), z.maxLength(200_000)),
});

/** A service as the import writes it: the document's words over what only this stage holds. */
export function importedService(code: string, incoming: TransferService, existing: Service | undefined): Service {
  const { id, ...body } = incoming;
  if (!existing) return { ...body, id, department: code, status: 'draft', version: 0, updatedAt: '' } as Service;
  const kept = Object.fromEntries(
    Object.entries(existing).filter(([key]) => !(SERVICE_FIELDS as string[]).includes(key)),
  ) as Omit<Service, keyof ServiceBody>;
  return { ...kept, ...body } as Service;
}

/** The department with the document's settings (its code, head, goals and ranking stay). */
export function importedDepartment(current: Department, incoming: TransferDepartment): Department {
  return { ...current, ...incoming };
}
