/**
 * Background loops of the local stack: the outbox poller (in AWS: the stream-triggered mail worker)
 * and the SLA timer (in AWS: the every-minute schedule). Each run finishes before the next starts.
 */
import type { Deps } from '../deps.ts';
import { MailDelivery } from '../mail/delivery.ts';

export interface Workers {
  stop(): Promise<void>;
  /** Runs one round of every loop now (tests use it instead of waiting). */
  tick(): Promise<void>;
}

export function startWorkers(deps: Deps, opts: { mailEveryMs?: number; timersEveryMs?: number } = {}): Workers {
  const delivery = new MailDelivery(deps.outbox, deps.mailer, deps.log.child({ worker: 'mail' }), deps.now);
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;

  const guarded = (name: string, body: () => Promise<unknown>) => async () => {
    try {
      await body();
    } catch (error) {
      deps.log.error('worker.failed', { worker: name, error: (error as Error).message });
    }
  };
  const mailRound = guarded('mail', () => delivery.deliverDue(50));
  const timerRound = guarded('sla-timer', async () => {
    await deps.slaTimers.run();
    await deps.digest.run();
  });
  const round = async () => {
    await timerRound();
    await mailRound();
  };
  const loop = (everyMs: number, body: () => Promise<void>) => {
    const timer = setInterval(() => {
      if (stopped) return;
      running = running.then(body);
    }, everyMs);
    timer.unref();
    return timer;
  };
  const timers = [loop(opts.mailEveryMs ?? 1000, mailRound), loop(opts.timersEveryMs ?? 10_000, timerRound)];
  return {
    async stop() {
      stopped = true;
      for (const t of timers) clearInterval(t);
      await running;
    },
    async tick() {
      running = running.then(round);
      await running;
    },
  };
}
