import { describe, expect, it } from 'vitest';
import type { Department, User } from '#shared/model.ts';
import { cleanMemberships, headMismatches, personMatches, roleSummary, sameRoles } from './people.ts';

const carl: User = {
  id: 'carl',
  name: 'Carl Jensen',
  email: 'carl@example.com',
  memberships: { FAC: 'agent' },
  admin: false,
  department: 'Sales',
  location: 'Berlin',
};

describe('roleSummary', () => {
  it('names the roles, or says employee', () => {
    expect(roleSummary(carl)).toBe('Agent in FAC');
    expect(roleSummary({ memberships: {}, admin: true })).toBe('Administrator');
    expect(roleSummary({ memberships: {}, admin: false })).toBe('Employee');
  });
});

describe('personMatches', () => {
  it('finds people by any word of their name, email, profile or roles', () => {
    expect(personMatches(carl, '')).toBe(true);
    expect(personMatches(carl, 'jensen berlin')).toBe(true);
    expect(personMatches(carl, 'SALES')).toBe(true);
    expect(personMatches(carl, 'agent fac')).toBe(true);
    expect(personMatches(carl, 'carl warsaw')).toBe(false);
  });
});

describe('roles', () => {
  it('drops "no role" and unknown departments, and compares role sets', () => {
    expect(cleanMemberships({ FAC: 'agent', HR: '', OLD: 'head' }, new Set(['FAC', 'HR']))).toEqual({ FAC: 'agent' });
    expect(
      sameRoles({ memberships: { FAC: 'agent' }, admin: false }, { memberships: { FAC: 'agent' }, admin: false }),
    ).toBe(true);
    expect(
      sameRoles({ memberships: { FAC: 'agent' }, admin: false }, { memberships: { FAC: 'head' }, admin: false }),
    ).toBe(false);
    expect(sameRoles({ memberships: {}, admin: false }, { memberships: {}, admin: true })).toBe(false);
  });

  it('points out where the department names another head, or still names this person', () => {
    const dept = (code: string, headId: string) => ({ code, headId }) as Department;
    const found = headMismatches('carl', { FAC: 'head', HR: 'agent' }, [
      dept('FAC', 'fatima'),
      dept('HR', 'carl'),
      dept('IT', 'iris'),
    ]);
    expect(found.map((m) => [m.department.code, m.kind])).toEqual([
      ['FAC', 'head'],
      ['HR', 'gone'],
    ]);
    expect(headMismatches('carl', { FAC: 'head' }, [dept('FAC', 'carl')])).toEqual([]);
  });
});
