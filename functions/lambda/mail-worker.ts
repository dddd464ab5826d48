/**
 * DynamoDB Streams → delivers each new outbox message. A message that fails to send is rescheduled
 * with backoff in the outbox itself (the SLA timer job sweeps due retries), so only unexpected errors
 * are reported back as batch item failures.
 */

import { loadConfig } from '../config.ts';
import { createMailDeps } from '../core-deps.ts';
import { MailDelivery } from '../mail/delivery.ts';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from './stream-types.ts';

const deps = createMailDeps(loadConfig());
const delivery = new MailDelivery(deps.outbox, deps.mailer, deps.log);

export async function handler(event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> {
  const batchItemFailures: DynamoDBBatchResponse['batchItemFailures'] = [];
  for (const record of event.Records) {
    const pk = record.dynamodb?.Keys?.pk?.S;
    if (record.eventName !== 'INSERT' || !pk?.startsWith('OUTBOX#')) continue;
    try {
      await delivery.deliver(pk.slice('OUTBOX#'.length));
    } catch (error) {
      deps.log.error('mail.worker.failed', { pk, error: (error as Error).message });
      if (record.dynamodb?.SequenceNumber) batchItemFailures.push({ itemIdentifier: record.dynamodb.SequenceNumber });
    }
  }
  return { batchItemFailures };
}
