/**
 * Orders and their timelines. An order and its events share a partition, so the order page is one Query.
 * Access patterns:
 * - order by number: GetItem ORDER#n/ORDER
 * - order with its timeline: Query pk = ORDER#n
 * - orders of a requester, newest first: Query byCollection REQUESTER#id, descending
 * - a department's queue by due time: Query queueByDue QUEUE#code (sparse: only active orders)
 * - orders due for SLA timers: Query dueWork SLA, gsi3sk <= now (sparse: only orders with a pending event)
 * - create / change: one TransactWriteItems with the order (conditional on version), its new timeline
 *   events, the outbox messages the change causes and the search terms it adds or removes
 *   (repositories/search.ts; with no room left under the 100-item cap, the least telling terms wait
 *   for the backfill)
 * - linked orders: a child (hand-off, bundle part) keeps a link item in its parent's partition
 *   (ORDER#parent / LINK#child) up to date in its own transactions, so the parent page reads the
 *   children's status in the same Query as its timeline
 */
import { GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { ConflictError } from '#shared/errors.ts';
import { ACTIVE_STATUSES, FINAL_STATUSES } from '#shared/lifecycle.ts';
import type { FollowUp, MailMessage, Order, OrderLink, TimelineEvent } from '#shared/model.ts';
import { nextTimer } from '#shared/order-clocks.ts';
import { linkOf } from '#shared/order-link.ts';
import { SYSTEM_ACTOR } from '#shared/privacy.ts';
import type { StatsDelta } from '#shared/stats.ts';
import type { Db } from '../storage/client.ts';
import { encodeCursor, fromItem, keys, orderItemKind, partitions } from '../storage/keys.ts';
import { cursorIn, inPartition, queryAll, queryPage } from '../storage/query-all.ts';
import { INDEX } from '../storage/table-definition.ts';
import { outboxItem } from './outbox.ts';
import { SearchRepository, searchChanges } from './search.ts';
import { statsUpdates } from './stats.ts';
import { type FollowUpAnswer, followUpAnswerUpdate, followUpPut, surveyBudgetPut } from './surveys.ts';

/** DynamoDB's cap on the items of one transaction. */
const MAX_TRANSACTION_ITEMS = 100;

export type TransactItems = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>;

/** What a request with an Idempotency-Key created, kept for a day. */
export interface IdempotencyRecord {
  userId: string;
  key: string;
  /** Hash of the request body: the same key with another body is a conflict. */
  requestHash: string;
  orderNumber: string;
  expiresAt: number;
}

export interface CreateOptions {
  parent?: { order: Order; expectedVersion: number; events: TimelineEvent[] };
  idempotency?: IdempotencyRecord;
  /** Report counters the change adds (see shared/stats.ts). */
  stats?: StatsDelta[];
  /** Answers of the order `create` files kept out of the search index (its form's sensitive fields). */
  unindexed?: ReadonlySet<string>;
}

/** Other records that change in the same transaction as the order. */
export interface Alongside {
  /** The requester was invited to a survey at this instant: their fatigue budget. */
  surveyInvitation?: { userId: string; at: string };
  /** A low rating opened a follow-up for the process owner. */
  followUpOpened?: FollowUp;
  /** A later answer on the order's follow-up keeps it current. */
  followUpAnswer?: FollowUpAnswer;
  /** Answers kept out of the search index: the sensitive fields of the order's form (shared/privacy.ts). */
  unindexed?: ReadonlySet<string>;
}

export class DuplicateRequestError extends Error {
  constructor(readonly first: IdempotencyRecord) {
    super('This request was already made.');
  }
}

export interface OrderPage {
  orders: Order[];
  nextCursor?: string;
}

/**
 * What a list row needs of an order: shared/summary.ts, its SLA at a glance and its service's words in
 * the reader's language (the answers, for a title made from them). A queue page reads only these.
 */
export const ROW_ATTRIBUTES = [
  'number',
  'title',
  'serviceName',
  'serviceId',
  'serviceVersion',
  'department',
  'status',
  'stage',
  'priority',
  'requesterId',
  'assigneeId',
  'createdAt',
  'updatedAt',
  'version',
  'nextDueAt',
  'clocks',
  'answers',
] as const satisfies ReadonlyArray<keyof Order>;

export type OrderRow = Pick<Order, (typeof ROW_ATTRIBUTES)[number]>;

export interface RowPage {
  orders: OrderRow[];
  nextCursor?: string;
}

/** The projection of ROW_ATTRIBUTES, every name through a placeholder (several are reserved words). */
const ROW_PROJECTION = {
  ProjectionExpression: ROW_ATTRIBUTES.map((_, i) => `#r${i}`).join(', '),
  ExpressionAttributeNames: Object.fromEntries(ROW_ATTRIBUTES.map((name, i) => [`#r${i}`, name])),
};

/** A child's link in its parent's partition: how the parent's page lists it. */
function linkItem(child: Order, parentNumber: string): Record<string, unknown> {
  return { ...keys.orderLink(parentNumber, child.number), type: 'orderLink', ...linkOf(child) };
}

function orderItem(order: Order): Record<string, unknown> {
  // Children are read from their link items, never stored on the parent.
  const { children: _children, ...stored } = order;
  const timer = nextTimer(order);
  return {
    ...(timer ? keys.slaTimer(timer, order.number) : {}),
    ...keys.order(order.number),
    ...keys.ordersOfRequester(order.requesterId, order.createdAt, order.number),
    // Only active orders sit in the queue index, so a queue read never touches history; resolved
    // orders awaiting closure sit in their own partition of the same index (the process map's step).
    ...(ACTIVE_STATUSES.has(order.status) ? keys.queueEntry(order.department, order.nextDueAt, order.number) : {}),
    ...(order.status === 'resolved' && order.resolvedAt
      ? keys.resolvedEntry(order.department, order.resolvedAt, order.number)
      : {}),
    type: 'order',
    ...stored,
  };
}

export class OrderRepository {
  /** More items an order write carries (the webhook events it raises: repositories/webhooks.ts). */
  private also: (order: Order, events: TimelineEvent[], now: string) => Promise<TransactItems> = async () => [];

  /** The search index, written here with the orders and read by the search use case. */
  readonly search: SearchRepository;

  constructor(private readonly db: Db) {
    this.search = new SearchRepository(db);
  }

  alsoWrite(items: (order: Order, events: TimelineEvent[], now: string) => Promise<TransactItems>): void {
    this.also = items;
  }

  async get(number: string): Promise<Order | undefined> {
    const { Item } = await this.db.doc.send(new GetCommand({ TableName: this.db.tableName, Key: keys.order(number) }));
    return Item ? fromItem<Order>(Item) : undefined;
  }

  async getWithTimeline(number: string): Promise<{ order: Order; timeline: TimelineEvent[] } | undefined> {
    let order: Order | undefined;
    const timeline: TimelineEvent[] = [];
    const children: OrderLink[] = [];
    const items = await queryAll(this.db, inPartition(partitions.orderPage(number)));
    for (const item of items) {
      const kind = orderItemKind(String(item.sk));
      if (kind === 'order') order = fromItem<Order>(item);
      else if (kind === 'link') children.push(fromItem<OrderLink>(item));
      else timeline.push(fromItem<TimelineEvent>(item));
    }
    return order ? { order: { ...order, children }, timeline } : undefined;
  }

  listByRequester(requesterId: string, cursor: string | undefined, limit: number): Promise<OrderPage> {
    return this.page(INDEX.byCollection, partitions.ordersOfRequester(requesterId).gsi1pk, cursor, limit, false);
  }

  /** Numbers of orders whose next SLA event or auto-close is due by `now`, oldest first. */
  async dueForTimers(now: Date, limit: number): Promise<string[]> {
    const out = await queryPage(this.db, {
      ...inPartition(partitions.slaTimers(), { upTo: `${now.toISOString()}#~` }),
      ProjectionExpression: '#n',
      ExpressionAttributeNames: { '#n': 'number' },
      Limit: limit,
    });
    return (out.Items ?? []).map((item) => item.number as string);
  }

  queue(department: string, cursor: string | undefined, limit: number): Promise<OrderPage> {
    return this.page(INDEX.queueByDue, partitions.queueOfDepartment(department).gsi2pk, cursor, limit, true);
  }

  /**
   * The same page of the queue as list rows: the same Query (the index holds whole orders), with only
   * ROW_ATTRIBUTES coming back, so less is sent, parsed and copied per page.
   */
  queueRows(department: string, cursor: string | undefined, limit: number): Promise<RowPage> {
    const partition = partitions.queueOfDepartment(department).gsi2pk;
    return this.page<OrderRow>(INDEX.queueByDue, partition, cursor, limit, true, ROW_PROJECTION);
  }

  /** The department's resolved orders awaiting closure, oldest resolution first. */
  resolved(department: string, cursor: string | undefined, limit: number): Promise<OrderPage> {
    return this.page(INDEX.queueByDue, partitions.resolvedOfDepartment(department).gsi2pk, cursor, limit, true);
  }

  /**
   * Creates an order. `parent`, when given, is updated in the same transaction (conditional on its
   * version), so a hand-off and the parent's record of it never disagree. `idempotency`, when given,
   * is recorded in the same transaction; a second request with the same key fails with
   * DuplicateRequestError carrying the first request's record.
   */
  async create(order: Order, events: TimelineEvent[], mail: MailMessage[], options: CreateOptions = {}): Promise<void> {
    await this.createCase(
      [{ order, events, mail, ...(options.unindexed ? { unindexed: options.unindexed } : {}) }],
      options,
    );
  }

  /** An order or a bundle case with its parts, each with events, mail and its link, in one transaction. */
  async createCase(
    entries: Array<{ order: Order; events: TimelineEvent[]; mail: MailMessage[]; unindexed?: ReadonlySet<string> }>,
    options: CreateOptions = {},
  ): Promise<void> {
    const items: TransactItems = [];
    if (options.idempotency) {
      // First item, so a failed condition at index 0 means "seen this request before".
      const record = options.idempotency;
      items.push({
        Put: {
          TableName: this.db.tableName,
          Item: { ...keys.idempotency(record.userId, record.key), type: 'idempotency', ...record },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      });
    }
    for (const { order, events, mail } of entries) {
      items.push(
        {
          Put: {
            TableName: this.db.tableName,
            Item: orderItem(order),
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        ...this.sideEffects(order, events, mail, undefined),
        ...(await this.also(order, events, order.updatedAt)),
      );
    }
    items.push(...statsUpdates(this.db.tableName, options.stats ?? []));
    const parentIndex = items.length;
    const parent = options.parent;
    if (parent) {
      items.push(
        ...this.conditionalPut(parent.order, parent.expectedVersion),
        ...this.sideEffects(parent.order, parent.events, [], undefined),
      );
    }
    // Each new order's search terms, sharing fairly what room the transaction has left (a bundle
    // of many parts indexes each part's most telling terms; the backfill adds the rest).
    const room = Math.floor((MAX_TRANSACTION_ITEMS - items.length) / entries.length);
    for (const { order, unindexed } of entries) {
      items.push(...searchChanges(this.db.tableName, undefined, order, unindexed).slice(0, Math.max(0, room)));
    }
    try {
      await this.send(
        items,
        parent
          ? { number: parent.order.number, expectedVersion: parent.expectedVersion, index: parentIndex }
          : undefined,
      );
    } catch (error) {
      const reasons = (error as { CancellationReasons?: Array<{ Code?: string }> }).CancellationReasons;
      if (options.idempotency && reasons?.[0]?.Code === 'ConditionalCheckFailed') {
        const first = await this.idempotencyRecord(options.idempotency.userId, options.idempotency.key);
        if (first) throw new DuplicateRequestError(first);
      }
      throw error;
    }
  }

  async idempotencyRecord(userId: string, key: string): Promise<IdempotencyRecord | undefined> {
    const { Item } = await this.db.doc.send(
      new GetCommand({ TableName: this.db.tableName, Key: keys.idempotency(userId, key), ConsistentRead: true }),
    );
    return Item ? fromItem<IdempotencyRecord>(Item) : undefined;
  }

  /**
   * Writes a change of `previous` (the order as loaded) to `order`, conditional on the version loaded,
   * with its events, mail, counters, the records changing alongside and the search terms the change
   * adds or removes.
   */
  async update(
    order: Order,
    previous: Order,
    events: TimelineEvent[],
    mail: MailMessage[],
    stats: StatsDelta[] = [],
    alongside: Alongside = {},
  ): Promise<void> {
    const expectedVersion = previous.version;
    const items: TransactItems = [
      ...this.conditionalPut(order, expectedVersion),
      ...this.sideEffects(order, events, mail, previous),
      ...(await this.also(order, events, order.updatedAt)),
      ...statsUpdates(this.db.tableName, stats),
      ...this.alongside(alongside),
    ];
    const search = searchChanges(this.db.tableName, previous, order, alongside.unindexed);
    items.push(...search.slice(0, MAX_TRANSACTION_ITEMS - items.length));
    await this.send(items, { number: order.number, expectedVersion, index: 0 });
  }

  /**
   * Writes an anonymised order (shared/privacy.ts) in place of `previous`, conditional on its version,
   * with the search terms it no longer has and `extra` items; no events, mail, counters or webhooks:
   * the order's history and the figures stay as they were.
   */
  async rewrite(order: Order, previous: Order, extra: TransactItems = []): Promise<void> {
    const items: TransactItems = [...this.conditionalPut(order, previous.version), ...extra];
    items.push(...searchChanges(this.db.tableName, previous, order).slice(0, MAX_TRANSACTION_ITEMS - items.length));
    await this.send(items, { number: order.number, expectedVersion: previous.version, index: 0 });
  }

  private alongside(records: Alongside): TransactItems {
    const table = this.db.tableName;
    const items: TransactItems = [];
    if (records.surveyInvitation) {
      items.push(surveyBudgetPut(table, records.surveyInvitation.userId, records.surveyInvitation.at));
    }
    if (records.followUpOpened) items.push(followUpPut(table, records.followUpOpened));
    if (records.followUpAnswer) items.push(followUpAnswerUpdate(table, records.followUpAnswer));
    return items;
  }

  private conditionalPut(order: Order, expectedVersion: number): TransactItems {
    return [
      {
        Put: {
          TableName: this.db.tableName,
          Item: orderItem(order),
          ConditionExpression: 'version = :expected',
          ExpressionAttributeValues: { ':expected': expectedVersion },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        },
      },
    ];
  }

  /** Sends a transaction; a failed version condition on the watched order becomes a ConflictError. */
  private async send(
    items: TransactItems,
    watched?: { number: string; expectedVersion: number; index: number },
  ): Promise<void> {
    try {
      await this.db.doc.send(new TransactWriteCommand({ TransactItems: items }));
    } catch (error) {
      const reasons = (error as { CancellationReasons?: Array<{ Code?: string; Item?: Record<string, unknown> }> })
        .CancellationReasons;
      const reason = watched ? reasons?.[watched.index] : undefined;
      if (
        (error as Error).name === 'TransactionCanceledException' &&
        watched &&
        reason?.Code === 'ConditionalCheckFailed'
      ) {
        const current = reason.Item ? fromItem<Order>(unmarshallLoose(reason.Item)) : undefined;
        throw new ConflictError('order_changed', { number: watched.number }, current);
      }
      throw error;
    }
  }

  /**
   * What rides along with every order write: the link in its parent, the new timeline events, the
   * mail, the people who newly took part (involvement items, for their export and erasure) and, when
   * the order reaches a final status, its closing in its service's list (for the retention job).
   */
  private sideEffects(
    order: Order,
    events: TimelineEvent[],
    mail: MailMessage[],
    previous: Order | undefined,
  ): TransactItems {
    const link: TransactItems = order.parentNumber
      ? [{ Put: { TableName: this.db.tableName, Item: linkItem(order, order.parentNumber) } }]
      : [];
    const involved = new Set(events.map((e) => e.actorId));
    for (const id of order.watchers) if (!previous?.watchers.includes(id)) involved.add(id);
    if (!previous) involved.add(order.filedById);
    if (order.assigneeId && order.assigneeId !== previous?.assigneeId) involved.add(order.assigneeId);
    // The requester's orders have their own index; Ordo's own events are nobody's.
    involved.delete(order.requesterId);
    involved.delete(SYSTEM_ACTOR);
    const closing =
      previous && FINAL_STATUSES.has(previous.status)
        ? undefined
        : events.find((e) => e.to && FINAL_STATUSES.has(e.to));
    return [
      ...link,
      ...[...involved].map((userId) => ({
        Put: {
          TableName: this.db.tableName,
          Item: { ...keys.involvement(userId, order.number), type: 'involvement', userId, orderNumber: order.number },
        },
      })),
      ...(closing && FINAL_STATUSES.has(order.status)
        ? [
            {
              Put: {
                TableName: this.db.tableName,
                Item: {
                  ...keys.retention(order.serviceId, closing.at, order.number),
                  type: 'closing',
                  serviceId: order.serviceId,
                  orderNumber: order.number,
                  closedAt: closing.at,
                },
              },
            },
          ]
        : []),
      ...events.map((event, index) => ({
        Put: {
          TableName: this.db.tableName,
          Item: { ...keys.timelineEvent(order.number, order.version, index), type: 'timelineEvent', ...event },
          // The timeline is append-only: an event is never overwritten (only anonymised: repositories/privacy.ts).
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      })),
      ...mail.map((message) => ({
        Put: {
          TableName: this.db.tableName,
          Item: outboxItem(message, order.updatedAt),
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      })),
    ];
  }

  private async page<T = Order>(
    index: { name: string; pk: string; sk: string },
    partition: string,
    cursor: string | undefined,
    limit: number,
    ascending: boolean,
    projection?: typeof ROW_PROJECTION,
  ): Promise<{ orders: T[]; nextCursor?: string }> {
    const start = cursorIn(index === INDEX.byCollection ? { gsi1pk: partition } : { gsi2pk: partition }, cursor);
    const out = await this.db.doc.send(
      new QueryCommand({
        TableName: this.db.tableName,
        IndexName: index.name,
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': index.pk, ...projection?.ExpressionAttributeNames },
        ExpressionAttributeValues: { ':pk': partition },
        ...(projection ? { ProjectionExpression: projection.ProjectionExpression } : {}),
        ScanIndexForward: ascending,
        Limit: limit,
        ExclusiveStartKey: start,
      }),
    );
    const page: { orders: T[]; nextCursor?: string } = { orders: (out.Items ?? []).map((item) => fromItem<T>(item)) };
    const next = encodeCursor(out.LastEvaluatedKey);
    if (next) page.nextCursor = next;
    return page;
  }
}

/** lib-dynamodb does not translate CancellationReasons: they come back in attribute-value format. */
function unmarshallLoose(item: Record<string, unknown>): Record<string, unknown> {
  return unmarshall(item as Parameters<typeof unmarshall>[0]);
}
