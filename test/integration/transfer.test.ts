/**
 * A department's catalog exported from one stage and imported into a fresh department of another
 * (two tables on DynamoDB Local), previewed, applied, refused by field, and from a CSV list.
 */
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Problem } from '#shared/api.ts';
import type { Service } from '#shared/model.ts';
import type { ImportAnswer, TransferDocument } from '#shared/transfer.ts';
import { namedPeople } from '#shared/transfer.ts';
import { type Caller, createHarness, type Harness } from './harness.ts';

let test: Harness;
let production: Harness;
let henry: Caller;

beforeAll(async () => {
  [test, production] = await Promise.all([
    createHarness(),
    // A stage with no demo data: nobody but who signs in, no departments.
    createHarness({ seed: false, env: { ADMIN_EMAILS: 'ada.lindqvist@example.com' } }),
  ]);
  henry = await test.as('henry');
}, 120_000);

afterAll(async () => {
  await Promise.all([test?.close(), production?.close()]);
});

/** Everything stored (a test's own look, never done on a request path). */
async function tableText(h: Harness): Promise<string> {
  const items: unknown[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await h.deps.db.doc.send(
      new ScanCommand({ TableName: h.deps.db.tableName, ...(start ? { ExclusiveStartKey: start } : {}) }),
    );
    items.push(...(out.Items ?? []));
    start = out.LastEvaluatedKey;
  } while (start);
  return JSON.stringify(items.map((i) => JSON.stringify(i)).sort());
}

const exportOf = async (caller: Caller, code: string) => {
  const res = await caller.json<TransferDocument>('GET', `/api/v1/departments/${code}/export`);
  expect(res.status).toBe(200);
  return res.body;
};

const importing = (caller: Caller, code: string, document: unknown, preview: boolean) =>
  caller.json<ImportAnswer & Problem>('POST', `/api/v1/departments/${code}/import?preview=${preview}`, document);

