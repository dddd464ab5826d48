/**
 * The mail outbox. Messages are written in the same transaction as the change that causes them and
 * delivered later by the mail worker, so nothing is lost when SES is down.
 * Access patterns: message by id (GetItem OUTBOX#id/MESSAGE); messages due for (re)delivery
 * (Query dueWork OUTBOX, gsi3sk <= now); failed messages (Query dueWork OUTBOX_FAILED); a message
 * about an order queued before such mail was listed under its order (operator backfill): UpdateItem
 * setting `MAILS#number` (byCollection), on condition that it is still unlisted.
 * Delivery claims a message with a lease (conditional update), so two workers never send it at once.
 */
import { GetCommand, TransactWriteCommand, type TransactWriteCommandInput, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { MailMessage } from '#shared/model.ts';
import type { Db } from '../storage/client.ts';
import { fromItem, keys, partitions } from '../storage/keys.ts';
import { inPartition, queryPage } from '../storage/query-all.ts';
import { updatedWhere, updateWhere } from './conditional.ts';

export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed';

export interface OutboxEntry extends MailMessage {
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: string;
  createdAt: string;
  sentAt?: string;
  lastError?: string;
  providerMessageId?: string;
}

export const MAX_ATTEMPTS = 8;
/**
 * The most messages `markManySent` marks at once. A transaction takes 100 actions, but DynamoDB Local on
 * a busy disk may take longer than an attempt's deadline (STORAGE_BUDGET.attemptMs) over 100 updates;
 * 25 is the size of the larger order transactions.
 */
export const MANY_SENT = 25;
const LEASE_MS = 60_000;

export function outboxItem(message: MailMessage, now: string): Record<string, unknown> {
  return {
    ...keys.outboxMessage(message.id),
    ...keys.outboxPending(now, message.id),
    // Mail about an order is listed with it, for the export and erasure of the people it went to.
    ...(message.orderNumber ? keys.mailOfOrder(message.orderNumber, now, message.id) : {}),
    type: 'outbox',
    ...message,
    status: 'pending',
    attempts: 0,
    nextAttemptAt: now,
    createdAt: now,
  };
}

/**
 * The writes that queue `message` at most once a day: `marker` records the day it was queued, and
 * the transaction fails (a condition failure) when the marker already holds this day.
 */
export function oncePerDay(
  tableName: string,
  marker: Record<string, unknown>,
  day: string,
  message: MailMessage,
  now: string,
): NonNullable<TransactWriteCommandInput['TransactItems']> {
  return [
    {
      Put: {
        TableName: tableName,
        Item: { ...marker, day },
        ConditionExpression: 'attribute_not_exists(pk) OR #day < :day',
        ExpressionAttributeNames: { '#day': 'day' },
        ExpressionAttributeValues: { ':day': day },
      },
    },
    { Put: { TableName: tableName, Item: outboxItem(message, now), ConditionExpression: 'attribute_not_exists(pk)' } },
  ];
}

/** Exponential backoff: 30 s, 1 min, 2 min … capped at 1 h. */
export function retryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

/**
 * Lists an outbox message in one more list (the key attributes of one index, such as its order's
 * list), only while it is there and not yet in that list. Answers whether this call listed it.
 */
export function listOnce(
  db: Pick<Db, 'doc' | 'tableName'>,
  id: string,
  listing: { gsi1pk: string; gsi1sk: string } | { gsi2pk: string; gsi2sk: string },
): Promise<boolean> {
  const [pk, sk] = 'gsi1pk' in listing ? (['gsi1pk', 'gsi1sk'] as const) : (['gsi2pk', 'gsi2sk'] as const);
  const values = listing as Record<typeof pk | typeof sk, string>;
  return updateWhere(db, {
    Key: keys.outboxMessage(id),
    UpdateExpression: `SET ${pk} = :pk, ${sk} = :sk`,
    ConditionExpression: `attribute_exists(pk) AND attribute_not_exists(${pk})`,
    ExpressionAttributeValues: { ':pk': values[pk], ':sk': values[sk] },
  });
}

export class OutboxRepository {
  constructor(private readonly db: Db) {}

  /**
   * Lists a message about an order, queued before such mail was listed under its order (the
   * operator's backfill, workflows/backfill-privacy-keys.ts), as outboxItem lists it; only while it is
   * unlisted (a message already gone stays gone). Answers whether this call listed it.
   */
  async listUnderOrder(mail: { id: string; orderNumber: string; createdAt: string }): Promise<boolean> {
    return listOnce(this.db, mail.id, keys.mailOfOrder(mail.orderNumber, mail.createdAt, mail.id));
  }

  async get(id: string): Promise<OutboxEntry | undefined> {
    const { Item } = await this.db.doc.send(
      new GetCommand({ TableName: this.db.tableName, Key: keys.outboxMessage(id) }),
    );
    return Item ? fromItem<OutboxEntry>(Item) : undefined;
  }

  /**
   * Queues a department's daily message unless it was queued today already (the digest record and
   * the message are written together). Returns whether it was queued.
   */
  async enqueueOncePerDay(department: string, day: string, message: MailMessage, now: string): Promise<boolean> {
    try {
      await this.db.doc.send(
        new TransactWriteCommand({
          TransactItems: oncePerDay(
            this.db.tableName,
            { ...keys.digestSent(department), type: 'digest' },
            day,
            message,
            now,
          ),
        }),
      );
      return true;
    } catch (error) {
      if ((error as Error).name === 'TransactionCanceledException') return false;
      throw error;
    }
  }

  /** Ids of messages whose next attempt is due. */
  async due(now: Date, limit = 25): Promise<string[]> {
    const out = await queryPage(this.db, {
      ...inPartition(partitions.outboxDue(), { upTo: `${now.toISOString()}#~` }),
      Limit: limit,
      ProjectionExpression: 'id',
    });
    return (out.Items ?? []).map((item) => item.id as string);
  }

  async failed(limit = 50): Promise<OutboxEntry[]> {
    const out = await queryPage(this.db, { ...inPartition(partitions.outboxFailed()), Limit: limit });
    return (out.Items ?? []).map((item) => fromItem<OutboxEntry>(item));
  }

  /** Takes the message for delivery; returns it, or undefined when it is not due or someone else holds it. */
  async claim(id: string, now: Date): Promise<OutboxEntry | undefined> {
    const leaseUntil = new Date(now.getTime() + LEASE_MS).toISOString();
    const claimed = await updatedWhere(this.db, {
      Key: keys.outboxMessage(id),
      UpdateExpression: 'SET #status = :sending, nextAttemptAt = :lease, gsi3sk = :sk ADD attempts :one',
      ConditionExpression: 'gsi3pk = :outbox AND nextAttemptAt <= :now',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: {
        ':sending': 'sending',
        ':lease': leaseUntil,
        ':sk': keys.outboxPending(leaseUntil, id).gsi3sk,
        ':one': 1,
        ':outbox': partitions.outboxDue().gsi3pk,
        ':now': now.toISOString(),
      },
    });
    return claimed ? fromItem<OutboxEntry>(claimed) : undefined;
  }

  async markSent(id: string, now: Date, providerMessageId: string | undefined): Promise<void> {
    await this.db.doc.send(new UpdateCommand(this.sentUpdate(id, now, providerMessageId)));
  }

  /**
   * Marks up to MANY_SENT messages as sent in one transaction: one write instead of one per message
   * (the local stack's history, whose past mail is never sent, marks ~940 of them).
   */
  async markManySent(ids: string[], now: Date, providerMessageId: string | undefined): Promise<void> {
    if (ids.length === 0) return;
    if (ids.length > MANY_SENT) throw new Error(`markManySent takes at most ${MANY_SENT} messages, not ${ids.length}.`);
    await this.db.doc.send(
      new TransactWriteCommand({
        TransactItems: ids.map((id) => ({ Update: this.sentUpdate(id, now, providerMessageId) })),
      }),
    );
  }

  private sentUpdate(id: string, now: Date, providerMessageId: string | undefined) {
    return {
      TableName: this.db.tableName,
      Key: keys.outboxMessage(id),
      UpdateExpression: 'SET #status = :sent, sentAt = :now, providerMessageId = :pid REMOVE gsi3pk, gsi3sk',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':sent': 'sent', ':now': now.toISOString(), ':pid': providerMessageId ?? null },
    };
  }

  /** Schedules a retry with backoff, or parks the message as failed (still listed) after MAX_ATTEMPTS. */
  async markAttemptFailed(entry: OutboxEntry, now: Date, error: string): Promise<void> {
    const giveUp = entry.attempts >= MAX_ATTEMPTS;
    const next = new Date(now.getTime() + retryDelayMs(entry.attempts)).toISOString();
    const index = (giveUp ? keys.outboxFailed : keys.outboxPending)(next, entry.id);
    await this.db.doc.send(
      new UpdateCommand({
        TableName: this.db.tableName,
        Key: keys.outboxMessage(entry.id),
        UpdateExpression:
          'SET #status = :status, lastError = :error, nextAttemptAt = :next, gsi3pk = :pk, gsi3sk = :sk',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':status': giveUp ? 'failed' : 'pending',
          ':error': error.slice(0, 1000),
          ':next': next,
          ':pk': index.gsi3pk,
          ':sk': index.gsi3sk,
        },
      }),
    );
  }
}
