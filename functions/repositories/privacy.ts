/**
 * What a person's export and erasure, and the retention job, read and write (shared/privacy.ts the
 * rules, workflows/privacy/ the use cases). No Scan: a person's items are found by their keys.
 * Access patterns:
 * - a person's own items: Query pk = USER#id (profile, survey budget, INVOLVED#number: the orders they
 *   took part in other than as requester, written with every order write: repositories/orders.ts)
 * - a requester's orders: Query byCollection REQUESTER#id (numbers only)
 * - an order with its timeline, with the items' keys: Query pk = ORDER#n
 * - the mail about an order: Query byCollection MAILS#n
 * - the department's digests that may list an order as late: BatchGetItem of DIGEST.<code>.<day> for
 *   each day it was active (ids fixed by department and day, shared/notifications.ts digestId)
 * - a person's rows in a department's customers view: Query pk = CUSTOMERS#code, filtered on kind and key
 *   (a partition read of the department's weeks, for an erasure only)
 * - a service's closed orders by closing instant: Query pk = RETAIN#serviceId, sk <= bound, oldest first
 * - the erased people's count: UpdateItem ADD on ERASED/SEQUENCE
 * - items stored before they were listed for a person's export and erasure (mail about an order by
 *   order, mail in by sender and order, webhook events by order; the operator's one-off backfill,
 *   workflows/backfill-privacy-keys.ts, never a request): a paged Scan filtered to those items
 * Rewrites of timeline events and deletes are batched (BatchWriteItem, 25 per call); each is idempotent.
 */
