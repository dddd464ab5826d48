/**
 * Webhook subscriptions, their events in the outbox and their delivery log.
 * Access patterns:
 * - subscriptions of a department: Query pk = DEPT#code, sk begins_with WEBHOOK# (cached 30 s per
 *   process for the order writes that fan events out; a change made here clears it)
 * - one subscription: GetItem DEPT#code / WEBHOOK#id
 * - an event to deliver: an outbox item (OUTBOX#id / MESSAGE, kind `webhook`), written in the order's
 *   own transaction, due in dueWork like mail; while undelivered it is also in its lane (byCollection
 *   WHLANE#sub#order, sorted by the order's version), so a delivery can see whether an earlier event
 *   of the same order is still waiting (Query, Limit 1)
 * - events held while a subscription is paused: dueWork WEBHOOK_HELD#sub (Query on resume)
 * - delivery log: pk WEBHOOK#sub, sk at#message (Query, newest first, Limit 50; expires after 30 days)
 * - an order's events, delivered or not (a person's erasure, retention): Query queueByDue WEBHOOKS#number
 * - an event queued before that listing (operator backfill): UpdateItem OUTBOX#id / MESSAGE setting it,
 *   on condition that it is still unlisted
 */
import { DeleteCommand, GetCommand, PutCommand, type TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import {
  type WebhookDeliveryLog,
  type WebhookEvent,
  type WebhookPayload,
  type WebhookSubscription,
  webhookEventsOf,
  webhookPayload,
} from '#shared/integrations.ts';
import type { MailMessage, Order, TimelineEvent } from '#shared/model.ts';
import type { Db } from '../storage/client.ts';
import { fromItem, keys, partitions } from '../storage/keys.ts';
import { inPartition, queryAll, queryPage } from '../storage/query-all.ts';
import { putNew, updatedWhere, updateWhere } from './conditional.ts';
import { listOnce, outboxItem } from './outbox.ts';

export interface StoredSubscription extends WebhookSubscription {
  /** The signing secret (`whsec_…`); never leaves the repository except to the sender. */
  secret: string;
}

/** A webhook event in the outbox, as the delivery claims it. */
export interface WebhookMessage {
  id: string;
  kind: 'webhook';
  event: WebhookPayload['type'];
  subscriptionId: string;
  department: string;
  orderNumber?: string;
  /** Position among the order's events (order version, event index), for ordering. */
  seq?: string;
  /** The JSON body, signed as is. */
  payload: string;
  status: 'pending' | 'sending' | 'sent' | 'failed' | 'held' | 'dropped';
  attempts: number;
  nextAttemptAt: string;
  createdAt: string;
}

const SUBSCRIPTIONS_CACHE_MS = 30_000;
const LOG_DAYS = 30;
type TransactItems = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>;

function publicView(stored: StoredSubscription): WebhookSubscription {
  const { secret: _secret, ...subscription } = stored;
  return subscription;
}

export function webhookMessageId(subscriptionId: string, order: Order, index: number, event: WebhookEvent): string {
  return `wh.${subscriptionId}.${order.number}.${order.version}.${index}.${event}`;
}

export function seqOf(order: Pick<Order, 'version'>, index: number, k: number): string {
  return `${String(order.version).padStart(8, '0')}#${String(index).padStart(3, '0')}#${k}`;
}

export class WebhookRepository {
  private readonly cache = new Map<string, { subs: StoredSubscription[]; until: number }>();

  constructor(
    private readonly db: Db,
    private readonly clock: () => number = Date.now,
  ) {}

  async get(department: string, id: string): Promise<StoredSubscription | undefined> {
    const { Item } = await this.db.doc.send(
      new GetCommand({ TableName: this.db.tableName, Key: keys.webhookSubscription(department, id) }),
    );
    return Item ? fromItem<StoredSubscription>(Item) : undefined;
  }

  async ofDepartment(department: string): Promise<StoredSubscription[]> {
    const where = partitions.webhooksOfDepartment(department);
    const out = await queryPage(this.db, inPartition(where));
    return (out.Items ?? []).map((item) => fromItem<StoredSubscription>(item));
  }

  async list(department: string): Promise<WebhookSubscription[]> {
    return (await this.ofDepartment(department)).map(publicView);
  }

  async create(subscription: StoredSubscription): Promise<WebhookSubscription> {
    await this.db.doc.send(
      new PutCommand({
        TableName: this.db.tableName,
        Item: {
          ...keys.webhookSubscription(subscription.department, subscription.id),
          type: 'webhookSubscription',
          ...subscription,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    this.cache.delete(subscription.department);
    return publicView(subscription);
  }

  async remove(department: string, id: string): Promise<boolean> {
    const out = await this.db.doc.send(
      new DeleteCommand({
        TableName: this.db.tableName,
        Key: keys.webhookSubscription(department, id),
        ReturnValues: 'ALL_OLD',
      }),
    );
    this.cache.delete(department);
    return out.Attributes !== undefined;
  }

  /** Pauses or resumes; answers the subscription, or undefined when there is none. */
  async setStatus(
    department: string,
    id: string,
    status: 'active' | 'paused',
    reason: 'by_head' | 'failing',
    at: string,
  ): Promise<WebhookSubscription | undefined> {
    const after = await updatedWhere(this.db, {
      Key: keys.webhookSubscription(department, id),
      UpdateExpression:
        status === 'paused'
          ? 'SET #status = :status, pausedReason = :reason, pausedAt = :at'
          : 'SET #status = :status, consecutiveFailures = :zero REMOVE pausedReason, pausedAt, failingSince',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues:
        status === 'paused' ? { ':status': status, ':reason': reason, ':at': at } : { ':status': status, ':zero': 0 },
    });
    if (!after) return undefined;
    this.cache.delete(department);
    return publicView(fromItem<StoredSubscription>(after));
  }

  /**
   * Pauses a subscription that kept failing, once: answers true only for the call that paused it
   * (so the head gets one mail).
   */
  async pauseFailing(department: string, id: string, at: string): Promise<boolean> {
    const paused = await updateWhere(this.db, {
      Key: keys.webhookSubscription(department, id),
      UpdateExpression: 'SET #status = :paused, pausedReason = :failing, pausedAt = :at',
      ConditionExpression: '#status = :active',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':paused': 'paused', ':failing': 'failing', ':at': at, ':active': 'active' },
    });
    if (paused) this.cache.delete(department);
    return paused;
  }

  /** Records the outcome of a delivery on the subscription; answers the subscription after it. */
  async recordOutcome(
    sub: Pick<WebhookSubscription, 'department' | 'id'>,
    ok: boolean,
    at: string,
    status: number | undefined,
  ): Promise<WebhookSubscription | undefined> {
    const values: Record<string, unknown> = { ':at': at, ':status': status ?? 0 };
    let update: string;
    if (ok) {
      update = 'SET consecutiveFailures = :zero, lastDeliveryAt = :at, lastStatus = :status REMOVE failingSince';
      values[':zero'] = 0;
    } else {
      update =
        'SET failingSince = if_not_exists(failingSince, :at), lastDeliveryAt = :at, lastStatus = :status ADD consecutiveFailures :one';
      values[':one'] = 1;
    }
    const after = await updatedWhere(this.db, {
      Key: keys.webhookSubscription(sub.department, sub.id),
      UpdateExpression: update,
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: values,
    });
    return after ? publicView(fromItem<StoredSubscription>(after)) : undefined;
  }

  async log(subscriptionId: string, entry: WebhookDeliveryLog): Promise<void> {
    await this.db.doc.send(
      new PutCommand({
        TableName: this.db.tableName,
        Item: {
          ...keys.webhookDelivery(subscriptionId, entry.at, entry.messageId),
          type: 'webhookDelivery',
          ...entry,
          expiresAt: Math.floor(Date.parse(entry.at) / 1000) + LOG_DAYS * 86_400,
        },
      }),
    );
  }

  async deliveries(subscriptionId: string, limit = 50): Promise<WebhookDeliveryLog[]> {
    const out = await queryPage(this.db, {
      ...inPartition(partitions.webhookDeliveries(subscriptionId)),
      ScanIndexForward: false,
      Limit: limit,
    });
    return (out.Items ?? []).map((item) => fromItem<WebhookDeliveryLog>(item));
  }

  // ---- events in the outbox ----

  /**
   * The outbox items an order write raises for the department's subscriptions, written in the same
   * transaction as the order (so an event is queued exactly when its change is stored).
   */
  async itemsFor(order: Order, events: readonly TimelineEvent[], now: string): Promise<TransactItems> {
    const raised = events.flatMap((event, index) => webhookEventsOf(event).map((type) => ({ event, index, type })));
    if (raised.length === 0) return [];
    const subs = await this.cached(order.department);
    const items: TransactItems = [];
    for (const sub of subs) {
      for (const [k, { event, index, type }] of raised.entries()) {
        if (!sub.events.includes(type)) continue;
        const id = webhookMessageId(sub.id, order, index, type);
        const payload = JSON.stringify(webhookPayload(type, order, event));
        items.push({
          Put: {
            TableName: this.db.tableName,
            Item: {
              ...keys.outboxMessage(id),
              ...keys.outboxPending(now, id),
              ...keys.webhookLane(sub.id, order.number, seqOf(order, index, k)),
              ...keys.webhookOfOrder(order.number, now, id),
              type: 'outbox',
              id,
              kind: 'webhook',
              event: type,
              subscriptionId: sub.id,
              department: order.department,
              orderNumber: order.number,
              seq: seqOf(order, index, k),
              payload,
              status: 'pending',
              attempts: 0,
              nextAttemptAt: now,
              createdAt: now,
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        });
      }
    }
    return items;
  }

  /** Every event of an order in the outbox (each subscription's, whatever its status): id and payload. */
  async ofOrder(orderNumber: string): Promise<Array<{ id: string; payload: string }>> {
    const items = await queryAll(this.db, {
      ...inPartition(partitions.webhooksOfOrder(orderNumber)),
      ProjectionExpression: 'id, payload',
    });
    return items.map((item) => ({ id: String(item.id), payload: String(item.payload) }));
  }

  /**
   * Lists an event queued before events were listed by order (the operator's backfill,
   * workflows/backfill-privacy-keys.ts) under its order, as itemsFor lists it; only while it is
   * unlisted (an event already gone stays gone). Answers whether this call listed it.
   */
  async listUnderOrder(event: { id: string; orderNumber: string; createdAt: string }): Promise<boolean> {
    return listOnce(this.db, event.id, keys.webhookOfOrder(event.orderNumber, event.createdAt, event.id));
  }

  /** Replaces an event's payload (its words anonymised); an event already gone stays gone. */
  async rewritePayload(id: string, payload: string): Promise<void> {
    await updateWhere(this.db, {
      Key: keys.outboxMessage(id),
      UpdateExpression: 'SET payload = :payload',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: { ':payload': payload },
    });
  }

  /** Queues a test event (no order, so no lane). */
  async enqueueTest(sub: WebhookSubscription, id: string, payload: string, now: string): Promise<void> {
    await this.db.doc.send(
      new PutCommand({
        TableName: this.db.tableName,
        Item: {
          ...keys.outboxMessage(id),
          ...keys.outboxPending(now, id),
          type: 'outbox',
          id,
          kind: 'webhook',
          event: 'ping',
          subscriptionId: sub.id,
          department: sub.department,
          payload,
          status: 'pending',
          attempts: 0,
          nextAttemptAt: now,
          createdAt: now,
        },
      }),
    );
  }

  /** The earliest undelivered event of the message's order for its subscription. */
  async laneHead(message: WebhookMessage): Promise<{ id: string; nextAttemptAt: string } | undefined> {
    if (!message.orderNumber) return undefined;
    const out = await queryPage(this.db, {
      ...inPartition(partitions.webhookLane(message.subscriptionId, message.orderNumber)),
      Limit: 1,
      ProjectionExpression: 'id, nextAttemptAt',
    });
    const head = out.Items?.[0];
    return head ? { id: head.id as string, nextAttemptAt: head.nextAttemptAt as string } : undefined;
  }

  /** Delivered: out of the due list and out of its lane. */
  async markSent(id: string, at: string): Promise<void> {
    await this.finish(id, 'sent', at);
  }

  /** Given up (last attempt failed, or the subscription is gone): listed, never due, out of its lane. */
  async markGivenUp(id: string, status: 'failed' | 'dropped', at: string): Promise<void> {
    await this.finish(id, status, at);
  }

  private async finish(id: string, status: 'sent' | 'failed' | 'dropped', at: string): Promise<void> {
    await this.setMessage(id, 'SET #status = :status, finishedAt = :at REMOVE gsi3pk, gsi3sk, gsi1pk, gsi1sk', {
      ':status': status,
      ':at': at,
    });
  }

  /** An outbox message's status and what goes with it (`#status` names the attribute in `update`). */
  private async setMessage(id: string, update: string, values: Record<string, unknown>): Promise<void> {
    await this.db.doc.send(
      new UpdateCommand({
        TableName: this.db.tableName,
        Key: keys.outboxMessage(id),
        UpdateExpression: update,
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: values,
      }),
    );
  }

  /**
   * Due again at `at`. `countAttempt` false: the claim's attempt did not happen (the message waited
   * for an earlier one of its order), so it is given back.
   */
  async reschedule(message: WebhookMessage, at: string, countAttempt: boolean, error?: string): Promise<void> {
    const due = keys.outboxPending(at, message.id);
    await this.setMessage(
      message.id,
      `SET #status = :pending, nextAttemptAt = :at, gsi3pk = :pk, gsi3sk = :sk${
        error ? ', lastError = :error' : ''
      }${countAttempt ? '' : ' ADD attempts :minus'}`,
      {
        ':pending': 'pending',
        ':at': at,
        ':pk': due.gsi3pk,
        ':sk': due.gsi3sk,
        ...(error ? { ':error': error.slice(0, 500) } : {}),
        ...(countAttempt ? {} : { ':minus': -1 }),
      },
    );
  }

  /** Holds a message while its subscription is paused (it keeps its place in its lane). */
  async hold(message: WebhookMessage, at: string, countAttempt: boolean): Promise<void> {
    const held = keys.webhookHeld(message.subscriptionId, message.createdAt, message.id);
    await this.setMessage(
      message.id,
      `SET #status = :held, nextAttemptAt = :at, gsi3pk = :pk, gsi3sk = :sk${countAttempt ? '' : ' ADD attempts :minus'}`,
      {
        ':held': 'held',
        ':at': at,
        ':pk': held.gsi3pk,
        ':sk': held.gsi3sk,
        ...(countAttempt ? {} : { ':minus': -1 }),
      },
    );
  }

  /** Makes every held message of a resumed subscription due now, oldest first. Answers how many. */
  async release(subscriptionId: string, now: string): Promise<number> {
    const held = await queryAll(this.db, {
      ...inPartition(partitions.webhookHeld(subscriptionId)),
      ProjectionExpression: 'id',
    });
    for (const item of held) {
      const id = item.id as string;
      const due = keys.outboxPending(now, id);
      await this.setMessage(id, 'SET #status = :pending, nextAttemptAt = :now, gsi3pk = :pk, gsi3sk = :sk', {
        ':pending': 'pending',
        ':now': now,
        ':pk': due.gsi3pk,
        ':sk': due.gsi3sk,
      });
    }
    return held.length;
  }

  /** A mail (the head's notice of a paused subscription) into the outbox, once per id. */
  async enqueueMail(message: MailMessage, now: string): Promise<void> {
    await putNew(this.db, outboxItem(message, now));
  }

  private async cached(department: string): Promise<StoredSubscription[]> {
    const hit = this.cache.get(department);
    if (hit && hit.until > this.clock()) return hit.subs;
    const subs = await this.ofDepartment(department);
    this.cache.set(department, { subs, until: this.clock() + SUBSCRIPTIONS_CACHE_MS });
    return subs;
  }
}
