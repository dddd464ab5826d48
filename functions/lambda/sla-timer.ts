/**
 * Runs every minute (EventBridge Scheduler): raises due SLA warnings and breaches, closes resolved
 * orders whose reopen window has passed, queues each head's daily digest once a day, and retries
 * outbox mail whose next attempt is due.
 */
import { loadConfig } from '../config.ts';
import { createCoreDeps } from '../core-deps.ts';
import { MailDelivery } from '../mail/delivery.ts';

const deps = createCoreDeps(loadConfig());
const delivery = new MailDelivery(deps.outbox, deps.mailer, deps.log);

export async function handler(): Promise<Record<string, number>> {
  const timers = await deps.slaTimers.run();
  const digests = await deps.digest.run();
  const mailRetried = await delivery.deliverDue(100);
  const result = { ...timers, digests, mailRetried };
  deps.log.info('timer.run', result);
  return result;
}
