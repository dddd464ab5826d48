import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MANY_SENT } from '#functions/repositories/outbox.ts';
import type { OrderSummary, OrderView, Page } from '#shared/api.ts';
import { freePort } from '../../scripts/local/ports.ts';
import { readMailbox, startSesLocal } from '../../scripts/local/ses.ts';
import { type Caller, createHarness, type Harness } from './harness.ts';

/** A clock the test moves by hand. */
let now = new Date('2026-11-24T10:00:00Z');
const clock = () => new Date(now);
const advance = (minutes: number) => {
  now = new Date(now.getTime() + minutes * 60_000);
};

let h: Harness;
let anna: Caller;
let ivan: Caller;

beforeAll(async () => {
  h = await createHarness({ now: clock });
  anna = await h.as('anna');
  ivan = await h.as('ivan');
});
afterAll(() => h?.close());

const reset = { serviceId: 'it-password', answers: { account: 'VPN', what: 'Password', phone: '+48 600 100 200' } };

async function timeline(number: string) {
  return (await ivan.json<OrderView>('GET', `/api/v1/orders/${number}`)).body;
}

describe('SLA clocks and timers on DynamoDB Local', () => {
  it('keeps both clocks on the order with due times from the standard', async () => {
    const { body } = await anna.json<OrderView>('POST', '/api/v1/orders', reset);
    const { clocks } = body.order;
    // 24×7 standard: first response 3 min, resolution 5 min, warning at 60 %.
    expect(clocks?.firstResponse).toMatchObject({
      targetMinutes: 3,
      dueAt: '2026-11-24T10:03:00.000Z',
      warnAt: '2026-11-24T10:01:48.000Z',
      standardVersion: 1,
    });
    expect(clocks?.resolution.dueAt).toBe('2026-11-24T10:05:00.000Z');
    expect(body.order.promisedAt).toBe('2026-11-24T10:05:00.000Z');
    expect(body.sla).toMatchObject({ state: 'running', clock: 'first_response', minutesLeft: 3 });
  });

  it('raises each warning and breach exactly once, even when the job runs twice at the same time', async () => {
    const { body } = await anna.json<OrderView>('POST', '/api/v1/orders', reset);
    const number = body.order.number;

    advance(1);
    await h.deps.slaTimers.run();
    expect((await timeline(number)).timeline.filter((e) => e.kind.startsWith('sla_'))).toHaveLength(0);

    advance(1); // 2 min: first response is past 60 %
    const runs = await Promise.all([h.deps.slaTimers.run(), h.deps.slaTimers.run(), h.deps.slaTimers.run()]);
    expect(runs.reduce((n, r) => n + r.warnings, 0)).toBeGreaterThanOrEqual(1);
    let view = await timeline(number);
    expect(view.timeline.filter((e) => e.kind === 'sla_warning')).toHaveLength(1);
    expect(view.sla?.state).toBe('warning');

    advance(1.5); // 3.5 min: first response breached, resolution warned
    await Promise.all([h.deps.slaTimers.run(), h.deps.slaTimers.run()]);
    advance(2); // 5.5 min: resolution breached
    await Promise.all([h.deps.slaTimers.run(), h.deps.slaTimers.run()]);
    await h.deps.slaTimers.run();
    view = await timeline(number);
    const kinds = view.timeline
      .filter((e) => e.kind.startsWith('sla_'))
      .map((e) => `${e.kind}:${e.clock}:${e.actorId}:${e.comment ?? ''}`);
    expect(kinds.sort()).toEqual(
      [
        // Which standard, as a code the reader's language words; no English stored on the order.
        'sla_breach:first_response:ordo:',
        'sla_breach:resolution:ordo:',
        'sla_warning:first_response:ordo:',
        'sla_warning:resolution:ordo:',
      ].sort(),
    );
    expect(view.sla?.state).toBe('breached');
    // The requester does not see the team's escalations.
    const seen = await anna.json<OrderView>('GET', `/api/v1/orders/${number}`);
    expect(seen.body.timeline.some((e) => e.kind.startsWith('sla_'))).toBe(false);

    await h.deliverMail();
    const mail = (await h.mailbox()).filter((m) => m.subject.includes(number));
    const breach = mail.filter((m) => m.subject.startsWith('Standard missed'));
    expect(breach).toHaveLength(2);
    // Nobody holds the order yet: the breach goes to the process owner (Ivan) and the head (Iris).
    expect(breach[0]?.destination.to.sort()).toEqual(['iris.chen@example.com', 'ivan.petrov@example.com']);
    const warning = mail.filter((m) => m.subject.startsWith('At risk'));
    expect(warning.map((m) => m.destination.to)).toEqual([['it-team@example.com'], ['it-team@example.com']]);
  });

  it('pauses while waiting for the customer and moves the due time by the paused time', async () => {
    const { body } = await anna.json<OrderView>('POST', '/api/v1/orders', reset);
    const number = body.order.number;
    const act = async (who: Caller, payload: Record<string, unknown>) => {
      const v = (await who.json<OrderView>('GET', `/api/v1/orders/${number}`)).body.order.version;
      return who.json<OrderView>('POST', `/api/v1/orders/${number}/transitions`, { version: v, ...payload });
    };
    advance(1);
    const claimed = await act(ivan, { action: 'claim' });
    expect(claimed.body.order.clocks?.firstResponse).toMatchObject({ outcome: 'met' });
    const dueBefore = claimed.body.order.clocks?.resolution.dueAt;
    const asked = await act(ivan, { action: 'request_clarification', comment: 'Which VPN profile?' });
    expect(asked.body.sla?.state).toBe('paused');
    advance(30);
    await h.deps.slaTimers.run();
    const answered = await act(anna, { action: 'answer_clarification', comment: 'The Warsaw one.' });
    const dueAfter = answered.body.order.clocks?.resolution.dueAt;
    expect(Date.parse(dueAfter!) - Date.parse(dueBefore!)).toBe(30 * 60_000);
    expect(answered.body.order.clocks?.resolution.pausedMinutes).toBe(30);
    expect((await timeline(number)).timeline.some((e) => e.kind === 'sla_breach')).toBe(false);
  });

  it('sorts the queue by what is due first', async () => {
    const laptop = await anna.json<OrderView>('POST', '/api/v1/orders', {
      serviceId: 'it-access',
      answers: { system: 'CRM', role: 'viewer', reason: 'I need to read accounts' },
    });
    const urgent = await anna.json<OrderView>('POST', '/api/v1/orders', reset);
    const queue = await ivan.json<Page<OrderSummary>>('GET', '/api/v1/departments/IT/queue?limit=100');
    const numbers = queue.body.items.map((o) => o.number);
    expect(numbers.indexOf(urgent.body.order.number)).toBeLessThan(numbers.indexOf(laptop.body.order.number));
    const dues = queue.body.items.filter((o) => o.nextDueAt).map((o) => o.nextDueAt!);
    expect(dues).toEqual([...dues].sort());
    expect(queue.body.items.find((o) => o.number === urgent.body.order.number)?.sla?.state).toBeDefined();
  });

  it('records time per stage and holder, and closes a resolved order after five working days', async () => {
    const { body } = await anna.json<OrderView>('POST', '/api/v1/orders', reset);
    const number = body.order.number;
    const v = () => ivan.json<OrderView>('GET', `/api/v1/orders/${number}`).then((r) => r.body.order.version);
    await ivan.json('POST', `/api/v1/orders/${number}/transitions`, { version: await v(), action: 'claim' });
    advance(4);
    await ivan.json('POST', `/api/v1/orders/${number}/deliverables/reset`, { version: await v(), done: true });
    const resolved = await ivan.json<OrderView>('POST', `/api/v1/orders/${number}/transitions`, {
      version: await v(),
      action: 'resolve',
    });
    const holds = resolved.body.order.holds ?? [];
    expect(holds.map((x) => [x.assigneeId ?? null, x.calendarMinutes])).toEqual([
      [null, 0],
      ['ivan', 4],
    ]);
    expect(resolved.body.order.autoCloseAt).toBeDefined();
    advance(10 * 24 * 60); // five working days on the IT office calendar pass within ten calendar days
    const run = await h.deps.slaTimers.run();
    expect(run.autoClosed).toBeGreaterThanOrEqual(1);
    expect((await timeline(number)).order.status).toBe('closed');
  });
});

