/**
 * A person's data on request and retention per service, against DynamoDB Local and the S3 stand-in:
 * the export holds every kind of item, erasure leaves figures and other people's data as they were
 * and the person's words nowhere (the whole table and bucket searched), retention anonymises exactly
 * the orders past their period, also run twice or late.
 */
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderView, Problem, UploadTicket } from '#shared/api.ts';
import type { Order, Service } from '#shared/model.ts';
import type { ErasureAnswer, ExportAnswer, PersonExport } from '#shared/privacy.ts';
import { type Caller, createHarness, type Harness } from './harness.ts';

let now = new Date('2026-03-02T09:00:00Z');
const clock = () => new Date(now);
const days = (n: number) => {
  now = new Date(now.getTime() + n * 86_400_000);
};

let h: Harness;
let ada: Caller;
let anna: Caller;
let ben: Caller;
let carl: Caller;
let hana: Caller;
let henry: Caller;

beforeAll(async () => {
  h = await createHarness({ attachments: true, now: clock });
  [ada, anna, ben, carl, hana, henry] = (await Promise.all(
    ['ada', 'anna', 'ben', 'carl', 'hana', 'henry'].map((id) => h.as(id)),
  )) as [Caller, Caller, Caller, Caller, Caller, Caller];
});
afterAll(() => h?.close());

const form = [
  { id: 'fullName', kind: 'text', label: 'Full name', required: true, privacy: 'personal' },
  { id: 'salary', kind: 'number', label: 'Salary', required: false, privacy: 'sensitive' },
  { id: 'reason', kind: 'longText', label: 'Reason', required: true },
  { id: 'scan', kind: 'attachment', label: 'Scan', required: false },
];