import {
  BatchGetCommand,
  type BatchGetCommandOutput,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { AuditRecord } from '#shared/audit.ts';
import type { FollowUp, Order, TimelineEvent, User } from '#shared/model.ts';
import type { Note } from '#shared/notes.ts';
import { writeInBatches } from '../storage/batch-write.ts';
import type { Db } from '../storage/client.ts';
import { fromItem, keys, orderItemKind, partitions } from '../storage/keys.ts';
import { queryAll } from '../storage/query-all.ts';
import { INDEX } from '../storage/table-definition.ts';
import { auditPut } from './audit.ts';
import { updateWhere } from './conditional.ts';
import type { OrderRepository, TransactItems } from './orders.ts';
import type { OutboxEntry } from './outbox.ts';

export type ItemKey = { pk: string; sk: string };

export interface PersonItems {
  /** The stored profile with what it is listed under in the people directory. */
  profile?: User & { listed?: unknown };
  surveyBudget?: ItemKey;
  /** Orders they took part in other than as requester. */
  involved: string[];
  /** Their notifications in the portal (repositories/notes.ts). */
  notes: Array<{ key: ItemKey; note: Note }>;
}

export interface OrderItems {
  order?: Order;
  events: Array<{ key: ItemKey; event: TimelineEvent }>;
}

export interface Closing {
  key: ItemKey;
  orderNumber: string;
  closedAt: string;
}

const keyOf = (item: Record<string, unknown>): ItemKey => ({ pk: String(item.pk), sk: String(item.sk) });

/** An outbox message about an order: what listing it under the order takes. */
export interface OutboxListing {
  id: string;
  orderNumber: string;
  createdAt: string;
}

/** What goes with an anonymised order's write, in its transaction. */
export interface AnonymisedAlongside {
  /** The follow-up of the order's low rating, without the rating's words. */
  followUp?: { department: string; number: string };
  /** The service's closing item of the order (retention): done. */
  closing?: ItemKey;
}

export class PrivacyRepository {
  constructor(
    private readonly db: Db,
    private readonly orders: Pick<OrderRepository, 'rewrite'>,
  ) {}

  async person(userId: string): Promise<PersonItems> {
    const person = partitions.person(userId);
    const items = await queryAll(this.db, {
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': person.pk },
    });
    const out: PersonItems = { involved: [], notes: [] };
    for (const item of items) {
      const sk = String(item.sk);
      if (sk === keys.user(userId).sk) out.profile = { ...fromItem<User>(item), listed: item.listed };
      else if (sk === keys.surveyBudget(userId).sk) out.surveyBudget = keyOf(item);
      else if (sk.startsWith(person.involvedPrefix)) out.involved.push(String(item.orderNumber));
      else if (sk.startsWith(partitions.notesOfPerson(userId).skPrefix)) {
        out.notes.push({ key: keyOf(item), note: fromItem<Note>(item) });
      }
    }
    return out;
  }

  async requestedOrders(userId: string): Promise<string[]> {
    const items = await queryAll(this.db, {
      IndexName: INDEX.byCollection.name,
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': partitions.ordersOfRequester(userId).gsi1pk },
      ProjectionExpression: '#n',
      ExpressionAttributeNames: { '#n': 'number' },
    });
    return items.map((item) => String(item.number));
  }

  async order(number: string): Promise<OrderItems> {
    const items = await queryAll(this.db, {
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': partitions.orderPage(number).pk },
    });
    const out: OrderItems = { events: [] };
    for (const item of items) {
      const kind = orderItemKind(String(item.sk));
      if (kind === 'order') out.order = { ...fromItem<Order>(item), children: [] };
      else if (kind === 'event') out.events.push({ key: keyOf(item), event: fromItem<TimelineEvent>(item) });
    }
    return out;
  }

  async mailsOf(number: string): Promise<Array<{ key: ItemKey; mail: OutboxEntry }>> {
    const items = await queryAll(this.db, {
      IndexName: INDEX.byCollection.name,
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': partitions.mailsOfOrder(number).gsi1pk },
    });
    return items.map((item) => ({ key: keyOf(item), mail: fromItem<OutboxEntry>(item) }));
  }

  /** One outbox message by id (e.g. Ordo's answer to a refused message that came in). */
  async mail(id: string): Promise<OutboxEntry | undefined> {
    const { Item } = await this.db.doc.send(
      new GetCommand({ TableName: this.db.tableName, Key: keys.outboxMessage(id) }),
    );
    return Item ? fromItem<OutboxEntry>(Item) : undefined;
  }

  /** Outbox messages by id, those that exist (their id, text and HTML): BatchGetItem per 100. */
  async mailWords(ids: string[]): Promise<Array<{ id: string; text?: string; html?: string }>> {
    const out: Array<{ id: string; text?: string; html?: string }> = [];
    for (let i = 0; i < ids.length; i += 100) {
      let wanted: Array<Record<string, unknown>> | undefined = ids
        .slice(i, i + 100)
        .map((id) => keys.outboxMessage(id));
      for (let attempt = 0; wanted && wanted.length > 0; attempt++) {
        if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 50 * 2 ** attempt)));
        const got: BatchGetCommandOutput = await this.db.doc.send(
          new BatchGetCommand({
            RequestItems: {
              [this.db.tableName]: {
                Keys: wanted,
                ProjectionExpression: 'id, #text, html',
                ExpressionAttributeNames: { '#text': 'text' },
              },
            },
          }),
        );
        for (const item of got.Responses?.[this.db.tableName] ?? []) {
          out.push({
            id: String(item.id),
            ...(typeof item.text === 'string' ? { text: item.text } : {}),
            ...(typeof item.html === 'string' ? { html: item.html } : {}),
          });
        }
        wanted = got.UnprocessedKeys?.[this.db.tableName]?.Keys;
      }
    }
    return out;
  }

  /** A message's text and HTML in place of what they said (a message already gone stays gone). */
  async rewriteMailWords(id: string, words: { text: string; html: string }): Promise<void> {
    await updateWhere(this.db, {
      Key: keys.outboxMessage(id),
      UpdateExpression: 'SET #text = :text, html = :html',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeNames: { '#text': 'text' },
      ExpressionAttributeValues: { ':text': words.text, ':html': words.html },
    });
  }

  async followUp(department: string, number: string): Promise<FollowUp | undefined> {
    const { Item } = await this.db.doc.send(
      new GetCommand({ TableName: this.db.tableName, Key: keys.followUp(department, number) }),
    );
    return Item ? fromItem<FollowUp>(Item) : undefined;
  }

  /**
   * Writes `next` in place of `previous` (conditional on its version: a lost race is a ConflictError;
   * the search terms it no longer has go, repositories/orders.ts) with what goes `alongside` in the
   * same transaction. `next` undefined: the order needs nothing more (a second run), only the rest.
   */
  async writeAnonymised(next: Order | undefined, previous: Order, alongside: AnonymisedAlongside): Promise<void> {
    const table = this.db.tableName;
    const extra: TransactItems = [];
    if (alongside.followUp) {
      // The follow-up of a low rating without the rating's words (its score and category stay).
      extra.push({
        Update: {
          TableName: table,
          Key: keys.followUp(alongside.followUp.department, alongside.followUp.number),
          UpdateExpression: 'REMOVE #comment',
          ExpressionAttributeNames: { '#comment': 'comment' },
        },
      });
    }
    if (alongside.closing) extra.push({ Delete: { TableName: table, Key: alongside.closing } });
    if (next) await this.orders.rewrite(next, previous, extra);
    else if (extra.length > 0) await this.db.doc.send(new TransactWriteCommand({ TransactItems: extra }));
  }

  /** The next number an erased person is shown under. */
  async nextErased(): Promise<number> {
    const out = await this.db.doc.send(
      new UpdateCommand({
        TableName: this.db.tableName,
        Key: keys.erasedSequence(),
        UpdateExpression: 'ADD #n :one SET #type = :type',
        ExpressionAttributeNames: { '#n': 'n', '#type': 'type' },
        ExpressionAttributeValues: { ':one': 1, ':type': 'sequence' },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    return Number(out.Attributes?.n);
  }

  /** Notifications that name an order's requester no longer do (a note already expired stays gone). */
  async forgetRequesterOnNotes(noteKeys: ItemKey[]): Promise<void> {
    for (const Key of noteKeys) {
      await updateWhere(this.db, {
        Key,
        UpdateExpression: 'REMOVE requesterName',
        ConditionExpression: 'attribute_exists(pk)',
      });
    }
  }

  /** Writes events back in place (their words removed), keys unchanged. */
  async rewriteEvents(events: Array<{ key: ItemKey; event: TimelineEvent }>): Promise<void> {
    await writeInBatches(
      this.db.doc,
      this.db.tableName,
      events.map(({ key, event }) => ({ PutRequest: { Item: { ...key, type: 'timelineEvent', ...event } } })),
    );
  }

  async remove(itemKeys: ItemKey[]): Promise<void> {
    await writeInBatches(
      this.db.doc,
      this.db.tableName,
      itemKeys.map((Key) => ({ DeleteRequest: { Key } })),
    );
  }

  /** A person's rows in a department's customers view (their counters stay; only the label is theirs). */
  async customerRowsOf(department: string, personId: string): Promise<ItemKey[]> {
    const items = await queryAll(this.db, {
      KeyConditionExpression: 'pk = :pk',
      FilterExpression: '#kind = :person AND #key = :id',
      ExpressionAttributeNames: { '#kind': 'kind', '#key': 'key' },
      ExpressionAttributeValues: {
        ':pk': partitions.customerRows(department).pk,
        ':person': 'person',
        ':id': personId,
      },
      ProjectionExpression: 'pk, sk',
    });
    return items.map(keyOf);
  }

  async relabel(rows: ItemKey[], label: string): Promise<void> {
    for (const Key of rows) {
      await this.db.doc.send(
        new UpdateCommand({
          TableName: this.db.tableName,
          Key,
          UpdateExpression: 'SET #label = :label',
          ExpressionAttributeNames: { '#label': 'label' },
          ExpressionAttributeValues: { ':label': label },
        }),
      );
    }
  }

  /** Closed orders of a service up to `bound` (closing instant), oldest first. */
  async closings(serviceId: string, bound: string, limit: number): Promise<Closing[]> {
    const out = await this.db.doc.send(
      new QueryCommand({
        TableName: this.db.tableName,
        KeyConditionExpression: 'pk = :pk AND sk <= :bound',
        ExpressionAttributeValues: { ':pk': partitions.closingsOfService(serviceId).pk, ':bound': `${bound}#~` },
        Limit: limit,
      }),
    );
    return (out.Items ?? []).map((item) => ({
      key: keyOf(item),
      orderNumber: String(item.orderNumber),
      closedAt: String(item.closedAt),
    }));
  }

  async audit(record: AuditRecord): Promise<void> {
    const put = auditPut(this.db.tableName, record).Put;
    if (put) await this.db.doc.send(new PutCommand(put));
  }

  /**
   * The person's tombstone in place of the profile, out of the people list and directory, their
   * department roles and survey budget gone, with the audit record: one transaction.
   */
  async bury(
    stone: User,
    directoryWords: string[],
    departments: string[],
    surveyBudget: ItemKey | undefined,
    audit: AuditRecord,
  ): Promise<void> {
    const table = this.db.tableName;
    const items: TransactItems = [
      { Put: { TableName: table, Item: { ...keys.user(stone.id), type: 'user', ...stone } } },
      ...directoryWords.map((word) => ({ Delete: { TableName: table, Key: keys.directoryEntry(word, stone.id) } })),
      ...departments.map((code) => ({ Delete: { TableName: table, Key: keys.member(code, stone.id) } })),
      ...(surveyBudget ? [{ Delete: { TableName: table, Key: surveyBudget } }] : []),
      auditPut(table, audit),
    ];
    await this.db.doc.send(new TransactWriteCommand({ TransactItems: items }));
  }
}
