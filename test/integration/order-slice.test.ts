import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderSummary, OrderView, Page, Problem } from '#shared/api.ts';
import type { Service } from '#shared/model.ts';
import { toSummary } from '#shared/summary.ts';
import { ROW_ATTRIBUTES } from '../../functions/repositories/orders.ts';
import { CURRENT_SERVICE_CACHE_MS, ServiceRepository } from '../../functions/repositories/services.ts';
import { createHarness, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h?.close());

const onboarding = {
  serviceId: 'hr-onboarding',
  answers: {
    fullName: 'Jan Zieliński',
    startDate: '2027-01-11',
    contractType: 'Permanent',
    managerEmail: 'm@example.com',
  },
};

describe('the order slice on DynamoDB Local and the SES stand-in', () => {
  it('files, queues, claims, resolves and mails an order', async () => {
    const anna = await h.as('anna');
    const hana = await h.as('hana');

    const created = await anna.json<OrderView>('POST', '/api/v1/orders', onboarding);
    expect(created.status).toBe(201);
    const number = created.body.order.number;
    expect(number).toMatch(/^HR-\d{4}$/);
    expect(created.body.order.status).toBe('open');
    expect(created.body.order.title).toBe('Onboard a new employee: Jan Zieliński');
    expect(created.body.timeline.map((e) => e.kind)).toEqual(['submitted']);

    const mine = await anna.json<Page<OrderSummary>>('GET', '/api/v1/orders/mine');
    expect(mine.body.items.map((o) => o.number)).toContain(number);

    const queue = await hana.json<Page<OrderSummary>>('GET', '/api/v1/departments/HR/queue');
    expect(queue.status).toBe(200);
    expect(queue.body.items.map((o) => o.number)).toContain(number);

    const claimed = await hana.json<OrderView>('POST', `/api/v1/orders/${number}/transitions`, {
      action: 'claim',
      version: 1,
    });
    expect(claimed.status).toBe(200);
    expect(claimed.body.order).toMatchObject({ status: 'in_progress', assigneeId: 'hana', version: 2 });
    // The queue names its assignees, so the team reads people, not ids.
    const claimedQueue = await hana.json<{ people: Record<string, string> }>('GET', '/api/v1/departments/HR/queue');
    expect(claimedQueue.body.people.hana).toBe('Hana Nowak');

    const early = await hana.json<Problem>('POST', `/api/v1/orders/${number}/transitions`, {
      action: 'resolve',
      version: 2,
    });
    expect(early.status).toBe(422);
    expect(early.body).toMatchObject({ code: 'deliverables_unticked' });
    expect(early.body.params.items).toContain('Employee record created');

    let version = 2;
    for (const id of ['record', 'payroll']) {
      const ticked = await hana.json<OrderView>('POST', `/api/v1/orders/${number}/deliverables/${id}`, {
        version,
        done: true,
      });
      expect(ticked.status).toBe(200);
      version = ticked.body.order.version;
    }
    const resolved = await hana.json<OrderView>('POST', `/api/v1/orders/${number}/transitions`, {
      action: 'resolve',
      version,
      comment: 'All set, welcome pack goes out Monday.',
    });
    expect(resolved.status).toBe(200);
    expect(resolved.body.order.status).toBe('resolved');

    const seen = await anna.json<OrderView>('GET', `/api/v1/orders/${number}`);
    expect(seen.body.timeline.map((e) => e.kind)).toEqual([
      'submitted',
      'claim',
      'deliverable_ticked',
      'deliverable_ticked',
      'resolve',
    ]);
    expect(seen.body.actions).toEqual(expect.arrayContaining(['confirm', 'reopen']));
    expect(seen.body.people.hana).toBe('Hana Nowak');

    // The left queue: resolved orders are not active any more.
    const after = await hana.json<Page<OrderSummary>>('GET', '/api/v1/departments/HR/queue');
    expect(after.body.items.map((o) => o.number)).not.toContain(number);

    await h.deliverMail();
    const mail = await h.mailbox();
    const subjects = mail.filter((m) => m.subject.includes(number)).map((m) => m.subject);
    expect(subjects).toEqual(
      expect.arrayContaining([
        `We received your order ${number} Onboard a new employee: Jan Zieliński`,
        `New order in the queue: ${number} Onboard a new employee: Jan Zieliński`,
        `Done: ${number} Onboard a new employee: Jan Zieliński`,
      ]),
    );
    const received = mail.find((m) => m.subject.startsWith(`We received your order ${number}`));
    expect(received?.destination.to).toEqual(['anna.kowalska@example.com']);
    expect(received?.body.text).toMatch(
      new RegExp(`^Open the order: http://ordo-test-[\\w-]+\\.test/orders/${number}$`, 'm'),
    );

    // Delivered once: another round sends nothing new.
    const before = (await h.mailbox()).length;
    await h.deliverMail();
    expect((await h.mailbox()).length).toBe(before);
  });

  it('answers bad input with 400 and a message per field', async () => {
    const anna = await h.as('anna');
    const bad = await anna.json<Problem>('POST', '/api/v1/orders', {
      serviceId: 'hr-onboarding',
      answers: { fullName: '', startDate: 'tomorrow', contractType: 'Fixed-term', managerEmail: 'nope' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ type: '/api/v1/problems/invalid_request', status: 400, code: 'invalid_request' });
    expect(bad.body.fields).toEqual({
      'answers.fullName': { code: 'required', params: {}, detail: 'Required.' },
      'answers.startDate': { code: 'not_date', params: {}, detail: 'Enter a date as YYYY-MM-DD.' },
      'answers.contractEnd': { code: 'required', params: {}, detail: 'Required.' },
      'answers.managerEmail': {
        code: 'not_email',
        params: {},
        detail: 'Enter an email address like name@example.com.',
      },
    });
    const notJson = await anna.request('POST', '/api/v1/orders', '{oops');
    expect(notJson.status).toBe(400);
    expect(notJson.headers.get('content-type')).toBe('application/problem+json');
    expect(await notJson.json()).toMatchObject({ code: 'not_json', fields: { _: { code: 'json_object' } } });
    const extra = await anna.json<Problem>('POST', '/api/v1/orders', { ...onboarding, hack: true });
    expect(extra.status).toBe(400);
    expect(extra.body.fields?._).toMatchObject({ code: 'unknown_keys', params: { keys: ['hack'] } });
  });

  it('refuses the unauthenticated and hides other people’s orders', async () => {
    const anon = await h.anonymous.json<Problem>('GET', '/api/v1/orders/mine');
    expect(anon.status).toBe(401);
    const forged = await h.anonymous.request('GET', '/api/v1/me', undefined, { authorization: 'Bearer abc.def.ghi' });
    expect(forged.status).toBe(401);

    const anna = await h.as('anna');
    const created = await anna.json<OrderView>('POST', '/api/v1/orders', onboarding);
    const number = created.body.order.number;

    const ben = await h.as('ben');
    const peek = await ben.json<Problem>('GET', `/api/v1/orders/${number}`);
    expect(peek.status).toBe(404);
    const missing = await ben.json<Problem>('GET', '/api/v1/orders/HR-999999');
    expect(missing.status).toBe(404);
    expect(peek.body.code).toBe(missing.body.code);
    expect(peek.body.detail.replace(number, 'X')).toBe(missing.body.detail.replace('HR-999999', 'X'));

    const ivan = await h.as('ivan');
    expect((await ivan.json('GET', `/api/v1/orders/${number}`)).status).toBe(404);
    expect((await ivan.json('GET', '/api/v1/departments/HR/queue')).status).toBe(404);
    expect(
      (await ivan.json('POST', `/api/v1/orders/${number}/transitions`, { action: 'claim', version: 1 })).status,
    ).toBe(404);
  });

  it('turns a stale version into 409 with the current order', async () => {
    const anna = await h.as('anna');
    const hana = await h.as('hana');
    const created = await anna.json<OrderView>('POST', '/api/v1/orders', onboarding);
    const number = created.body.order.number;
    await hana.json('POST', `/api/v1/orders/${number}/transitions`, { action: 'claim', version: 1 });
    const stale = await hana.json<Problem & { current: { version: number } }>(
      'POST',
      `/api/v1/orders/${number}/transitions`,
      { action: 'request_clarification', version: 1, comment: 'Which team?' },
    );
    expect(stale.status).toBe(409);
    expect(stale.body.current.version).toBe(2);
  });

  it('lets exactly one of many parallel claims win', async () => {
    const anna = await h.as('anna');
    const created = await anna.json<OrderView>('POST', '/api/v1/orders', onboarding);
    const number = created.body.order.number;
    const agents = await Promise.all(['hana', 'olivia', 'henry'].map((id) => h.as(id)));
    const results = await Promise.all(
      agents.map((a) => a.json('POST', `/api/v1/orders/${number}/transitions`, { action: 'claim', version: 1 })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
  });

  it('numbers orders without collisions under parallel creation', async () => {
    const anna = await h.as('anna');
    const results = await Promise.all(
      Array.from({ length: 12 }, () => anna.json<OrderView>('POST', '/api/v1/orders', onboarding)),
    );
    const numbers = results.map((r) => r.body.order.number);
    expect(results.every((r) => r.status === 201)).toBe(true);
    expect(new Set(numbers).size).toBe(12);
  });

  it('costs at most 3 DynamoDB calls per order operation once caches are warm', async () => {
    const anna = await h.as('anna');
    const hana = await h.as('hana');
    const created = await anna.json<OrderView>('POST', '/api/v1/orders', onboarding);
    const number = created.body.order.number;
    await hana.json('GET', `/api/v1/orders/${number}`);
    const calls = h.deps.db.calls;
    const measure = async (run: () => Promise<unknown>) => {
      calls.reset();
      await run();
      return { total: calls.total(), scans: calls.counts.get('ScanCommand') ?? 0 };
    };
    // The service is kept briefly per process (5 s from the read that kept it, which may have been an
    // earlier test's): read now, it is kept for the filing below, which costs the order number and one
    // transaction.
    await h.deps.services.get('hr-onboarding');
    expect(await measure(() => anna.json('POST', '/api/v1/orders', onboarding))).toEqual({ total: 2, scans: 0 });
    expect((await measure(() => hana.json('GET', `/api/v1/orders/${number}`))).total).toBe(1);
    expect(
      (await measure(() => hana.json('POST', `/api/v1/orders/${number}/transitions`, { action: 'claim', version: 1 })))
        .total,
    ).toBe(2);
    expect((await measure(() => hana.json('GET', '/api/v1/departments/HR/queue'))).total).toBe(1);
    expect((await measure(() => anna.json('GET', '/api/v1/orders/mine'))).total).toBe(1);
  });

  it('files under a service as its head just saved it, in this process at once', async () => {
    const anna = await h.as('anna');
    const henry = await h.as('henry');
    const certificate = { serviceId: 'hr-certificate', answers: { purpose: 'Bank' } };
    const first = await anna.json<OrderView>('POST', '/api/v1/orders', certificate);
    expect(first.status).toBe(201);
    const { version } = (await henry.json<Service>('GET', '/api/v1/services/hr-certificate')).body;

    const retired = await henry.json<Service>('POST', '/api/v1/services/hr-certificate/retire', { version });
    expect(retired.status).toBe(200);
    const refused = await anna.json<Problem>('POST', '/api/v1/orders', certificate);
    expect(refused.status).toBe(404);
    expect(refused.body.code).toBe('service_not_found');

    const published = await henry.json<Service>('POST', '/api/v1/services/hr-certificate/publish', {
      version: retired.body.version,
    });
    expect(published.status).toBe(200);
    const again = await anna.json<OrderView>('POST', '/api/v1/orders', certificate);
    expect(again.status).toBe(201);
    expect(again.body.order.serviceVersion).toBe(published.body.version);
    expect(again.body.order.serviceVersion).toBeGreaterThan(first.body.order.serviceVersion);
  });

  it('keeps a service for filing a few seconds and a bounded number of them', async () => {
    let now = 0;
    const services = new ServiceRepository(h.deps.db, () => now, { ms: CURRENT_SERVICE_CACHE_MS, entries: 2 });
    const calls = h.deps.db.calls;
    const reads = async (ids: string[]) => {
      calls.reset();
      for (const id of ids) await services.forFiling(id);
      return calls.total();
    };
    expect(await reads(['hr-onboarding', 'hr-onboarding'])).toBe(1);
    now += CURRENT_SERVICE_CACHE_MS - 1;
    expect(await reads(['hr-onboarding'])).toBe(0);
    now += 1;
    expect(await reads(['hr-onboarding'])).toBe(1);
    // An id that names no service is never kept.
    expect(await reads(['hr-nothing', 'hr-nothing'])).toBe(2);
    // Two kept at most: a third pushes out the one read longest ago.
    expect(await reads(['it-laptop', 'fac-repair'])).toBe(2);
    expect(await reads(['fac-repair', 'it-laptop'])).toBe(0);
    expect(await reads(['hr-onboarding'])).toBe(1);
    expect(await reads(['fac-repair'])).toBe(0);
    expect(await reads(['it-laptop'])).toBe(1);
  });

  it('reads a queue page as rows: the same orders, only what a row shows', async () => {
    const whole = await h.deps.orders.queue('HR', undefined, 3);
    const rows = await h.deps.orders.queueRows('HR', undefined, 3);
    expect(rows.orders.length).toBe(3);
    expect(rows.nextCursor).toBe(whole.nextCursor);
    const picked = whole.orders.map((o) =>
      Object.fromEntries(ROW_ATTRIBUTES.filter((a) => o[a] !== undefined).map((a) => [a, o[a]])),
    );
    expect(rows.orders).toEqual(picked);
    expect(rows.orders.map(toSummary)).toEqual(whole.orders.map(toSummary));
    expect(Object.keys(whole.orders[0]!)).toContain('watchers');
    expect(Object.keys(rows.orders[0]!)).not.toContain('watchers');
    const next = await h.deps.orders.queueRows('HR', rows.nextCursor, 3);
    expect(next.orders.map((o) => o.number)).toEqual(
      (await h.deps.orders.queue('HR', whole.nextCursor, 3)).orders.map((o) => o.number),
    );
  });
});
