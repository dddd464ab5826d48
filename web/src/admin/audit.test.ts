import { describe, expect, it } from 'vitest';
import {
  auditSentence,
  currentMonth,
  isMonth,
  monthWords,
  readAudit,
  roleSetWords,
  shiftMonth,
  valueWords,
} from './audit.ts';

const names: Record<string, string> = { ada: 'Ada Lindqvist', carl: 'Carl Jensen' };
const nameOf = (id: string) => names[id] ?? id;
const none = { memberships: {}, admin: false };

describe('auditSentence', () => {
  it('says who gave whom which role', () => {
    const entry = {
      actorId: 'ada',
      subjectId: 'carl',
      before: none,
      after: { memberships: { FAC: 'agent' as const }, admin: false },
    };
    expect(auditSentence(entry, nameOf)).toBe('Ada Lindqvist made Carl Jensen agent of FAC');
  });

  it('lists several new roles, a promotion and the administrator role', () => {
    const entry = {
      actorId: 'ada',
      subjectId: 'carl',
      before: { memberships: { FAC: 'agent' as const }, admin: false },
      after: { memberships: { FAC: 'head' as const, LEG: 'agent' as const }, admin: true },
    };
    expect(auditSentence(entry, nameOf)).toBe(
      'Ada Lindqvist made Carl Jensen head of FAC, agent of LEG and an administrator',
    );
  });

  it('says what was taken away, alone or with what was given', () => {
    const removed = {
      actorId: 'ada',
      subjectId: 'carl',
      before: { memberships: { HR: 'head' as const }, admin: true },
      after: none,
    };
    expect(auditSentence(removed, nameOf)).toBe('Ada Lindqvist removed Carl Jensen as head of HR and administrator');
    const both = { ...removed, after: { memberships: { IT: 'agent' as const }, admin: true } };
    expect(auditSentence(both, nameOf)).toBe(
      'Ada Lindqvist made Carl Jensen agent of IT and removed them as head of HR',
    );
  });

  it('says so when nothing changed, and falls back to the id for unknown people', () => {
    expect(auditSentence({ actorId: 'zoe', subjectId: 'carl', before: none, after: none }, nameOf)).toBe(
      'zoe saved the roles of Carl Jensen without a change',
    );
  });
});

describe('readAudit', () => {
  it('keeps role changes only, newest first', () => {
    const entries = readAudit([
      {
        at: '2026-03-01T10:00:00.000Z',
        actorId: 'ada',
        action: 'roles_changed',
        subjectId: 'carl',
        before: none,
        after: none,
      },
      {
        at: '2026-03-02T10:00:00.000Z',
        actorId: 'ada',
        action: 'roles_changed',
        subjectId: 'carl',
        before: none,
        after: { memberships: { FAC: 'agent', X: 'boss' }, admin: true },
      },
      { at: '2026-03-03T10:00:00.000Z', actorId: 'ada', action: 'something_else' },
      { at: 5, actorId: 'ada', action: 'roles_changed', subjectId: 'carl', before: none, after: none },
      'junk',
    ]);
    expect(entries.map((e) => e.at)).toEqual(['2026-03-02T10:00:00.000Z', '2026-03-01T10:00:00.000Z']);
    expect(entries[0]?.after).toEqual({ memberships: { FAC: 'agent' }, admin: true });
    expect(readAudit({ items: [] })).toEqual([]);
  });
});

describe('roleSetWords', () => {
  it('names the roles, or says there are none', () => {
    expect(roleSetWords({ memberships: { FAC: 'agent' }, admin: true })).toEqual(['Agent in FAC', 'Administrator']);
    expect(roleSetWords(none)).toEqual(['No roles (employee only)']);
  });
});

describe('months', () => {
  it('checks, shifts and names months', () => {
    expect(isMonth('2026-03')).toBe(true);
    expect(isMonth('2026-13')).toBe(false);
    expect(isMonth('2026-3')).toBe(false);
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(shiftMonth('2025-12', 1)).toBe('2026-01');
    expect(shiftMonth('2026-05', 14)).toBe('2027-07');
    expect(shiftMonth('nope', 1)).toBe('nope');
    expect(currentMonth(new Date('2026-04-30T23:30:00.000Z'))).toBe('2026-04');
    expect(monthWords('2026-03')).toBe('March 2026');
  });
});

describe('changes of departments and services in the audit log', () => {
  const names = (id: string) => (id === 'henry' ? 'Henry Ortiz' : id);

  it('keeps them and says each in one sentence, naming what changed', () => {
    const [entry] = readAudit([
      {
        at: '2026-03-04T10:00:00.000Z',
        actorId: 'henry',
        action: 'service_changed',
        subjectId: 'hr-certificate',
        changes: [
          { field: 'name', before: 'Certificate', after: 'Employment certificate' },
          { field: 'deliverables', before: [], after: [{ id: 'scan', label: 'Scan sent' }] },
        ],
      },
    ]);
    expect(entry?.changes).toHaveLength(2);
    expect(auditSentence(entry!, names)).toBe('Henry Ortiz edited the service hr-certificate: name and deliverables');
    const calendar = { ...entry!, action: 'calendar_changed' as const, subjectId: 'HR' };
    expect(auditSentence(calendar, names)).toBe('Henry Ortiz changed the business calendar of HR');
  });

  it('says values readably: a calendar’s hours and holidays, named items, nothing', () => {
    const calendar = {
      timeZone: 'Europe/Warsaw',
      hours: { '1': [{ start: '09:00', end: '17:00' }], '5': [{ start: '09:00', end: '15:00' }] },
      holidays: ['2026-12-24'],
    };
    expect(valueWords('calendar', calendar)).toEqual([
      'Europe/Warsaw',
      'Mon 09:00–17:00',
      'Fri 09:00–15:00',
      'holidays: 2026-12-24',
    ]);
    expect(valueWords('deliverables', [{ id: 'scan', label: 'Scan sent' }])).toEqual(['Scan sent']);
    expect(
      valueWords('goals', [{ id: 'g', metric: 'csat', target: 0.9, from: '2026-01-01', to: '2026-03-31' }]),
    ).toEqual(['csat 0.9, 2026-01-01 – 2026-03-31']);
    expect(valueWords('name', undefined)).toEqual(['—']);
  });
});
