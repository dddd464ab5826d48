/**
 * Runs every minute (EventBridge Scheduler): raises due SLA warnings and breaches, closes resolved
 * orders whose reopen window has passed, queues each head's daily digest once a day, and retries
 * outbox mail whose next attempt is due.
 *
 * Unavailable storage ends the run after about a second, logged once, and the invocation succeeds:
 * every step is idempotent and reads only what is due, so the next minute's run does what this one
 * could not (a failed invocation would only be retried into the same outage).
 */
import { loadConfig } from '../config.ts';
import { createCoreDeps } from '../core-deps.ts';
import { MailDelivery } from '../mail/delivery.ts';
import { lambdaObservability } from '../observability/lambda.ts';
import { countTimerRun } from '../observability/metrics.ts';
import { onFirstUse } from '../on-first-use.ts';
import { isUnavailable } from '../storage/client.ts';

const config = loadConfig();
const observed = lambdaObservability(config);
const deps = createCoreDeps(config, observed);
// Webhook delivery (signing, address checks) loads with the first webhook item: most runs only send mail.
const webhooks = onFirstUse(async () =>
  (await import('../webhooks/delivery.ts')).createWebhookDelivery(config, deps.db, deps.log, deps.now),
);
const delivery = new MailDelivery(deps.outbox, deps.mailer, deps.log, deps.now, deps.metrics, webhooks, deps.notes);

export const handler = observed.handler(run);

async function run(): Promise<Record<string, number>> {
  const result: Record<string, number> = {};
  let step = 'timers';
  try {
    const timers = await deps.slaTimers.run();
    countTimerRun(deps.metrics, timers);
    Object.assign(result, timers);
    step = 'digests';
    result.digests = await deps.digest.run();
    step = 'mail';
    result.mailRetried = await delivery.deliverDue(100);
  } catch (error) {
    if (!isUnavailable(error)) throw error;
    deps.log.warn('timer.run.unavailable', { step, ...result, error: (error as Error).message });
    return { ...result, unavailable: 1 };
  }
  deps.log.info('timer.run', result);
  return result;
}
