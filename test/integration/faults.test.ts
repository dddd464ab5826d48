/**
 * DynamoDB frozen for real: the app reaches DynamoDB Local through a proxy that, when frozen, keeps
 * every connection open and forwards nothing, like a stopped process. Every kind of route must answer
 * 503 `unavailable` with Retry-After within about a second and work again once it thaws, without a
 * restart; the workers must end their runs quickly and cleanly, and the next runs finish the work.
 */

import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startWorkers } from '#functions/local/workers.ts';
import { MailDelivery } from '#functions/mail/delivery.ts';
import type { Mailer } from '#functions/mail/ses.ts';
import { createLogger } from '#functions/observability/logger.ts';
import { isUnavailable, STORAGE_BUDGET } from '#functions/storage/client.ts';
import type { OrderView, Problem } from '#shared/api.ts';
import { type FreezableProxy, startFreezableProxy } from '../support/freezable-proxy.ts';
import { workerDynamoEndpoint } from '../support/workers.ts';
import { type Caller, createHarness, type Harness } from './harness.ts';

/** The promise: a second of storage budget, plus the app's own work on a busy machine. */
const API_LIMIT_MS = 1_500;

let shiftMs = 0;
const clock = () => new Date(Date.now() + shiftMs);

let proxy: FreezableProxy;
let h: Harness;
let anna: Caller;
let hana: Caller;
let ben: Caller;
let ivan: Caller;

beforeAll(async () => {
  proxy = await startFreezableProxy(workerDynamoEndpoint());
  h = await createHarness({
    dynamoEndpoint: proxy.endpoint,
    now: clock,
    storageAttemptMs: STORAGE_BUDGET.attemptMs,
  });
  anna = await h.as('anna');
  hana = await h.as('hana');
  ben = await h.as('ben');
  ivan = await h.as('ivan');
});
afterAll(async () => {
  proxy?.thaw({ discard: true });
  await h?.close();
  await proxy?.close();
});

const onboarding = {
  serviceId: 'hr-onboarding',
  answers: { fullName: 'Ola Frost', startDate: '2027-02-01', contractType: 'Permanent', managerEmail: 'm@example.com' },
};
/** 24×7: first response due in 3 minutes, warned at 60 %. */
const passwordReset = {
  serviceId: 'it-password',
  answers: { account: 'VPN', what: 'Password', phone: '+48 600 100 200' },
};

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value?: T; error?: unknown }> {
  const started = performance.now();
  try {
    const value = await run();
    return { ms: performance.now() - started, value };
  } catch (error) {
    return { ms: performance.now() - started, error };
  }
}

/**
 * Files an order as a client should: on a 503 (the storage budget of 1 s here, which a loaded machine
 * can exceed right after a thaw) it waits the Retry-After and sends the same request again, with the
 * same Idempotency-Key, so an attempt that did reach storage is not filed twice.
 */
async function file(caller: Caller, body: unknown): Promise<string> {
  const headers = { 'idempotency-key': randomUUID() };
  for (let attempt = 1; ; attempt++) {
    const res = await caller.request('POST', '/api/v1/orders', body, headers);
    if (res.status === 503 && attempt < 3) {
      await sleep(Number(res.headers.get('retry-after') ?? '2') * 1000);
      continue;
    }
    expect(res.status).toBe(201);
    return ((await res.json()) as OrderView).order.number;
  }
}

/** Outbox messages of one order (ids start with the order number). */
async function outboxOf(number: string): Promise<string[]> {
  return (await h.deps.outbox.due(new Date(Date.now() + 86_400_000), 1_000)).filter((id) =>
    id.startsWith(`${number}.`),
  );
}

