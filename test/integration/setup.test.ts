/**
 * A new department's guided setup through the API: its head reads the progress, marks steps done or
 * skipped, and finds them again later (resume); the canvas answers go on the department, templates
 * are adopted and published through their own routes. Only the department's head may read or mark.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Problem, ServiceTemplateSummary } from '#shared/api.ts';
import type { Department, Service } from '#shared/model.ts';
import type { SetupView } from '#shared/setup.ts';
import { type Caller, createHarness, type Harness } from './harness.ts';

let h: Harness;
let carl: Caller;

const LAB = {
  code: 'LAB',
  name: 'Lab services',
  contactEmail: 'lab@example.com',
  headId: 'carl',
  calendar: {
    timeZone: 'Europe/Warsaw',
    hours: { 1: [{ start: '09:00', end: '17:00' }] },
    holidays: [],
  },
  canvas: {
    value: '',
    customerSegments: '',
    howToOrder: '',
    channels: '',
    keyProcesses: '',
    qualityChecks: '',
    standardsAndMetrics: '',
    resources: '',
    partners: '',
  },
};

beforeAll(async () => {
  h = await createHarness({ writeLimit: { burst: 1_000, perSecond: 100 } });
  const ada = await h.as('ada');
  expect((await ada.json('POST', '/api/v1/departments', LAB)).status).toBe(201);
  carl = await h.as('carl');
});
afterAll(() => h?.close());

const setup = (caller: Caller, code = 'LAB') => caller.json<SetupView>('GET', `/api/v1/departments/${code}/setup`);
const mark = (caller: Caller, body: unknown, code = 'LAB') =>
  caller.json<SetupView & Problem>('PUT', `/api/v1/departments/${code}/setup`, body);

describe('guided setup progress', () => {
  it('starts at the first step of the canvas for the new department’s head', async () => {
    const res = await setup(carl);
    expect(res.status).toBe(200);
    expect(res.body.next).toBe('value');
    expect(res.body.finished).toBe(false);
    expect(res.body.progress).toEqual({ department: 'LAB', marks: {} });
    expect(res.body.steps.map((s) => s.state)).toEqual(Array(11).fill('todo'));
  });

  it('keeps done and skipped steps, so the head resumes where they left', async () => {
    expect((await mark(carl, { step: 'value', mark: 'done' })).body.next).toBe('customers');
    const skipped = await mark(carl, { step: 'customers', mark: 'skipped' });
    expect(skipped.status).toBe(200);
    expect(skipped.body.next).toBe('ordering');
    expect(skipped.body.progress.updatedAt).toEqual(expect.any(String));

    // Later, after signing in again: the same place.
    const again = await setup(await h.as('carl'));
    expect(again.body.next).toBe('ordering');
    expect(again.body.steps.slice(0, 3)).toEqual([
      { step: 'value', state: 'done' },
      { step: 'customers', state: 'skipped' },
      { step: 'ordering', state: 'todo' },
    ]);

    // A skipped step filled in later is done.
    expect((await mark(carl, { step: 'customers', mark: 'done' })).body.progress.marks.customers).toBe('done');
  });

  it('reads one item and writes one per step', async () => {
    await setup(carl); // the department is cached now
    h.deps.db.calls.reset();
    await setup(carl);
    expect(h.deps.db.calls.snapshot()).toEqual({ GetItemCommand: 1 });
    h.deps.db.calls.reset();
    await mark(carl, { step: 'ordering', mark: 'done' });
    expect(h.deps.db.calls.snapshot()).toEqual({ UpdateItemCommand: 1 });
  });

  it('refuses a step or mark it does not know, with the field', async () => {
    const bad = await mark(carl, { step: 'lunch', mark: 'done' });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.fields ?? {})).toContain('step');
    expect((await mark(carl, { step: 'value', mark: 'maybe' })).status).toBe(400);
    expect((await mark(carl, { step: 'value', mark: 'done', extra: 1 })).status).toBe(400);
  });

  it('is for the department’s head only', async () => {
    const henry = await h.as('henry');
    const ada = await h.as('ada');
    const anna = await h.as('anna');
    // Another department's head, an administrator, an employee: as if there were no such department.
    for (const caller of [henry, ada, anna]) {
      expect((await setup(caller)).status).toBe(404);
      expect((await mark(caller, { step: 'value', mark: 'skipped' })).status).toBe(404);
    }
    // Carl heads LAB, not HR.
    expect((await setup(carl, 'HR')).status).toBe(404);
    expect((await h.anonymous.request('GET', '/api/v1/departments/LAB/setup')).status).toBe(401);
    // Their tries changed nothing.
    expect((await setup(carl)).body.progress.marks.value).toBe('done');
  });

  it('ends with the canvas on the department and two templates published in the catalog', async () => {
    const { department } = (await carl.json<{ department: Department }>('GET', '/api/v1/departments/LAB')).body;
    const { code: _c, version, goals: _g, ranking: _r, ...rest } = department;
    const saved = await carl.json<Department>('PUT', '/api/v1/departments/LAB', {
      ...rest,
      canvas: { ...rest.canvas, value: 'Samples tested within a day.' },
      version,
    });
    expect(saved.status).toBe(200);

    const templates = await carl.json<ServiceTemplateSummary[]>('GET', '/api/v1/service-templates');
    const picked = templates.body.filter((t) => t.area === 'it').slice(0, 2);
    expect(picked).toHaveLength(2);
    for (const template of picked) {
      expect(template.contains.stages.length + template.contains.fields.length).toBeGreaterThan(0);
      const draft = await carl.json<Service>('POST', '/api/v1/departments/LAB/services/from-template', {
        templateId: template.id,
      });
      expect(draft.status).toBe(201);
      const published = await carl.json<Service>('POST', `/api/v1/services/${draft.body.id}/publish`, {
        version: draft.body.version,
      });
      expect(published.body.status).toBe('published');
    }
    const done = await mark(carl, { step: 'publish', mark: 'done' });
    expect(done.body.finished).toBe(true);

    const anna = await h.as('anna');
    const catalog = await anna.json<Array<{ id: string }>>('GET', '/api/v1/catalog');
    expect(catalog.body.map((s) => s.id)).toEqual(expect.arrayContaining(picked.map((t) => `lab-${t.id}`)));
    const page = await anna.json<{ department: Department }>('GET', '/api/v1/departments/LAB');
    expect(page.body.department.canvas.value).toBe('Samples tested within a day.');
  });
});