async function service(id: string, retention: Service['retention']) {
  const created = await henry.json<Service>('POST', '/api/v1/services', {
    id,
    department: 'HR',
    name: `Contract ${id}`,
    summary: 'A contract change.',
    description: '',
    tags: [],
    ownerId: 'henry',
    audience: [],
    form,
    inputs: [],
    deliverables: [],
    stages: [{ id: 'work', name: 'Work' }],
    approval: { kind: 'none' },
    standard: { firstResponseMinutes: 240, resolutionMinutes: 960, warningAt: 0.8, always: true },
    survey: { enabled: true, question: 'How did we do?' },
    reportTo: [],
    ...(retention ? { retention } : {}),
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const published = await henry.json('POST', `/api/v1/services/${id}/publish`, { version: created.body.version });
  expect(published.status).toBe(200);
}

async function upload(who: Caller, name: string, content: string): Promise<string> {
  const ticket = await who.json<UploadTicket>('POST', '/api/v1/attachments', {
    fileName: name,
    contentType: 'application/pdf',
    size: content.length,
  });
  expect(ticket.status).toBe(201);
  const put = await fetch(ticket.body.uploadUrl, { method: 'PUT', headers: ticket.body.headers, body: content });
  expect(put.status).toBe(200);
  return ticket.body.key;
}

async function file(who: Caller, serviceId: string, answers: Record<string, unknown>): Promise<Order> {
  const filed = await who.json<OrderView & Problem>('POST', '/api/v1/orders', { serviceId, answers });
  expect(filed.status, JSON.stringify(filed.body)).toBe(201);
  return filed.body.order;
}

async function act(who: Caller, number: string, body: Record<string, unknown>) {
  const view = await who.json<OrderView>('GET', `/api/v1/orders/${number}`);
  const out = await who.json<OrderView & Problem>('POST', `/api/v1/orders/${number}/transitions`, {
    version: view.body.order.version,
    ...body,
  });
  expect(out.status, JSON.stringify(out.body)).toBe(200);
  return out.body;
}

/** Worked, resolved and confirmed by the requester: closed now. */
async function close(requester: Caller, number: string, rating?: { score: number; comment: string }) {
  await act(hana, number, { action: 'claim' });
  await act(hana, number, { action: 'resolve' });
  if (rating) {
    const rated = await requester.json('POST', `/api/v1/orders/${number}/survey`, rating);
    expect(rated.status).toBe(200);
  }
  await act(requester, number, { action: 'confirm' });
}

async function comment(who: Caller, number: string, text: string, visibility = 'public') {
  const out = await who.json('POST', `/api/v1/orders/${number}/comments`, { text, visibility });
  expect(out.status).toBe(200);
}

async function tableText(): Promise<string> {
  const items: unknown[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    // A test's own look at everything stored (never done on a request path).
    const out = await h.deps.db.doc.send(
      new ScanCommand({ TableName: h.deps.db.tableName, ...(start ? { ExclusiveStartKey: start } : {}) }),
    );
    items.push(...(out.Items ?? []));
    start = out.LastEvaluatedKey;
  } while (start);
  return JSON.stringify(items);
}

async function bucketText(): Promise<string> {
  const store = h.deps.attachments;
  if (!store) throw new Error('no bucket');
  const parts: string[] = [];
  for (const key of await store.list('')) {
    parts.push(key, await (await fetch(await store.downloadUrl(key))).text());
  }
  return parts.join('\n');
}

const order = (number: string) => h.deps.orders.getWithTimeline(number);

describe('a person’s data on request', () => {
  let annaOrder: Order;
  let benOrder: Order;
  let scanKey: string;

  it('marks fields personal and sensitive; watchers never see a sensitive answer', async () => {
    await service('hr-privacy', { amount: 10, unit: 'years' });
    const refused = await henry.json<Problem>('PUT', '/api/v1/services/hr-privacy', {});
    expect(refused.status).toBe(400);

    scanKey = await upload(anna, 'zebrafinch-contract.pdf', 'PDF Zebrafinch signed contract');
    annaOrder = await file(anna, 'hr-privacy', {
      fullName: 'Anna Kowalska',
      salary: 9100,
      reason: 'Zebrafinch moving to part time',
      scan: scanKey,
    });
    const watched = await anna.json('POST', `/api/v1/orders/${annaOrder.number}/watchers`, { add: ['carl'] });
    expect(watched.status).toBe(200);
    const asWatcher = await carl.json<OrderView>('GET', `/api/v1/orders/${annaOrder.number}`);
    expect(asWatcher.body.order.answers).not.toHaveProperty('salary');
    expect(asWatcher.body.order.answers).toHaveProperty('reason');
    expect((await anna.json<OrderView>('GET', `/api/v1/orders/${annaOrder.number}`)).body.order.answers).toHaveProperty(
      'salary',
      9100,
    );
    expect((await hana.json<OrderView>('GET', `/api/v1/orders/${annaOrder.number}`)).body.order.answers).toHaveProperty(
      'salary',
      9100,
    );
    // The sensitive answer is in no mail.
    await h.deliverMail();
    expect(JSON.stringify(await h.mailbox())).not.toContain('9100');

    await comment(anna, annaOrder.number, 'Zebrafinch: please hurry');
    await comment(carl, annaOrder.number, 'Quokka says hello');
    await comment(hana, annaOrder.number, 'Checked the file', 'internal');
    await close(anna, annaOrder.number, { score: 2, comment: 'Zebrafinch waited too long' });

    // Ben's order, which Anna follows and comments on.
    benOrder = await file(ben, 'hr-privacy', { fullName: 'Ben Carter', reason: 'Wombat hours' });
    await ben.json('POST', `/api/v1/orders/${benOrder.number}/watchers`, { add: ['anna'] });
    await comment(anna, benOrder.number, 'Zebrafinch agrees with Ben');
    await comment(ben, benOrder.number, 'Wombat thanks');
  });

  it('exports every kind of item as a versioned JSON archive behind a link', async () => {
    const refused = await hana.json<Problem>('POST', '/api/v1/users/anna/export');
    expect(refused.status).toBe(403);
    const out = await ada.json<ExportAnswer>('POST', '/api/v1/users/anna/export');
    expect(out.status).toBe(200);
    expect(out.body.url).toMatch(/^http/);
    const archive = (await (await fetch(out.body.url as string)).json()) as PersonExport;
    expect(archive.format).toBe('ordo.person-export');
    expect(archive.version).toBe(1);
    expect(archive.person).toMatchObject({ id: 'anna', name: 'Anna Kowalska', email: 'anna.kowalska@example.com' });
    const mine = archive.orders.find((o) => o.order.number === annaOrder.number);
    expect(mine?.roles).toEqual(['requester']);
    expect(mine?.order.answers).toMatchObject({ salary: 9100, fullName: 'Anna Kowalska' });
    expect(mine?.timeline?.some((e) => e.comment === 'Quokka says hello')).toBe(true);
    // Internal notes are the team's.
    expect(mine?.timeline?.some((e) => e.visibility === 'internal')).toBe(false);
    expect(archive.orders.find((o) => o.order.number === benOrder.number)?.roles).toEqual(['watcher']);
    // Every event she wrote words on: two comments, her rating, adding a watcher.
    expect(
      archive.comments
        .filter((c) => c.kind === 'comment')
        .map((c) => c.comment)
        .sort(),
    ).toEqual(['Zebrafinch agrees with Ben', 'Zebrafinch: please hurry']);
    expect(archive.comments).toHaveLength(4);
    expect(archive.ratings).toEqual([
      expect.objectContaining({ orderNumber: annaOrder.number, score: 2, comment: 'Zebrafinch waited too long' }),
    ]);
    const attachment = archive.attachments.find((a) => a.key === scanKey);
    expect(attachment).toMatchObject({ name: 'zebrafinch-contract.pdf', where: 'answers.scan' });
    expect(await (await fetch(attachment?.url as string)).text()).toBe('PDF Zebrafinch signed contract');
    expect(archive.mails.length).toBeGreaterThan(0);
    expect(archive.mails.every((m) => m.orderNumber !== undefined)).toBe(true);
    expect(archive.mails.some((m) => m.subject.includes(annaOrder.number))).toBe(true);
    expect(out.body.counts).toEqual({
      orders: archive.orders.length,
      comments: 4,
      ratings: 1,
      attachments: archive.attachments.length,
      mails: archive.mails.length,
    });
  });

  it('erases: figures and other people’s data unchanged, the person’s words gone from table and bucket', async () => {
    const day = now.toISOString().slice(0, 10);
    const report = () => henry.json('GET', `/api/v1/departments/HR/report?from=2026-01-01&to=${day}`);
    const customers = () => henry.json('GET', '/api/v1/departments/HR/customers?weeks=8');
    const capacity = () => henry.json('GET', '/api/v1/departments/HR/capacity');
    const before = { report: await report(), customers: await customers(), capacity: await capacity() };
    const benBefore = await order(benOrder.number);
    const carlBefore = await h.deps.users.fresh('carl');
    expect(await tableText()).toContain('Zebrafinch');

    const unconfirmed = await ada.json<Problem>('POST', '/api/v1/users/anna/erase', {});
    expect(unconfirmed.status).toBe(400);
    const erased = await ada.json<ErasureAnswer>('POST', '/api/v1/users/anna/erase', { confirm: true });
    expect(erased.status).toBe(200);
    expect(erased.body.alias).toMatch(/^Former employee #\d+$/);
    // Her four events with words, and Ben's that named her.
    expect(erased.body.comments).toBe(5);

    // The figures read the same; the customers view shows the alias where the name was.
    expect(await report()).toEqual(before.report);
    expect(await capacity()).toEqual(before.capacity);
    // (Top customers with the same figures are listed by name, so compare them by id.)
    const byId = (body: unknown) => {
      const view = body as { topCustomers: Array<{ personId: string }> };
      return { ...view, topCustomers: [...view.topCustomers].sort((a, b) => a.personId.localeCompare(b.personId)) };
    };
    expect(byId((await customers()).body)).toEqual(
      byId(JSON.parse(JSON.stringify(before.customers.body).replaceAll('Anna Kowalska', erased.body.alias))),
    );
    // Other people's data as it was: Ben's order but for Anna as a watcher and her comment's words.
    const benAfter = await order(benOrder.number);
    expect(benAfter?.order).toEqual({
      ...benBefore?.order,
      watchers: [],
      version: (benBefore?.order.version ?? 0) + 1,
    });
    // Ben's events as they were, but where they named her ("added Anna Kowalska"): the alias.
    expect(benAfter?.timeline.filter((e) => e.actorId !== 'anna')).toEqual(
      benBefore?.timeline
        .filter((e) => e.actorId !== 'anna')
        .map((e) => (e.comment ? { ...e, comment: e.comment.replaceAll('Anna Kowalska', erased.body.alias) } : e)),
    );
    expect(benAfter?.timeline.some((e) => e.comment === `added ${erased.body.alias}`)).toBe(true);
    expect(await h.deps.users.fresh('carl')).toEqual(carlBefore);

    const after = await order(annaOrder.number);
    expect(after?.order).toMatchObject({ requesterName: erased.body.alias, requesterEmail: '', status: 'closed' });
    expect(after?.order.answers).toEqual({ reason: 'Zebrafinch moving to part time' });
    expect(after?.timeline.find((e) => e.actorId === 'carl' && e.kind === 'comment')?.comment).toBe(
      'Quokka says hello',
    );

    // Her words as requester: the reason is not marked personal, so the head chose to keep it.
    const table = (await tableText()).replaceAll('Zebrafinch moving to part time', '');
    for (const word of ['Zebrafinch', 'Kowalska', 'anna.kowalska']) expect(table).not.toContain(word);
    expect(table).toContain('Quokka');
    expect(table).toContain('Wombat');
    const bucket = await bucketText();
    expect(bucket).not.toContain('Zebrafinch');
    expect(bucket).not.toContain('zebrafinch');

    // She is a tombstone, in no list or search; the audit log says who erased, without her name.
    const profile = await h.deps.users.fresh('anna');
    expect(profile).toMatchObject({ name: erased.body.alias, email: '', memberships: {}, admin: false });
    const people = await ada.json<Array<{ id: string }>>('GET', '/api/v1/people?q=kowalska');
    expect(people.body).toEqual([]);
    const audit = await ada.json<Array<Record<string, unknown>>>('GET', `/api/v1/audit?month=${day.slice(0, 7)}`);
    const record = audit.body.find((r) => r.action === 'person_erased');
    expect(record).toMatchObject({ actorId: 'ada', subjectId: 'anna' });
    expect(JSON.stringify(audit.body)).not.toContain('Kowalska');

    // Twice is once: same alias, nothing more to remove.
    const again = await ada.json<ErasureAnswer>('POST', '/api/v1/users/anna/erase', { confirm: true });
    expect(again.body).toMatchObject({ alias: erased.body.alias, comments: 0, files: 0, mails: 0 });
  });
});

describe('retention per service', () => {
  it('anonymises exactly the orders past their period, run twice or late, each run in the audit log', async () => {
    await service('hr-short', { amount: 30, unit: 'days' });
    const first = await file(carl, 'hr-short', { fullName: 'Carl Jensen', reason: 'Koala first' });
    const second = await file(ben, 'hr-short', { fullName: 'Ben Carter', reason: 'Koala second' });
    const open = await file(ben, 'hr-short', { fullName: 'Ben Carter', reason: 'Koala still open' });
    await comment(carl, first.number, 'Koala comment');
    await close(carl, first.number);
    days(10);
    await close(ben, second.number);
    // A service without a retention period keeps everything.
    const kept = await file(carl, 'hr-privacy', { fullName: 'Carl Jensen', reason: 'Koala kept' });
    await close(carl, kept.number);

    const run = () => h.deps.privacyWorkflow.retention();
    const names = async () =>
      Object.fromEntries(
        await Promise.all(
          [first, second, open, kept].map(async (o) => [o.number, (await order(o.number))?.order.requesterName]),
        ),
      );
    days(19); // the first closed 29 days ago
    expect((await run()).anonymised).toBe(0);
    days(2); // 31 days after the first, 21 after the second
    expect((await run()).anonymised).toBe(1);
    expect(await names()).toEqual({
      [first.number]: 'Anonymous',
      [second.number]: 'Ben Carter',
      [open.number]: 'Ben Carter',
      [kept.number]: 'Carl Jensen',
    });
    const anonymised = await order(first.number);
    expect(anonymised?.order.answers).toEqual({ reason: 'Koala first' });
    expect(anonymised?.order.title).toBe('Contract hr-short');
    expect(anonymised?.timeline.some((e) => e.comment === 'Koala comment')).toBe(false);
    expect(anonymised?.timeline.some((e) => e.removed)).toBe(true);
    // Twice (a minute later): nothing more.
    days(0.001);
    expect((await run()).anonymised).toBe(0);
    expect(await order(first.number)).toEqual(anonymised);
    // Late (the job did not run for months): the second one is caught up, nothing else.
    days(120);
    expect((await run()).anonymised).toBe(1);
    expect(await names()).toEqual({
      [first.number]: 'Anonymous',
      [second.number]: 'Anonymous',
      [open.number]: 'Ben Carter',
      [kept.number]: 'Carl Jensen',
    });
    const runs: Array<{ at: string; changes: Array<{ field: string; after: number }> }> = [];
    for (const month of ['2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08']) {
      const audit = await ada.json<typeof runs>('GET', `/api/v1/audit?month=${month}`);
      runs.push(...audit.body.filter((r) => (r as unknown as { action: string }).action === 'retention_run'));
    }
    // The last four are this test's runs (the local workers also ran it once, on the day they started).
    const anonymisedPerRun = runs
      .sort((a, b) => a.at.localeCompare(b.at))
      .slice(-4)
      .map((r) => r.changes.find((c) => c.field === 'anonymised')?.after);
    expect(anonymisedPerRun).toEqual([0, 1, 0, 1]);
  });
});
