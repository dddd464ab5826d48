/** The people page's pure side: search, roles in words, and what a role change means for department heads. */
import type { Department, DepartmentRole, User } from '#shared/model.ts';
import { roleWords } from '../account/profile.ts';
import type { RoleSet } from './audit.ts';

/** Roles in words for the table; a person without any is an employee. */
export function roleSummary(user: Pick<User, 'memberships' | 'admin'>): string {
  const words = roleWords(user);
  return (words.length > 1 ? words.slice(1) : words).join(', ');
}

/** Every word of the query appears in the name, email, department, location or roles. */
export function personMatches(user: User, query: string): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = [
    user.name,
    user.email,
    user.id,
    user.department ?? '',
    user.location ?? '',
    roleSummary(user),
    ...Object.keys(user.memberships),
  ]
    .join(' ')
    .toLowerCase();
  return words.every((w) => haystack.includes(w));
}

export function byName(a: Pick<User, 'name'>, b: Pick<User, 'name'>): number {
  return a.name.localeCompare(b.name);
}

/** Memberships without the "no role" choices. */
export function cleanMemberships(
  choices: Record<string, DepartmentRole | ''>,
  known: ReadonlySet<string>,
): Record<string, DepartmentRole> {
  const out: Record<string, DepartmentRole> = {};
  for (const [code, role] of Object.entries(choices)) if (role && known.has(code)) out[code] = role;
  return out;
}

export function sameRoles(a: RoleSet, b: RoleSet): boolean {
  if (a.admin !== b.admin) return false;
  const ka = Object.keys(a.memberships);
  return ka.length === Object.keys(b.memberships).length && ka.every((k) => a.memberships[k] === b.memberships[k]);
}

export interface HeadMismatch {
  department: Department;
  /** `head`: the person is made head but the department names someone else; `gone`: the other way round. */
  kind: 'head' | 'gone';
}

/**
 * The head of a department is kept on the department too (its `headId`). Where the chosen roles and
 * the departments disagree about this person, the admin is pointed to the department page.
 */
export function headMismatches(
  personId: string,
  memberships: Record<string, DepartmentRole>,
  departments: readonly Department[],
): HeadMismatch[] {
  const out: HeadMismatch[] = [];
  for (const department of departments) {
    const isHead = memberships[department.code] === 'head';
    const named = department.headId === personId;
    if (isHead && !named) out.push({ department, kind: 'head' });
    else if (!isHead && named) out.push({ department, kind: 'gone' });
  }
  return out;
}
