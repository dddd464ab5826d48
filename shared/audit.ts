/**
 * The audit log's records (SPEC §1 administration): who changed what and when, with what it was
 * before and after. Role changes, a department's settings, its calendar and its goals, and a
 * service's edits, publishing and retiring each leave one record in the same write as the change.
 * Pure: the caller supplies the instant and the people.
 */
import { sameContent } from './canonical.ts';
import type { Department, Service } from './model.ts';

export const AUDIT_ACTIONS = [
  'roles_changed',
  'department_created',
  'department_changed',
  'calendar_changed',
  'goals_changed',
  'ranking_changed',
  'service_created',
  'service_changed',
  'service_published',
  'service_retired',
  'person_exported',
  'person_erased',
  'retention_run',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** One field of the subject, as it was and as it became (absent: it had no value). */
export interface AuditChange {
  field: string;
  before?: unknown;
  after?: unknown;
}

export interface AuditRecord {
  at: string;
  actorId: string;
  action: AuditAction;
  /** A person's id (roles), a department's code, or a service's id. */
  subjectId: string;
  changes?: AuditChange[];
}

/** What a department's settings are; the calendar on its own is a calendar change. */
const DEPARTMENT_FIELDS = ['name', 'contactEmail', 'headId', 'calendar', 'canvas'] as const;
/** Everything a head edits on a service. */
const SERVICE_FIELDS = [
  'name',
  'summary',
  'description',
  'tags',
  'ownerId',
  'audience',
  'form',
  'inputs',
  'deliverables',
  'stages',
  'approval',
  'titleTemplate',
  'standard',
  'scheduledStandard',
  'survey',
  'reportTo',
  'bundle',
  'translations',
  'retention',
  'status',
] as const;

/** The fields that differ between `before` and `after` (all that are set, when there is no before). */
export function changedFields<T extends object>(
  before: T | undefined,
  after: T,
  fields: readonly (keyof T & string)[],
): AuditChange[] {
  const out: AuditChange[] = [];
  for (const field of fields) {
    const was = before?.[field];
    const now = after[field];
    if (sameContent(was, now)) continue;
    out.push({ field, ...(was === undefined ? {} : { before: was }), ...(now === undefined ? {} : { after: now }) });
  }
  return out;
}

/** A department created or its settings saved; a save that changes only the calendar says so. */
export function departmentAudit(
  actorId: string,
  at: string,
  before: Department | undefined,
  after: Department,
): AuditRecord {
  const changes = changedFields(before, after, DEPARTMENT_FIELDS);
  const action: AuditAction = !before
    ? 'department_created'
    : changes.length > 0 && changes.every((c) => c.field === 'calendar')
      ? 'calendar_changed'
      : 'department_changed';
  return { at, actorId, action, subjectId: after.code, changes };
}

/** One setting of the department replaced by its head, saved apart from the department's other settings. */
function settingAudit<F extends 'goals' | 'ranking'>(
  action: AuditAction,
  field: F,
): (actorId: string, at: string, before: Department, value: Department[F]) => AuditRecord {
  return (actorId, at, before, value) => ({
    at,
    actorId,
    action,
    subjectId: before.code,
    changes: changedFields(before, { ...before, [field]: value }, [field]),
  });
}

/** The department's goals replaced by its head. */
export const goalsAudit = settingAudit('goals_changed', 'goals');

/** The weights of the department's service ranking set by its head. */
export const rankingAudit = settingAudit('ranking_changed', 'ranking');

/** A service created, edited, published or retired, with the fields that changed. */
export function serviceAudit(actorId: string, at: string, before: Service | undefined, after: Service): AuditRecord {
  const changes = changedFields(before, after, SERVICE_FIELDS);
  const action: AuditAction = !before
    ? 'service_created'
    : after.status !== before.status && after.status === 'published'
      ? 'service_published'
      : after.status !== before.status && after.status === 'retired'
        ? 'service_retired'
        : 'service_changed';
  return { at, actorId, action, subjectId: after.id, changes };
}