describe('export and import of a department', () => {
  it('round-trips HR into a fresh department of another stage with no difference', async () => {
    const document = await exportOf(henry, 'HR');
    expect(document).toMatchObject({ format: 'ordo.catalog', version: 1, department: { name: expect.any(String) } });
    expect(document.services.length).toBeGreaterThan(2);

    // Production: an administrator makes the department with its head.
    const ada = await production.as('ada');
    const head = await production.as('henry');
    const created = await ada.json('POST', '/api/v1/departments', {
      ...document.department,
      code: 'PPL',
      name: 'People',
      headId: 'henry',
    });
    expect(created.status).toBe(201);

    // The people the services name have no profile there yet: refused where each is named, nothing written.
    const before = await tableText(production);
    const refused = await importing(head, 'PPL', document, true);
    expect(refused.status).toBe(400);
    const owners = Object.entries(refused.body.fields ?? {}).filter(([path]) => path.endsWith('.ownerId'));
    expect(owners.length).toBeGreaterThan(0);
    expect(owners.every(([, f]) => f.code === 'unknown_person')).toBe(true);
    expect(await tableText(production)).toBe(before);

    for (const id of namedPeople(document).filter((id) => id !== 'henry')) await production.signIn(id);
    const preview = await importing(head, 'PPL', document, true);
    expect(preview.status).toBe(200);
    expect(preview.body.applied).toBe(false);
    expect(preview.body.department).toEqual({ change: 'changed', fields: ['name'] });
    expect(preview.body.services.map((s) => s.change)).toEqual(document.services.map(() => 'added'));

    const applied = await importing(head, 'PPL', document, false);
    expect(applied.status).toBe(200);
    expect(applied.body.applied).toBe(true);
    const listed = await head.json<Service[]>('GET', '/api/v1/departments/PPL/services');
    expect(listed.body.map((s) => s.status)).toEqual(document.services.map(() => 'draft'));

    expect(await exportOf(head, 'PPL')).toEqual(document);
    // The same document again changes nothing.
    const again = await importing(head, 'PPL', document, true);
    expect(again.body.services.every((s) => s.change === 'unchanged')).toBe(true);
    expect(again.body.department?.change).toBe('unchanged');
  });

  it('refuses a malformed document with field codes and leaves the table as it was', async () => {
    const document = await exportOf(henry, 'HR');
    const broken = structuredClone(document) as unknown as {
      services: Array<{ form: Array<Record<string, unknown>>; name: string }>;
    };
    const withForm = broken.services.findIndex((s) => s.form.length > 0);
    broken.services[withForm]!.form[0]!.kind = 'hologram';
    broken.services[0]!.name = '';
    const before = await tableText(test);
    const res = await importing(henry, 'HR', broken, false);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('invalid_request');
    expect(res.body.fields?.[`services.${withForm}.form.0.kind`]?.code).toBe('not_option');
    expect(res.body.fields?.['services.0.name']?.code).toBe('required');

    // Valid in form but not as a service: the checks of a hand-made one, by path, and nothing written.
    const twice = structuredClone(document);
    const target = twice.services[withForm]!;
    target.form.push({ ...target.form[0]! });
    twice.services[0]!.summary = 'Changed, but the import is refused as a whole.';
    const refused = await importing(henry, 'HR', twice, false);
    expect(refused.status).toBe(400);
    expect(refused.body.fields?.[`services.${withForm}.form.${target.form.length - 1}.id`]?.code).toBe('id_used_twice');
    expect(await tableText(test)).toBe(before);
  });

  it('previews without writing, then applies changes and a new service as a draft', async () => {
    const document = await exportOf(henry, 'HR');
    const changed = structuredClone(document);
    const first = changed.services[0]!;
    first.summary = 'Now within a day.';
    changed.services.push({ ...first, id: 'hr-imported', name: 'Imported service' });
    const before = await tableText(test);
    const preview = await importing(henry, 'HR', changed, true);
    expect(preview.status).toBe(200);
    expect(preview.body.services[0]).toMatchObject({ id: first.id, change: 'changed', fields: ['summary'] });
    expect(preview.body.services.at(-1)).toMatchObject({ id: 'hr-imported', change: 'added', status: 'draft' });
    expect(preview.body.services.slice(1, -1).every((s) => s.change === 'unchanged')).toBe(true);
    expect(await tableText(test)).toBe(before);

    const oldVersion = (await henry.json<Service>('GET', `/api/v1/services/${first.id}`)).body;
    const applied = await importing(henry, 'HR', changed, false);
    expect(applied.status).toBe(200);
    const updated = (await henry.json<Service>('GET', `/api/v1/services/${first.id}`)).body;
    expect(updated).toMatchObject({ summary: 'Now within a day.', status: oldVersion.status });
    expect(updated.version).toBe(oldVersion.version + 1);
    const added = (await henry.json<Service>('GET', '/api/v1/services/hr-imported')).body;
    expect(added).toMatchObject({ department: 'HR', status: 'draft', name: 'Imported service' });

    // One service's own export, as a document without the department.
    const single = await henry.json<TransferDocument>('GET', '/api/v1/departments/HR/services/hr-imported/export');
    expect(single.status).toBe(200);
    expect(single.body.department).toBeUndefined();
    expect(single.body.services).toEqual([{ ...first, id: 'hr-imported', name: 'Imported service' }]);
    expect((await henry.request('GET', '/api/v1/departments/HR/services/it-password/export')).status).toBe(404);
  });

  it('refuses another department’s head and an employee, and admits an administrator', async () => {
    const document = await exportOf(henry, 'HR');
    const callers = await Promise.all(['iris', 'anna', 'hana'].map((id) => test.as(id)));
    const before = await tableText(test);
    for (const caller of callers) {
      // Department data a caller may not see answers as if it did not exist (the guard's 404) or 403.
      const refused = [
        await caller.request('GET', '/api/v1/departments/HR/export'),
        await caller.request('GET', '/api/v1/departments/HR/services/hr-onboarding/export'),
        await caller.request('POST', '/api/v1/departments/HR/import?preview=false', document),
        await caller.request('POST', '/api/v1/departments/HR/import/csv?preview=false', { csv: 'name,summary\nA,B' }),
      ];
      for (const res of refused) expect([403, 404]).toContain(res.status);
    }
    expect(await tableText(test)).toBe(before);
    const ada = await test.as('ada');
    expect((await ada.request('GET', '/api/v1/departments/HR/export')).status).toBe(200);
  });

  it('imports a CSV list of services as drafts, owners by email or id, days as HR’s working days', async () => {
    const csv = [
      'name,summary,tags,owner,resolution,description',
      'Parking permit,A parking place for a month,parking;car,hana.nowak@example.com,2d,At the Kraków office',
      '"Reference letter, English",A letter for a new employer,,henry,16h,',
    ].join('\n');
    const before = await tableText(test);
    const preview = await henry.json<ImportAnswer>('POST', '/api/v1/departments/HR/import/csv', { csv });
    expect(preview.status).toBe(200);
    expect(preview.body.applied).toBe(false);
    expect(preview.body.services).toEqual([
      { id: 'hr-parking-permit', name: 'Parking permit', change: 'added', fields: [], status: 'draft' },
      {
        id: 'hr-reference-letter-english',
        name: 'Reference letter, English',
        change: 'added',
        fields: [],
        status: 'draft',
      },
    ]);
    expect(await tableText(test)).toBe(before);

    const applied = await henry.json<ImportAnswer>('POST', '/api/v1/departments/HR/import/csv?preview=false', { csv });
    expect(applied.status).toBe(200);
    const parking = (await henry.json<Service>('GET', '/api/v1/services/hr-parking-permit')).body;
    expect(parking).toMatchObject({
      status: 'draft',
      department: 'HR',
      ownerId: 'hana',
      tags: ['parking', 'car'],
      description: 'At the Kraków office',
      // 2d: two of HR's working days, 8 h each (08:00–12:00 and 12:30–16:30).
      standard: { resolutionMinutes: 960, firstResponseMinutes: 240, always: false },
    });
    const letter = (await henry.json<Service>('GET', '/api/v1/services/hr-reference-letter-english')).body;
    expect(letter).toMatchObject({ ownerId: 'henry', standard: { resolutionMinutes: 960 } });

    const bad = await henry.json<Problem>('POST', '/api/v1/departments/HR/import/csv?preview=false', {
      csv: 'name,summary,owner,resolution\nBadge,A badge,nobody@example.com,soon',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.fields).toMatchObject({
      'services.0.standard.resolutionMinutes': { code: 'duration_unreadable' },
    });
    const unknownOwner = await henry.json<Problem>('POST', '/api/v1/departments/HR/import/csv', {
      csv: 'name,summary,owner\nBadge,A badge,nobody@example.com',
    });
    expect(unknownOwner.body.fields).toEqual({
      'services.0.ownerId': expect.objectContaining({ code: 'unknown_person' }),
    });
  });
});