describe('standards with an effective date (SPEC §14.4)', () => {
  it('measures orders filed before the date against the old standard and after it against the new one', async () => {
    const iris = await h.as('iris');
    const current = (
      await iris.json<Record<string, unknown> & { version: number }>('GET', '/api/v1/services/it-password')
    ).body;
    const {
      id: _id,
      department: _d,
      status: _s,
      updatedAt: _u,
      ownerName: _o,
      promisedAt: _p,
      publication: _n,
      ...body
    } = current;
    const tomorrow = new Date(now.getTime() + 86_400_000).toISOString().slice(0, 10);
    const saved = await iris.json<{ version: number; publication: number }>('PUT', '/api/v1/services/it-password', {
      ...body,
      scheduledStandard: {
        effectiveFrom: tomorrow,
        standard: { firstResponseMinutes: 10, resolutionMinutes: 30, warningAt: 0.8, always: true },
      },
    });
    expect(saved.status).toBe(200);
    const before = await anna.json<OrderView>('POST', '/api/v1/orders', reset);
    // Standards are named by the version people see: the count of publications.
    expect(before.body.order).toMatchObject({ standardRef: `v${saved.body.publication}` });
    expect(before.body.order.clocks?.resolution.targetMinutes).toBe(5);

    advance(24 * 60);
    const after = await anna.json<OrderView>('POST', '/api/v1/orders', reset);
    expect(after.body.order).toMatchObject({ standardRef: `v${saved.body.publication} from ${tomorrow}` });
    expect(after.body.order.clocks?.resolution.targetMinutes).toBe(30);
    // The earlier order keeps what it was filed under.
    const again = await ivan.json<OrderView>('GET', `/api/v1/orders/${before.body.order.number}`);
    expect(again.body.order.clocks?.resolution.targetMinutes).toBe(5);
  });
});

