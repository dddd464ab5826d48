/**
 * Delivers outbox messages: claim (lease) → send → mark sent, or schedule a retry with backoff.
 * Used by the stream-triggered Lambda in AWS and by the poller in the local stack.
 */
import type { Logger } from '../http/logger.ts';
import type { OutboxRepository } from '../repositories/outbox.ts';
import type { Mailer } from './ses.ts';

export type DeliveryResult = 'sent' | 'skipped' | 'retry';

export class MailDelivery {
  constructor(
    private readonly outbox: OutboxRepository,
    private readonly mailer: Mailer,
    private readonly log: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async deliver(id: string): Promise<DeliveryResult> {
    const entry = await this.outbox.claim(id, this.now());
    if (!entry) return 'skipped';
    try {
      const providerId = await this.mailer.send(entry);
      await this.outbox.markSent(id, this.now(), providerId);
      this.log.info('mail.sent', { messageId: id, event: entry.event, attempts: entry.attempts });
      return 'sent';
    } catch (error) {
      await this.outbox.markAttemptFailed(entry, this.now(), (error as Error).message ?? String(error));
      this.log.warn('mail.retry', { messageId: id, attempts: entry.attempts, error: (error as Error).message });
      return 'retry';
    }
  }

  /** Delivers whatever is due; returns how many were sent. */
  async deliverDue(limit = 25): Promise<number> {
    const ids = await this.outbox.due(this.now(), limit);
    let sent = 0;
    for (const id of ids) if ((await this.deliver(id)) === 'sent') sent++;
    return sent;
  }
}
