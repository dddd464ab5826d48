/**
 * DynamoDB Streams → delivers each new outbox message. A message that fails to send is rescheduled
 * with backoff in the outbox itself (the SLA timer job sweeps due retries), so only unexpected errors
 * are reported back as batch item failures.
 *
 * Unavailable storage ends the batch without failures: the messages stay due in the outbox (a claimed
 * one when its lease ends) and the timer job's sweep delivers them, where retrying the batch from the
 * stream would only meet the same outage five times and park it in the dead-letter queue.
 */

import { loadConfig } from '../config.ts';
import { createMailDeps } from '../core-deps.ts';
import { MailDelivery } from '../mail/delivery.ts';
import { lambdaObservability } from '../observability/lambda.ts';
import { onFirstUse } from '../on-first-use.ts';
import { isUnavailable } from '../storage/client.ts';
import { outboxIdOf } from '../storage/keys.ts';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from './stream-types.ts';

const config = loadConfig();
const observed = lambdaObservability(config);
const deps = createMailDeps(config, observed);
// Webhook delivery (signing, address checks) loads with the first webhook item: most runs only send mail.
const webhooks = onFirstUse(async () =>
  (await import('../webhooks/delivery.ts')).createWebhookDelivery(config, deps.db, deps.log),
);
const delivery = new MailDelivery(
  deps.outbox,
  deps.mailer,
  deps.log,
  () => new Date(),
  deps.metrics,
  webhooks,
  deps.notes,
);

export const handler = observed.handler(deliver);

async function deliver(event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> {
  const batchItemFailures: DynamoDBBatchResponse['batchItemFailures'] = [];
  for (const [index, record] of event.Records.entries()) {
    const pk = record.dynamodb?.Keys?.pk?.S;
    const id = outboxIdOf(pk);
    if (record.eventName !== 'INSERT' || id === undefined) continue;
    try {
      if ((await delivery.deliver(id)) === 'stalled') {
        deps.log.warn('mail.worker.stalled', { pk, left: event.Records.length - index - 1 });
        break;
      }
    } catch (error) {
      if (isUnavailable(error)) {
        deps.log.warn('mail.worker.unavailable', {
          pk,
          left: event.Records.length - index,
          error: (error as Error).message,
        });
        break;
      }
      deps.log.error('mail.worker.failed', { pk, error: (error as Error).message });
      if (record.dynamodb?.SequenceNumber) batchItemFailures.push({ itemIdentifier: record.dynamodb.SequenceNumber });
    }
  }
  return { batchItemFailures };
}
