/**
 * The audit log beyond role changes: a service created, edited, published and retired, a department's
 * settings, its calendar and its goals — each with who, when and what changed, before and after,
 * written in the same transaction as the change and read by administrators only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditRecord } from '#shared/audit.ts';
import type { Department, Service } from '#shared/model.ts';
import { type Caller, createHarness, type Harness } from './harness.ts';

let h: Harness;
let ada: Caller;
let henry: Caller;

beforeAll(async () => {
  h = await createHarness();
  [ada, henry] = [await h.as('ada'), await h.as('henry')];
});
afterAll(() => h?.close());

const body = {
  name: 'Reference letter',
  summary: 'A letter about your work, for a future employer.',
  description: '',
  tags: [],
  ownerId: 'hana',
  audience: [],
  form: [{ id: 'for', kind: 'text', label: 'Who is it for', required: true }],
  inputs: [],
  deliverables: [{ id: 'letter', label: 'Letter signed', required: true }],
  stages: [{ id: 'in_progress', name: 'In progress' }],
  approval: { kind: 'none' },
  standard: { firstResponseMinutes: 240, resolutionMinutes: 960, warningAt: 0.8, always: false },
  survey: { enabled: true, question: 'How satisfied are you?' },
  reportTo: [],
};

async function log(): Promise<AuditRecord[]> {
  const res = await ada.json<AuditRecord[]>('GET', '/api/v1/audit');
  expect(res.status).toBe(200);
  return res.body;
}

const about = async (subjectId: string) => (await log()).filter((e) => e.subjectId === subjectId);

describe('the audit log', () => {
  it('records a service created, edited, published and retired, with what changed', async () => {
    const created = await henry.json<Service>('POST', '/api/v1/services', {
      ...body,
      id: 'hr-reference',
      department: 'HR',
    });
    expect(created.status).toBe(201);
    const edited = await henry.json<Service>('PUT', '/api/v1/services/hr-reference', {
      ...body,
      name: 'Reference letter (signed)',
      deliverables: [...body.deliverables, { id: 'copy', label: 'Copy kept on file', required: false }],
      version: created.body.version,
    });
    expect(edited.status).toBe(200);
    const published = await henry.json<Service>('POST', '/api/v1/services/hr-reference/publish', {
      version: edited.body.version,
    });
    expect(published.status).toBe(200);
    expect(
      (await henry.json('POST', '/api/v1/services/hr-reference/retire', { version: published.body.version })).status,
    ).toBe(200);

    const entries = await about('hr-reference');
    expect(entries.map((e) => e.action)).toEqual([
      'service_created',
      'service_changed',
      'service_published',
      'service_retired',
    ]);
    expect(entries.every((e) => e.actorId === 'henry')).toBe(true);
    const change = entries[1]!;
    expect(change.changes?.map((c) => c.field)).toEqual(['name', 'deliverables']);
    expect(change.changes?.[0]).toEqual({
      field: 'name',
      before: 'Reference letter',
      after: 'Reference letter (signed)',
    });
    expect(entries[2]!.changes).toEqual([{ field: 'status', before: 'draft', after: 'published' }]);
    expect(entries[3]!.changes).toEqual([{ field: 'status', before: 'published', after: 'retired' }]);
  });

  it('records a department’s calendar, its other settings and its goals, before and after', async () => {
    const read = async () =>
      (await henry.json<{ department: Department }>('GET', '/api/v1/departments/HR')).body.department;
    let hr = await read();
    const { version, code: _c, goals: _g, ...rest } = hr;
    const calendar = { ...hr.calendar, holidays: [...hr.calendar.holidays, '2027-05-03'] };
    expect((await henry.json('PUT', '/api/v1/departments/HR', { ...rest, calendar, version })).status).toBe(200);
    hr = await read();
    const { version: v2, code: _c2, goals: _g2, ...rest2 } = hr;
    expect(
      (await henry.json('PUT', '/api/v1/departments/HR', { ...rest2, contactEmail: 'people@example.com', version: v2 }))
        .status,
    ).toBe(200);
    hr = await read();
    const goals = [{ id: 'csat', metric: 'csat', target: 0.9, from: '2026-10-01', to: '2026-12-31' }];
    expect((await henry.json('PUT', '/api/v1/departments/HR/goals', { goals, version: hr.version })).status).toBe(200);

    const entries = await about('HR');
    expect(entries.map((e) => e.action)).toEqual(['calendar_changed', 'department_changed', 'goals_changed']);
    const [cal, settings, goalChange] = entries;
    expect(cal!.changes).toHaveLength(1);
    expect((cal!.changes![0]!.before as { holidays: string[] }).holidays).not.toContain('2027-05-03');
    expect((cal!.changes![0]!.after as { holidays: string[] }).holidays).toContain('2027-05-03');
    expect(settings!.changes).toEqual([
      { field: 'contactEmail', before: 'hr-team@example.com', after: 'people@example.com' },
    ]);
    expect(goalChange!.changes?.[0]).toMatchObject({ field: 'goals', after: [{ id: 'csat', target: 0.9 }] });
  });

  it('is for administrators only', async () => {
    expect([403, 404]).toContain((await henry.json('GET', '/api/v1/audit')).status);
  });
});
