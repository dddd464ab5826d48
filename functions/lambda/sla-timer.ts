/**
 * Runs every minute: raises due SLA events and retries outbox messages whose next attempt is due.
 */
import { loadConfig } from '../config.ts';
import { createDeps } from '../deps.ts';
import { MailDelivery } from '../mail/delivery.ts';

const deps = createDeps(loadConfig());
const delivery = new MailDelivery(deps.outbox, deps.mailer, deps.log);

export async function handler(): Promise<{ mailRetried: number }> {
  const mailRetried = await delivery.deliverDue(100);
  deps.log.info('timer.run', { mailRetried });
  return { mailRetried };
}
