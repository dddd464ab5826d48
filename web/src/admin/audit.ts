/** The audit log's pure side: reading the stored records and saying each role change in words. */
import type { DepartmentRole } from '#shared/model.ts';
import { roleWords } from '../account/profile.ts';
import { t } from '../lib/strings.ts';

export interface RoleSet {
  memberships: Record<string, DepartmentRole>;
  admin: boolean;
}

export interface AuditEntry {
  at: string;
  actorId: string;
  action: 'roles_changed';
  subjectId: string;
  before: RoleSet;
  after: RoleSet;
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

/** The role changes in an audit answer, newest first; anything that is not one is left out. */
export function readAudit(data: unknown): AuditEntry[] {
  if (!Array.isArray(data)) return [];
  const out: AuditEntry[] = [];
  for (const item of data) {
    if (!isRecord(item) || item.action !== 'roles_changed') continue;
    const { at, actorId, subjectId } = item;
    const before = readRoleSet(item.before);
    const after = readRoleSet(item.after);
    if (typeof at !== 'string' || typeof actorId !== 'string' || typeof subjectId !== 'string') continue;
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

/** "Ada Lindqvist made Carl Jensen agent of FAC" — one sentence for one audit record. */
export function auditSentence(
  entry: Pick<AuditEntry, 'actorId' | 'subjectId' | 'before' | 'after'>,
  nameOf: (id: string) => string,
): string {
  const actor = nameOf(entry.actorId);
  const subject = nameOf(entry.subjectId);
  const { made, removed } = roleChanges(entry.before, entry.after);
  const a = t.admin.audit;
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

/** "March 2026" for "2026-03". */
export function monthWords(month: string, locale: string = t.locale): string {
  const m = MONTH.exec(month);
  if (!m) return month;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1));
  return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}