describe('DynamoDB frozen', () => {
  it('answers 503 with Retry-After on every kind of route within about a second, and recovers by itself', async () => {
    const number = await file(anna, onboarding);
    const requests: Array<[string, () => Promise<Response>]> = [
      ['catalog', () => anna.request('GET', '/api/v1/catalog')],
      ['order page', () => anna.request('GET', `/api/v1/orders/${number}`)],
      [
        'comment',
        () => anna.request('POST', `/api/v1/orders/${number}/comments`, { text: 'Any news?', visibility: 'public' }),
      ],
      ['file an order', () => anna.request('POST', '/api/v1/orders', onboarding)],
      ['queue', () => hana.request('GET', '/api/v1/departments/HR/queue')],
      // Profiles are cached for 30 s; ben's is dropped below so that his reaches storage.
      ['profile', () => ben.request('GET', '/api/v1/me')],
    ];
    const before = await Promise.all(requests.map(async ([, send]) => (await send()).status));
    expect(before).toEqual([200, 200, 200, 201, 200, 200]);

    // Fresh profiles for the callers whose route itself must reach storage; none for ben.
    for (const id of ['anna', 'hana', 'ben']) h.deps.users.forget(id);
    await h.deps.users.get('anna');
    await h.deps.users.get('hana');

    proxy.freeze();
    const frozen = await Promise.all(
      requests.map(async ([route, send]) => {
        const { ms, value: res } = await timed(send);
        const body = res ? ((await res.json()) as Problem) : undefined;
        return { route, ms, status: res?.status, retryAfter: res?.headers.get('retry-after'), code: body?.code };
      }),
    );
    for (const answer of frozen) {
      expect(answer, answer.route).toMatchObject({ status: 503, retryAfter: '2', code: 'unavailable' });
      expect(answer.ms, answer.route).toBeLessThan(API_LIMIT_MS);
      // It did wait for storage rather than fail on something else.
      expect(answer.ms, answer.route).toBeGreaterThanOrEqual(STORAGE_BUDGET.attemptMs - 50);
    }

    // What the stopped database had received is applied as it resumes; the app needs no restart.
    proxy.thaw();
    const after = await Promise.all(requests.map(async ([, send]) => (await send()).status));
    expect(after).toEqual(before);
  });

  it('ends the local loops’ runs quickly, logs the outage once, and the next runs do the work', async () => {
    const number = await file(anna, passwordReset);
    const mails = await h.deps.outbox.get((await outboxOf(number))[0]!);
    expect(mails?.status).toBe('pending');
    const lines: Array<{ msg: string; worker?: string }> = [];
    const log = createLogger('debug', {}, (line) => lines.push(JSON.parse(line)));
    const workers = startWorkers({ ...h.deps, log }, { mailEveryMs: 3_600_000, timersEveryMs: 3_600_000 });
    try {
      proxy.freeze();
      // Each job alone gives up within the budget, with an error that says storage is unavailable.
      const runs: Array<() => Promise<unknown>> = [
        () => h.deps.slaTimers.run(),
        () => new MailDelivery(h.deps.outbox, h.deps.mailer, log, clock).deliverDue(50),
      ];
      for (const run of runs) {
        const { ms, error } = await timed(run);
        expect(isUnavailable(error), String(error)).toBe(true);
        expect(ms).toBeLessThan(API_LIMIT_MS);
      }
      // The loop: both runs end (no rejection), one warning per loop however many runs fail.
      for (let round = 0; round < 2; round++) {
        const { ms, error } = await timed(() => workers.tick());
        expect(error).toBeUndefined();
        expect(ms).toBeLessThan(2 * API_LIMIT_MS);
      }
      expect(lines.filter((l) => l.msg === 'worker.unavailable').map((l) => l.worker)).toEqual(['sla-timer', 'mail']);
      expect(lines.filter((l) => l.msg === 'worker.failed')).toEqual([]);

      proxy.thaw();
      // Past the first-response standard (3 min) and past the lease of any claim the frozen runs made.
      shiftMs += 4 * 60_000;
      await workers.tick();
      expect(lines.filter((l) => l.msg === 'worker.recovered').map((l) => l.worker)).toEqual(['sla-timer', 'mail']);

      // 4 minutes in: first response missed (a breach replaces its warning), resolution (5 min) at
      // risk; each raised once, seen by the team.
      const view = (await ivan.json<OrderView>('GET', `/api/v1/orders/${number}`)).body;
      const raised = view.timeline.filter((e) => e.kind.startsWith('sla_')).map((e) => `${e.kind}: ${e.clock}`);
      expect(raised.sort()).toEqual(['sla_breach: first_response', 'sla_warning: resolution']);
      expect((await h.deps.outbox.get(mails!.id))?.status).toBe('sent');
      const received = (await h.mailbox()).filter((m) => m.subject === mails!.subject);
      expect(received).toHaveLength(1);
    } finally {
      await workers.stop();
    }
  });

  it('does not send a mail twice when storage froze before it was marked sent', async () => {
    shiftMs = 0;
    const number = await file(anna, passwordReset);
    const [id] = await outboxOf(number);
    const message = await h.deps.outbox.get(id!);
    let froze = false;
    const freezingMailer: Mailer = {
      async send(m) {
        const providerId = await h.deps.mailer.send(m);
        if (!froze) proxy.freeze();
        froze = true;
        return providerId;
      },
    };
    const delivery = new MailDelivery(
      h.deps.outbox,
      freezingMailer,
      createLogger('error', {}, () => {}),
      clock,
    );
    const { ms, error } = await timed(() => delivery.deliver(id!));
    expect(isUnavailable(error), String(error)).toBe(true);
    expect(ms).toBeLessThan(API_LIMIT_MS);
    // The "sent" mark is lost on the way; the message stays claimed until its lease ends.
    proxy.thaw({ discard: true });
    expect((await h.deps.outbox.get(id!))?.status).toBe('sending');
    shiftMs += 61_000;
    expect(await delivery.deliver(id!)).toBe('sent');
    expect((await h.deps.outbox.get(id!))?.status).toBe('sent');
    const copies = (await h.mailbox()).filter(
      (m) => m.subject === message!.subject && m.destination.to.join() === message!.to.join(),
    );
    expect(copies).toHaveLength(1);
  });

  it('ends the Lambda workers’ runs cleanly while frozen, and the next runs deliver', async () => {
    shiftMs = 0;
    // The handlers build their dependencies from the configuration at load, here the harness's: load
    // them afresh, not as another file of this worker left them.
    vi.resetModules();
    vi.doMock('#functions/config.ts', async (original) => ({
      ...(await original<typeof import('#functions/config.ts')>()),
      loadConfig: () => ({ ...h.deps.config, logLevel: 'warn' }),
    }));
    const { handler: mailWorker } = await import('#functions/lambda/mail-worker.ts');
    const { handler: slaTimer } = await import('#functions/lambda/sla-timer.ts');
    const number = await file(anna, passwordReset);
    const ids = await outboxOf(number);
    expect(ids.length).toBeGreaterThan(0);
    const event = {
      Records: ids.map((id, i) => ({
        eventName: 'INSERT' as const,
        dynamodb: { Keys: { pk: { S: `OUTBOX#${id}` } }, SequenceNumber: String(i + 1) },
      })),
    };
    const written: string[] = [];
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });
    // Powertools writes warnings and errors to stderr (console.warn / console.error).
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });
    try {
      proxy.freeze();
      const batch = await timed(() => mailWorker(event));
      expect(batch.error).toBeUndefined();
      // No failures: the messages stay due in the outbox for the timer's sweep.
      expect(batch.value).toEqual({ batchItemFailures: [] });
      expect(batch.ms).toBeLessThan(API_LIMIT_MS);
      const run = await timed(() => slaTimer());
      expect(run.error).toBeUndefined();
      expect(run.value).toMatchObject({ unavailable: 1 });
      expect(run.ms).toBeLessThan(API_LIMIT_MS);
      const warnings = written.map((w) => JSON.parse(w) as { message: string; level: string });
      expect(warnings.map((w) => w.message)).toEqual(['mail.worker.unavailable', 'timer.run.unavailable']);

      // A network that lost what was sent while frozen: nothing was claimed, all is due now.
      proxy.thaw({ discard: true });
      const next = await slaTimer();
      expect(next).not.toHaveProperty('unavailable');
      expect(next.mailRetried).toBeGreaterThanOrEqual(ids.length);
    } finally {
      stdout.mockRestore();
      stderr.mockRestore();
      vi.doUnmock('#functions/config.ts');
    }
    for (const id of ids) expect((await h.deps.outbox.get(id))?.status).toBe('sent');
  });
});
