/**
 * The local server's part in mail: in AWS the outbox's stream starts the mail worker as soon as mail
 * is written; locally the server tells the poller after each request that may have written, so mail
 * goes out at once and the poll is only the safety net.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalApp } from '#functions/local/server.ts';
import { startWorkers, type Workers } from '#functions/local/workers.ts';
import type { OrderView } from '#shared/api.ts';
import { type Caller, createHarness, type Harness } from './harness.ts';

let h: Harness;
let anna: Caller;
let workers: Workers;
const writes: string[] = [];

beforeAll(async () => {
  h = await createHarness();
  anna = await h.as('anna');
  // Polls an hour apart: only `deliverSoon` can send within the test.
  workers = startWorkers(h.deps, { mailEveryMs: 3_600_000, timersEveryMs: 3_600_000 });
});
afterAll(async () => {
  await workers?.stop();
  await h?.close();
});

describe('the local server and the mail poller', () => {
  it('calls afterWrite after each request that may write, and not after reads', async () => {
    const app = createLocalApp(h.deps, undefined, { afterWrite: () => writes.push('write') });
    await app.request('/api/v1/catalog');
    await app.request('/api/v1/catalog', { method: 'HEAD' });
    expect(writes).toEqual([]);
    // Refused or not, a write request is followed by a look at the outbox.
    expect((await app.request('/api/v1/orders', { method: 'POST', body: '{}' })).status).toBe(401);
    expect(writes).toEqual(['write']);
    // The portal's own files are not the API.
    await app.request('/sign-in', { method: 'POST' });
    expect(writes).toEqual(['write']);
  });

  it('delivers the mail of a write at once when told, without waiting for the poll', async () => {
    const filed = await anna.json<OrderView>('POST', '/api/v1/orders', {
      serviceId: 'fin-expenses',
      answers: { amount: 40, costCentre: 'SA-101', description: 'Taxi to the airport' },
    });
    expect(filed.status).toBe(201);
    const subject = `Hand over what is missing: ${filed.body.order.number}`;
    const arrived = async () => (await h.mailbox()).some((m) => m.subject.includes(subject));
    expect(await arrived()).toBe(false);
    workers.deliverSoon();
    await expect.poll(arrived, { timeout: 10_000 }).toBe(true);
  });

  it('sends nothing before `startAfter` has settled (a first start filing its history), then all that waited', async () => {
    let historyFiled: () => void = () => {};
    const history = new Promise<void>((resolve) => {
      historyFiled = resolve;
    });
    const waiting = startWorkers(h.deps, { mailEveryMs: 3_600_000, timersEveryMs: 3_600_000, startAfter: history });
    try {
      const filed = await anna.json<OrderView>('POST', '/api/v1/orders', {
        serviceId: 'fin-expenses',
        answers: { amount: 12, costCentre: 'SA-101', description: 'Parking' },
      });
      const subject = `Hand over what is missing: ${filed.body.order.number}`;
      const arrived = async () => (await h.mailbox()).some((m) => m.subject.includes(subject));
      waiting.deliverSoon();
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(await arrived()).toBe(false);
      historyFiled();
      await history;
      waiting.deliverSoon();
      await expect.poll(arrived, { timeout: 10_000 }).toBe(true);
    } finally {
      await waiting.stop();
    }
  });
});
