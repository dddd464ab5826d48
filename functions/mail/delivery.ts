/**
 * Delivers outbox messages: claim (lease) → send → mark sent, or schedule a retry with backoff.
 * Used by the stream-triggered Lambda in AWS and by the poller in the local stack.
 *
 * When storage fails (frozen, unreachable) the error ends the run: what was not claimed is still due,
 * and what was claimed comes back when its lease ends, so the next run finishes the work.
 */
import { type Note, notesOf } from '#shared/notes.ts';
import type { Logger } from '../observability/logger.ts';
import { type Metrics, noMetrics } from '../observability/metrics.ts';
import type { OutboxRepository } from '../repositories/outbox.ts';
import type { WebhookMessage } from '../repositories/webhooks.ts';
import { NoAnswerError } from '../storage/client.ts';
import type { Mailer } from './ses.ts';

function isWebhook(entry: object): entry is WebhookMessage {
  return (entry as { kind?: string }).kind === 'webhook';
}

/** `stalled`: SES gave no answer; the message is rescheduled and the run should stop. */
export type DeliveryResult = 'sent' | 'skipped' | 'retry' | 'stalled';

/** Messages sent whose "sent" mark storage did not take, remembered so a later claim does not send them again. */
const REMEMBERED_SENDS = 1_000;

export class MailDelivery {
  private readonly sentUnmarked = new Map<string, string | undefined>();

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly mailer: Mailer,
    private readonly log: Logger,
    private readonly now: () => Date = () => new Date(),
    /** MailsSent per message sent, MailsFailed per send SES refused or left unanswered. */
    private readonly metrics: Metrics = noMetrics,
    /** Outbox items of kind `webhook` go here (webhooks/delivery.ts). */
    private readonly webhooks?: { deliver(message: WebhookMessage): Promise<'sent' | 'skipped' | 'retry'> },
    /**
     * The message's readers get it in their notification list, written before the send so SES being
     * down does not hold it back (each note once: a retry finds it written).
     */
    private readonly notes?: { write(notes: readonly Note[]): Promise<void> },
  ) {}

  async deliver(id: string): Promise<DeliveryResult> {
    const entry = await this.outbox.claim(id, this.now());
    if (!entry) return 'skipped';
    // A process without a webhook sender leaves them alone: the lease runs out and one with a sender takes them.
    if (isWebhook(entry)) return this.webhooks ? this.webhooks.deliver(entry) : 'skipped';
    if (this.notes && entry.readers?.length) await this.notes.write(notesOf(entry));
    let providerId: string | undefined;
    if (this.sentUnmarked.has(id)) {
      providerId = this.sentUnmarked.get(id);
    } else {
      try {
        providerId = await this.mailer.send(entry);
      } catch (error) {
        this.metrics.count('MailsFailed');
        await this.outbox.markAttemptFailed(entry, this.now(), (error as Error).message ?? String(error));
        this.log.warn('mail.retry', { messageId: id, attempts: entry.attempts, error: (error as Error).message });
        return error instanceof NoAnswerError ? 'stalled' : 'retry';
      }
      this.remember(id, providerId);
      this.metrics.count('MailsSent');
    }
    await this.outbox.markSent(id, this.now(), providerId);
    this.sentUnmarked.delete(id);
    this.log.info('mail.sent', { messageId: id, event: entry.event, attempts: entry.attempts });
    return 'sent';
  }

  /**
   * Delivers whatever is due; returns how many were sent. Stops at the first send SES left unanswered:
   * every further message would wait just as long, and all of them are still due next run.
   */
  async deliverDue(limit = 25): Promise<number> {
    const ids = await this.outbox.due(this.now(), limit);
    let sent = 0;
    for (const id of ids) {
      const result = await this.deliver(id);
      if (result === 'sent') sent++;
      if (result === 'stalled') break;
    }
    return sent;
  }

  private remember(id: string, providerId: string | undefined): void {
    if (this.sentUnmarked.size >= REMEMBERED_SENDS) {
      const oldest = this.sentUnmarked.keys().next();
      if (!oldest.done) this.sentUnmarked.delete(oldest.value);
    }
    this.sentUnmarked.set(id, providerId);
  }
}
