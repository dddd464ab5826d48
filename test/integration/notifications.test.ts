import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderSummary, OrderView } from '#shared/api.ts';
import { type Caller, createHarness, type Harness } from './harness.ts';

let now = new Date('2026-11-25T09:30:00Z');
let h: Harness;
let anna: Caller;
let hana: Caller;
let ben: Caller;

beforeAll(async () => {
  h = await createHarness({ now: () => new Date(now) });
  [anna, hana, ben] = [await h.as('anna'), await h.as('hana'), await h.as('ben')];
});
afterAll(() => h?.close());

const certificate = { serviceId: 'hr-certificate', answers: { purpose: 'Bank' } };

async function act(who: Caller, number: string, body: Record<string, unknown>) {
  const v = (await who.json<OrderView>('GET', `/api/v1/orders/${number}`)).body.order.version;
  const res = await who.json<OrderView>('POST', `/api/v1/orders/${number}/transitions`, { version: v, ...body });
  expect(res.status).toBe(200);
  return res.body;
}

/** Recipients of the mail about `number` whose subject starts with `prefix`. */
async function recipients(number: string, prefix: string): Promise<string[][]> {
  await h.deliverMail();
  return (await h.mailbox())
    .filter((m) => m.subject.startsWith(prefix) && m.subject.includes(number))
    .map((m) => m.destination.to.sort());
}

describe('who is told what (SPEC §6)', () => {
  it('tells assignee, requester and watchers about assignment, stage, resolution, rejection and cancellation', async () => {
    const order = (await anna.json<OrderView>('POST', '/api/v1/orders', certificate)).body.order;
    await anna.json('POST', `/api/v1/orders/${order.number}/watchers`, { add: ['ben'] });
    await act(hana, order.number, { action: 'assign', assigneeId: 'olivia' });
    expect(await recipients(order.number, 'Assigned to you')).toEqual([['olivia.grant@example.com']]);

    const v = (await hana.json<OrderView>('GET', `/api/v1/orders/${order.number}`)).body.order.version;
    await hana.json('POST', `/api/v1/orders/${order.number}/deliverables/scan`, { version: v, done: true });
    await act(hana, order.number, { action: 'resolve' });
    expect(await recipients(order.number, 'Done:')).toEqual([['anna.kowalska@example.com', 'ben.carter@example.com']]);

    const rejected = (await anna.json<OrderView>('POST', '/api/v1/orders', certificate)).body.order;
    await act(hana, rejected.number, { action: 'reject', reason: 'duplicate', comment: 'Same as before.' });
    expect(await recipients(rejected.number, 'Not accepted')).toEqual([['anna.kowalska@example.com']]);

    const cancelled = (await anna.json<OrderView>('POST', '/api/v1/orders', certificate)).body.order;
    await act(hana, cancelled.number, { action: 'claim' });
    await act(anna, cancelled.number, { action: 'cancel', reason: 'No longer needed' });
    expect((await recipients(cancelled.number, 'Cancelled')).sort()).toEqual([
      ['anna.kowalska@example.com'],
      ['hana.nowak@example.com'],
    ]);
  });

  it('tells the requester when the order moves to its next stage, unless they muted it', async () => {
    const order = (
      await anna.json<OrderView>('POST', '/api/v1/orders', {
        serviceId: 'hr-onboarding',
        answers: {
          fullName: 'Tom Bauer',
          startDate: '2027-03-01',
          contractType: 'Permanent',
          managerEmail: 'm@example.com',
        },
      })
    ).body.order;
    await act(hana, order.number, { action: 'claim' });
    let v = (await hana.json<OrderView>('GET', `/api/v1/orders/${order.number}`)).body.order.version;
    v = (await hana.json<OrderView>('POST', `/api/v1/orders/${order.number}/stage`, { version: v, stage: 'paperwork' }))
      .body.order.version;
    expect(await recipients(order.number, 'Next stage')).toEqual([['anna.kowalska@example.com']]);

    const muted = await anna.json<{ user: { mutedEvents: string[] } }>('PUT', '/api/v1/me/preferences', {
      mutedEvents: ['stage_changed'],
    });
    expect(muted.body.user.mutedEvents).toEqual(['stage_changed']);
    const essential = await anna.json('PUT', '/api/v1/me/preferences', { mutedEvents: ['order_resolved'] });
    expect(essential.status).toBe(400);
    await anna.json('PUT', '/api/v1/me/preferences', { mutedEvents: ['stage_changed'] });
    // The profile cache is per process and short-lived; a fresh read sees the preference.
    h.deps.users.forget('anna');
    await hana.json('POST', `/api/v1/orders/${order.number}/stage`, { version: v, stage: 'handover' });
    expect(await recipients(order.number, 'Next stage')).toHaveLength(1);
  });

  it('lists the department’s at-risk and breached orders for the head', async () => {
    const order = (
      await anna.json<OrderView>('POST', '/api/v1/orders', {
        serviceId: 'it-password',
        answers: { account: 'VPN', what: 'Password', phone: '+48 600 100 200' },
      })
    ).body.order;
    now = new Date(now.getTime() + 4 * 60_000);
    await h.deps.slaTimers.run();
    const iris = await h.as('iris');
    const list = await iris.json<OrderSummary[]>('GET', '/api/v1/departments/IT/at-risk');
    expect(list.status).toBe(200);
    expect(list.body.find((o) => o.number === order.number)?.sla?.state).toBe('breached');
    expect((await ben.json('GET', '/api/v1/departments/IT/at-risk')).status).toBe(404);
  });

  it('sends each head one daily digest a day, however often the job runs', async () => {
    now = new Date('2026-11-26T06:30:00Z'); // 07:30 in Warsaw: too early
    expect(await h.deps.digest.run()).toBe(0);
    now = new Date('2026-11-26T08:05:00Z');
    const runs = await Promise.all([h.deps.digest.run(), h.deps.digest.run()]);
    // A second process (its own memory of what it sent) may try too: the stored record stops it.
    const { DailyDigest } = await import('#functions/workflows/digest.ts');
    const other = new DailyDigest({ ...h.deps, portalUrl: h.deps.config.portalUrl, now: () => new Date(now) });
    expect(await other.run()).toBe(0);
    expect(runs[0] + runs[1]).toBe(4);
    await h.deliverMail();
    const digests = (await h.mailbox()).filter((m) => m.subject.includes('daily digest 26 Nov 2026'));
    expect(digests.map((m) => m.destination.to[0]).sort()).toEqual([
      'fatima.zahra@example.com',
      'frank.moreau@example.com',
      'henry.ortiz@example.com',
      'iris.chen@example.com',
    ]);
    const it = digests.find((m) => m.destination.to[0] === 'iris.chen@example.com');
    expect(it?.body.text).toMatch(/IT-\d+ \(breached\) Password or MFA reset/);
  });
});