describe('mail marked sent without sending (the local history)', () => {
  it('marks a page of messages sent in one write and leaves them out of the due list', async () => {
    await anna.json<OrderView>('POST', '/api/v1/orders', reset);
    const far = new Date('2100-01-01T00:00:00Z');
    const due = await h.deps.outbox.due(far, MANY_SENT);
    expect(due.length).toBeGreaterThanOrEqual(2);
    h.deps.db.calls.reset();
    await h.deps.outbox.markManySent(due, new Date('2026-12-01T08:00:00Z'), 'history-not-sent');
    expect(h.deps.db.calls.snapshot()).toEqual({ TransactWriteItemsCommand: 1 });
    for (const id of due) {
      expect(await h.deps.outbox.get(id)).toMatchObject({
        status: 'sent',
        sentAt: '2026-12-01T08:00:00.000Z',
        providerMessageId: 'history-not-sent',
      });
    }
    const left = await h.deps.outbox.due(far, 1_000);
    expect(left.filter((id) => due.includes(id))).toEqual([]);
    await expect(
      h.deps.outbox.markManySent(
        Array.from({ length: MANY_SENT + 1 }, (_, i) => `x${i}`),
        new Date(),
        undefined,
      ),
    ).rejects.toThrow(/at most/);
  });
});

describe('mail while SES is down', () => {
  it('keeps every message until SES is back, then delivers each exactly once', async () => {
    const port = await freePort();
    let ses = await startSesLocal({ port });
    const own = await createHarness({ sesEndpoint: ses.endpoint });
    try {
      const a = await own.as('anna');
      await ses.stop();
      const numbers: string[] = [];
      for (let i = 0; i < 3; i++) {
        const created = await a.json<OrderView>('POST', '/api/v1/orders', reset);
        numbers.push(created.body.order.number);
      }
      await own.deliverMail(); // SES is down: attempts fail and are rescheduled, nothing is lost
      const pending = await own.deps.outbox.due(new Date(Date.now() + 3_600_000), 100);
      expect(pending.length).toBeGreaterThanOrEqual(6);
      const sample = await own.deps.outbox.get(pending[0]!);
      expect(sample).toMatchObject({ status: 'pending', attempts: 1 });
      expect(sample?.lastError).toBeTruthy();

      ses = await startSesLocal({ port });
      // Retries are due after their backoff; deliver as if that time had come.
      const later = new Date(Date.now() + 3_600_000);
      const { MailDelivery } = await import('#functions/mail/delivery.ts');
      const delivery = new MailDelivery(own.deps.outbox, own.deps.mailer, own.deps.log, () => later);
      await delivery.deliverDue(100);
      await delivery.deliverDue(100);
      const mail = await readMailbox(ses.endpoint);
      for (const number of numbers) {
        expect(mail.filter((m) => m.subject.startsWith(`We received your order ${number} `))).toHaveLength(1);
        expect(mail.filter((m) => m.subject.startsWith(`New order in the queue: ${number}`))).toHaveLength(1);
      }
    } finally {
      await own.close();
      await ses.stop();
    }
  });
});
