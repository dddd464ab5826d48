/**
 * Background loops of the local stack: the outbox poller (in AWS: the stream-triggered mail worker)
 * the SLA timer (in AWS: the every-minute schedule) and the retention job (in AWS: once a day). Each run finishes before the next starts.
 *
 * A run that meets unavailable storage ends with the error (each call gives up within about a
 * second) and the next run does the work. An outage is logged once per loop, and once when it ends;
 * a loop whose run is still going queues one more run at the most, never a line of them.
 *
 * In AWS the outbox's stream starts the mail worker as soon as mail is written; here the server
 * calls `deliverSoon` after each request that may have written, and the poll is only the safety net
 * for writes that come another way.
 */
import type { Deps } from '../deps.ts';
import { MailDelivery } from '../mail/delivery.ts';
import { countTimerRun } from '../observability/metrics.ts';
import { isUnavailable } from '../storage/client.ts';
import { createWebhookDelivery } from '../webhooks/delivery.ts';

export interface Workers {
  stop(): Promise<void>;
  /** Mail may have been written: deliver it now, after the run under way if there is one. */
  deliverSoon(): void;
  /** Runs one round of every loop now (tests use it instead of waiting). */
  tick(): Promise<void>;
}

export function startWorkers(
  deps: Deps,
  opts: {
    mailEveryMs?: number;
    timersEveryMs?: number;
    /** The loops run only once this has settled (the local stack: after the demo history is filed). */
    startAfter?: Promise<unknown>;
  } = {},
): Workers {
  const { log } = deps;
  const delivery = new MailDelivery(
    deps.outbox,
    deps.mailer,
    deps.log.child({ worker: 'mail' }),
    deps.now,
    deps.metrics,
    createWebhookDelivery(deps.config, deps.db, deps.log.child({ worker: 'webhooks' }), deps.now),
    deps.notes,
  );
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  let started = opts.startAfter === undefined;
  const start = () => {
    started = true;
  };
  opts.startAfter?.then(start, start);

  const guarded = (worker: string, body: () => Promise<unknown>) => {
    let down = false;
    return async () => {
      try {
        await body();
        if (down) log.info('worker.recovered', { worker });
        down = false;
      } catch (error) {
        if (!isUnavailable(error)) {
          log.error('worker.failed', { worker, error: (error as Error).message });
        } else if (!down) {
          down = true;
          log.warn('worker.unavailable', { worker, error: (error as Error).message });
        }
      }
    };
  };
  const mailRound = guarded('mail', () => delivery.deliverDue(50));
  // The retention job runs once a day in AWS; here with the first timer round of each day.
  let retentionDay = '';
  const timerRound = guarded('sla-timer', async () => {
    countTimerRun(deps.metrics, await deps.slaTimers.run());
    await deps.digest.run();
    const day = deps.now().toISOString().slice(0, 10);
    if (day !== retentionDay) {
      await deps.privacyWorkflow.retention();
      retentionDay = day;
    }
  });
  const round = async () => {
    await timerRound();
    await mailRound();
  };
  /** Runs `body` after whatever runs now; a call while a run is queued and not yet started joins it. */
  const serial = (body: () => Promise<void>) => {
    let queued = false;
    return () => {
      if (stopped || !started || queued) return;
      queued = true;
      running = running.then(() => {
        queued = false;
        return body();
      });
    };
  };
  const deliverSoon = serial(mailRound);
  // Timers write reminders and breach notices: their mail goes out right after them.
  const runTimers = serial(async () => {
    await timerRound();
    deliverSoon();
  });
  const loop = (everyMs: number, run: () => void) => {
    const timer = setInterval(run, everyMs);
    timer.unref();
    return timer;
  };
  const timers = [loop(opts.mailEveryMs ?? 1000, deliverSoon), loop(opts.timersEveryMs ?? 10_000, runTimers)];
  return {
    async stop() {
      stopped = true;
      for (const t of timers) clearInterval(t);
      await running;
    },
    deliverSoon,
    async tick() {
      running = running.then(round);
      await running;
    },
  };
}
