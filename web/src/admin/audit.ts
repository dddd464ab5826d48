/** The audit log's pure side: reading the stored records and saying each change in words. */

import { AUDIT_ACTIONS, type AuditAction, type AuditChange } from '#shared/audit.ts';
import { formatMonth } from '#shared/dates.ts';
import type { BusinessCalendar, DepartmentGoal, DepartmentRole } from '#shared/model.ts';
import { roleWords } from '../account/profile.ts';
import { t } from '../lib/strings.ts';

export interface RoleSet {
  memberships: Record<string, DepartmentRole>;
  admin: boolean;
}

/**
 * One record: a role change has the roles before and after; a change of a department (settings,
 * calendar, goals) or a service (edit, publish, retire) has the fields that changed.
 */
export interface AuditEntry {
  at: string;
  actorId: string;
  action: AuditAction;
  subjectId: string;
  before?: RoleSet;
  after?: RoleSet;
  changes?: AuditChange[];
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function readRoleSet(v: unknown): RoleSet | undefined {
  if (!isRecord(v) || !isRecord(v.memberships)) return undefined;
  const memberships: Record<string, DepartmentRole> = {};
  for (const [code, role] of Object.entries(v.memberships)) {
    if (role === 'agent' || role === 'head') memberships[code] = role;
  }
  return { memberships, admin: v.admin === true };
}

function readChanges(v: unknown): AuditChange[] {
  if (!Array.isArray(v)) return [];
  return v.filter((c): c is AuditChange => isRecord(c) && typeof c.field === 'string');
}

/** The records of an audit answer that Ordo knows, newest first; anything else is left out. */
export function readAudit(data: unknown): AuditEntry[] {
  if (!Array.isArray(data)) return [];
  const out: AuditEntry[] = [];
  for (const item of data) {
    if (!isRecord(item) || !(AUDIT_ACTIONS as readonly unknown[]).includes(item.action)) continue;
    const { at, actorId, subjectId } = item;
    if (typeof at !== 'string' || typeof actorId !== 'string' || typeof subjectId !== 'string') continue;
    const action = item.action as AuditAction;
    if (action !== 'roles_changed') {
      out.push({ at, actorId, action, subjectId, changes: readChanges(item.changes) });
      continue;
    }
    const before = readRoleSet(item.before);
    const after = readRoleSet(item.after);
    if (!before || !after) continue;
    out.push({ at, actorId, action: 'roles_changed', subjectId, before, after });
  }
  return out.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}

const roleOf = (role: DepartmentRole, code: string) =>
  role === 'head' ? t.admin.audit.headOf(code) : t.admin.audit.agentOf(code);

/** What was given and what was taken away, departments in order, the administrator role last. */
export function roleChanges(before: RoleSet, after: RoleSet): { made: string[]; removed: string[] } {
  const made: string[] = [];
  const removed: string[] = [];
  const codes = [...new Set([...Object.keys(before.memberships), ...Object.keys(after.memberships)])].sort();
  for (const code of codes) {
    const was = before.memberships[code];
    const now = after.memberships[code];
    if (was === now) continue;
    // A new role replaces the old one in the same department, so "made head" says it all.
    if (now) made.push(roleOf(now, code));
    else if (was) removed.push(roleOf(was, code));
  }
  if (!before.admin && after.admin) made.push(t.admin.audit.anAdmin);
  if (before.admin && !after.admin) removed.push(t.admin.audit.adminRole);
  return { made, removed };
}

const NO_ROLES: RoleSet = { memberships: {}, admin: false };

/** A changed field's name in words ("business calendar"), its id when Ordo has no words for it. */
export function fieldWords(field: string): string {
  return (t.admin.audit.fields as Record<string, string>)[field] ?? field;
}

/**
 * "Ada Lindqvist made Carl Jensen agent of FAC", "Henry Ortiz edited the service hr-certificate: name
 * and deliverables" — one sentence for one audit record.
 */
export function auditSentence(
  entry: Pick<AuditEntry, 'actorId' | 'subjectId' | 'before' | 'after'> &
    Partial<Pick<AuditEntry, 'action' | 'changes'>>,
  nameOf: (id: string) => string,
): string {
  const actor = nameOf(entry.actorId);
  const a = t.admin.audit;
  if (entry.action && entry.action !== 'roles_changed') {
    const fields = a.and((entry.changes ?? []).map((c) => fieldWords(c.field)));
    return a.settings[entry.action](actor, entry.subjectId, fields);
  }
  const subject = nameOf(entry.subjectId);
  const { made, removed } = roleChanges(entry.before ?? NO_ROLES, entry.after ?? NO_ROLES);
  if (made.length && removed.length) return a.madeAndRemoved(actor, subject, a.and(made), a.and(removed));
  if (made.length) return a.made(actor, subject, a.and(made));
  if (removed.length) return a.removed(actor, subject, a.and(removed));
  return a.unchanged(actor, subject);
}

/** A set of roles in words for the before/after details ("Agent in FAC", "Administrator"). */
export function roleSetWords(set: RoleSet): string[] {
  const words = roleWords(set).slice(1);
  return words.length ? words : [t.admin.audit.noRoles];
}

const WEEKDAYS = ['1', '2', '3', '4', '5', '6', '7'] as const;

function calendarWords(calendar: BusinessCalendar): string[] {
  const a = t.admin.audit;
  if (calendar.always) return [calendar.timeZone, a.always];
  const hours = WEEKDAYS.flatMap((d) => {
    const spans = calendar.hours?.[d];
    return spans?.length ? [`${a.weekdays[Number(d) - 1]} ${spans.map((s) => `${s.start}–${s.end}`).join(', ')}`] : [];
  });
  return [calendar.timeZone, ...hours, a.holidays(calendar.holidays?.length ? calendar.holidays.join(', ') : a.none)];
}

function goalWords(goal: DepartmentGoal): string {
  return `${goal.metric} ${goal.target}${goal.serviceId ? ` (${goal.serviceId})` : ''}, ${goal.from} – ${goal.to}`;
}

/** A value of a changed field in readable lines: a calendar's hours, goals, named items, plain values. */
export function valueWords(field: string, value: unknown): string[] {
  if (value === undefined || value === null || value === '') return [t.admin.audit.none];
  if (field === 'calendar' && isRecord(value)) return calendarWords(value as unknown as BusinessCalendar);
  if (field === 'goals' && Array.isArray(value)) {
    return value.length ? value.map((g) => goalWords(g as DepartmentGoal)) : [t.admin.audit.none];
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return [t.admin.audit.none];
    return value.map((v) => (isRecord(v) ? String(v.label ?? v.name ?? v.id ?? JSON.stringify(v)) : String(v)));
  }
  if (isRecord(value))
    return Object.entries(value).map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`);
  return [String(value)];
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonth(value: string): boolean {
  return MONTH.test(value);
}

/** This month as the API counts it (UTC), "YYYY-MM". */
export function currentMonth(now: Date = new Date()): string {
  return now.toISOString().slice(0, 7);
}

/** The month `delta` months from `month` ("2026-01", -1 → "2025-12"). */
export function shiftMonth(month: string, delta: number): string {
  const m = MONTH.exec(month);
  if (!m) return month;
  const index = Number(m[1]) * 12 + (Number(m[2]) - 1) + delta;
  const year = Math.floor(index / 12);
  return `${String(year).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** "March 2026" for "2026-03" (shared/dates.ts). */
export function monthWords(month: string, locale: string = t.locale): string {
  return formatMonth(month, locale);
}
