/**
 * Mail in: the record of every inbound message, the departments' inbound addresses, the markers
 * that recognise a message seen before, and the once-a-day limit on answers to refused mail.
 *
 * Access patterns:
 * - record of a message: GetItem / conditional PutItem / UpdateItem `INBOUND#id`/`MESSAGE`
 * - a department's inbound mail, newest first: Query byCollection `DEPT#code#INBOUND` (descending)
 * - department of a local part: GetItem `INBOUND_ADDRESS#local`/`ADDRESS`, then its intake
 *   `DEPT#code`/`MAIL_INTAKE` (GetItem)
 * - seen before: conditional PutItem of `INBOUND_SEEN#fingerprint` (one transaction for Message-ID
 *   and content hash)
 * - answer at most once a day: TransactWriteItems of `INBOUND_ANSWERED#email`/outcome + the outbox message
 * - a sender's mail (a person's export and erasure): Query queueByDue `SENDER#P#id` and `SENDER#E#address`
 * - mail about an order (erasure, retention): Query dueWork `INBOUND_ABOUT#number`
 * - the days an address was answered (erasure): Query pk `INBOUND_ANSWERED#email`
 * - a record stored before those two listings (operator backfill): UpdateItem `INBOUND#id`/`MESSAGE`
 *   setting the listings it lacks, on condition that it still lacks them
 */
import {
  DeleteCommand,
  GetCommand,
  PutCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { InboundOutcome } from '#shared/inbound.ts';
import type { MailMessage } from '#shared/model.ts';
import type { Db } from '../storage/client.ts';
import { fromItem, keys, partitions } from '../storage/keys.ts';
import { inPartition, queryAll } from '../storage/query-all.ts';
import { isWriteRefused, newestFirst, updatedWhere } from './conditional.ts';
import { oncePerDay } from './outbox.ts';

export interface MailIntake {
  department: string;
  /** The local part of the department's inbound address, e.g. `hr` for hr@<inbound domain>. */
  localPart: string;
  /** The service new mail files orders in. */
  serviceId: string;
}

export interface InboundAttachment {
  name: string;
  contentType: string;
  size: number;
  /** Where it went: the order's attachment key; absent when it could not be attached (`note` says why). */
  key?: string;
  note?: 'type' | 'size' | 'no_place';
}

export interface InboundRecord {
  id: string;
  /** Key of the raw message in the inbound bucket. */
  rawKey: string;
  receivedAt: string;
  status: 'processing' | 'done';
  attempts: number;
  outcome?: InboundOutcome;
  /** A refusal code of the order or service (shared/refusals.ts) when the outcome is `refused_by_order`. */
  detail?: string;
  from?: string;
  to?: string[];
  subject?: string;
  messageId?: string;
  department?: string;
  orderNumber?: string;
  /** The person the sender was recognised as. */
  personId?: string;
  size?: number;
  attachments?: InboundAttachment[];
  /** A refusal answer was queued (false: the daily limit held it back). */
  answered?: boolean;
  doneAt?: string;
  /** Its words were removed (the sender's erasure, or the retention of the order it is about). */
  anonymisedAt?: string;
}

/** How long a claim holds before another attempt may take the message over. */
const LEASE_MS = 5 * 60_000;
/** Message-IDs are remembered this long; identical content for a day (a person may repeat "OK" later). */
const SEEN_MESSAGE_ID_SECONDS = 30 * 24 * 3600;
const SEEN_CONTENT_SECONDS = 24 * 3600;

export type Claim =
  | { kind: 'claimed'; record: InboundRecord }
  | { kind: 'done'; record: InboundRecord }
  | { kind: 'busy' };

/** What a record needs to be listed under its sender and its order. */
export type ListableRecord = Pick<InboundRecord, 'id' | 'receivedAt' | 'personId' | 'from' | 'orderNumber'>;

/** Which listings a call put: under the sender, under the order. */
export interface ListingsPut {
  sender: boolean;
  order: boolean;
}

/**
 * The listings a person's export and erasure find a record by: under its sender (the person's id when
 * recognised, else the address; none without a sender) and under the order it is about (none without).
 */
function personalListings(record: ListableRecord) {
  const sender = record.personId ? { personId: record.personId } : record.from ? { email: record.from } : undefined;
  return {
    sender: sender ? keys.inboundOfSender(sender, record.receivedAt, record.id) : undefined,
    order: record.orderNumber ? keys.inboundAboutOrder(record.orderNumber, record.receivedAt, record.id) : undefined,
  };
}

/** Which listings a record read with `listed` lacks of those it should have (what listForPrivacy puts). */
export function listingsLacking(record: ListableRecord, listed: { sender: boolean; order: boolean }): ListingsPut {
  const wanted = personalListings(record);
  return { sender: !listed.sender && !!wanted.sender, order: !listed.order && !!wanted.order };
}

export class InboundRepository {
  constructor(private readonly db: Db) {}

  async get(id: string): Promise<InboundRecord | undefined> {
    const { Item } = await this.db.doc.send(
      new GetCommand({ TableName: this.db.tableName, Key: keys.inboundMessage(id), ConsistentRead: true }),
    );
    return Item ? fromItem<InboundRecord>(Item) : undefined;
  }

  /**
   * Takes the message for processing: a first attempt writes the record, a retry takes it over once
   * the earlier attempt's lease ended. A message already done answers its record (idempotent).
   */
  async claim(id: string, rawKey: string, now: Date): Promise<Claim> {
    const at = now.toISOString();
    const leaseUntil = new Date(now.getTime() + LEASE_MS).toISOString();
    const claimed = await updatedWhere(this.db, {
      Key: keys.inboundMessage(id),
      UpdateExpression:
        'SET #type = :type, id = :id, rawKey = :raw, receivedAt = if_not_exists(receivedAt, :at), #status = :processing, leaseUntil = :lease ADD attempts :one',
      ConditionExpression:
        'attribute_not_exists(pk) OR (#status = :processing AND (attribute_not_exists(leaseUntil) OR leaseUntil < :at))',
      ExpressionAttributeNames: { '#type': 'type', '#status': 'status' },
      ExpressionAttributeValues: {
        ':type': 'inbound',
        ':id': id,
        ':raw': rawKey,
        ':at': at,
        ':processing': 'processing',
        ':lease': leaseUntil,
        ':one': 1,
      },
    });
    if (claimed) return { kind: 'claimed', record: fromItem<InboundRecord>(claimed) };
    const record = await this.get(id);
    return record?.status === 'done' ? { kind: 'done', record } : { kind: 'busy' };
  }

  /** Lets a failed attempt be retried at once instead of after the lease. */
  async release(id: string): Promise<void> {
    await this.db.doc
      .send(
        new UpdateCommand({
          TableName: this.db.tableName,
          Key: keys.inboundMessage(id),
          UpdateExpression: 'REMOVE leaseUntil',
          ConditionExpression: '#status = :processing',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':processing': 'processing' },
        }),
      )
      .catch((error: unknown) => {
        if (!isWriteRefused(error)) throw error;
      });
  }

  /** Records the outcome and lists the message in its department's (or the unrouted) list. */
  async finish(record: InboundRecord, now: Date): Promise<InboundRecord> {
    const done: InboundRecord = { ...record, status: 'done', doneAt: now.toISOString() };
    const { leaseUntil: _lease, ...rest } = done as InboundRecord & { leaseUntil?: string };
    await this.db.doc.send(new PutCommand({ TableName: this.db.tableName, Item: this.item(rest) }));
    return done;
  }

  /** A finished record as stored: listed in its department, under its sender and its order. */
  private item(record: InboundRecord): Record<string, unknown> {
    const listings = personalListings(record);
    return {
      ...keys.inboundMessage(record.id),
      ...keys.inboundListed(record.department, record.receivedAt, record.id),
      ...listings.sender,
      ...listings.order,
      type: 'inbound',
      ...record,
    };
  }

  /**
   * Lists a record stored before records were listed under their sender and order (the operator's
   * backfill, workflows/backfill-privacy-keys.ts): only the listings it should have and lacks
   * (`listed` says which it had when read), and only while it still lacks them: a write in between
   * (an erasure's rewrite) lists it itself. Answers which listings this call put.
   */
  async listForPrivacy(record: ListableRecord, listed: { sender: boolean; order: boolean }): Promise<ListingsPut> {
    const wanted = personalListings(record);
    const put = listingsLacking(record, listed);
    if (!put.sender && !put.order) return put;
    const values: Record<string, string> = {};
    const sets: string[] = [];
    const absent: string[] = [];
    for (const listing of [put.sender ? wanted.sender : undefined, put.order ? wanted.order : undefined]) {
      for (const [name, value] of Object.entries(listing ?? {})) {
        sets.push(`${name} = :${name}`);
        values[`:${name}`] = value;
        if (name.endsWith('pk')) absent.push(`attribute_not_exists(${name})`);
      }
    }
    try {
      await this.db.doc.send(
        new UpdateCommand({
          TableName: this.db.tableName,
          Key: keys.inboundMessage(record.id),
          UpdateExpression: `SET ${sets.join(', ')}`,
          ConditionExpression: ['attribute_exists(pk)', ...absent].join(' AND '),
          ExpressionAttributeValues: values,
        }),
      );
      return put;
    } catch (error) {
      if (!isWriteRefused(error)) throw error;
      return { sender: false, order: false };
    }
  }

  /** What a person sent: recognised as them, or from their address (their export and erasure). */
  async fromSender(personId: string, email: string): Promise<InboundRecord[]> {
    const senders = [{ personId }, ...(email ? [{ email }] : [])];
    const found = new Map<string, InboundRecord>();
    for (const sender of senders) {
      for (const item of await queryAll(this.db, inPartition(partitions.inboundOfSender(sender)))) {
        const record = fromItem<InboundRecord>(item);
        found.set(record.id, record);
      }
    }
    return [...found.values()].sort((a, b) => a.receivedAt.localeCompare(b.receivedAt));
  }

  /** Every message about an order, whoever sent it. */
  async aboutOrder(orderNumber: string): Promise<InboundRecord[]> {
    const items = await queryAll(this.db, inPartition(partitions.inboundAboutOrder(orderNumber)));
    return items.map((item) => fromItem<InboundRecord>(item));
  }

  /**
   * Writes a record back without the words anonymising removed (the same keys, but never an address:
   * a record whose sender was not recognised leaves its sender's list).
   */
  async rewrite(record: InboundRecord): Promise<void> {
    const { leaseUntil: _lease, ...rest } = record as InboundRecord & { leaseUntil?: string };
    await this.db.doc.send(new PutCommand({ TableName: this.db.tableName, Item: this.item(rest) }));
  }

  /** Forgets on which days an address was answered (the address is in the key). Answers how many went. */
  async forgetAnswered(email: string): Promise<number> {
    const items = await queryAll(this.db, {
      ...inPartition(partitions.inboundAnsweredTo(email.toLowerCase())),
      ProjectionExpression: 'pk, sk',
    });
    for (const item of items) {
      await this.db.doc.send(
        new DeleteCommand({ TableName: this.db.tableName, Key: { pk: String(item.pk), sk: String(item.sk) } }),
      );
    }
    return items.length;
  }

  /**
   * Marks the message's fingerprints as taken by `id`; false when another message took one of them
   * first (a duplicate). A retry of the same message finds its own marks and goes on.
   */
  async markSeen(id: string, fingerprints: { messageId?: string; content: string }, now: Date): Promise<boolean> {
    const seconds = Math.floor(now.getTime() / 1000);
    const put = (fingerprint: string, ttl: number) => ({
      Put: {
        TableName: this.db.tableName,
        Item: { ...keys.inboundSeen(fingerprint), type: 'inbound-seen', by: id, expiresAt: seconds + ttl },
        ConditionExpression: 'attribute_not_exists(pk) OR #by = :me OR expiresAt < :now',
        ExpressionAttributeNames: { '#by': 'by' },
        ExpressionAttributeValues: { ':me': id, ':now': seconds },
      },
    });
    const items: NonNullable<TransactWriteCommandInput['TransactItems']> = [
      put(`C#${fingerprints.content}`, SEEN_CONTENT_SECONDS),
    ];
    if (fingerprints.messageId) items.push(put(`M#${fingerprints.messageId}`, SEEN_MESSAGE_ID_SECONDS));
    return this.writeIfConditionsHold(items);
  }

  /**
   * Queues the answer to a refused message unless this address got one for this outcome today.
   * Returns whether it was queued (a retry whose answer is queued already counts as queued).
   */
  async answerOncePerDay(
    email: string,
    outcome: InboundOutcome,
    day: string,
    message: MailMessage,
    now: string,
  ): Promise<boolean> {
    try {
      await this.db.doc.send(
        new TransactWriteCommand({
          TransactItems: oncePerDay(
            this.db.tableName,
            { ...keys.inboundAnswered(email.toLowerCase(), outcome), type: 'inbound-answered' },
            day,
            message,
            now,
          ),
        }),
      );
      return true;
    } catch (error) {
      if (!isWriteRefused(error)) throw error;
      const queued = await this.db.doc.send(
        new GetCommand({
          TableName: this.db.tableName,
          Key: keys.outboxMessage(message.id),
          ProjectionExpression: 'id',
        }),
      );
      return Boolean(queued.Item);
    }
  }

  /** A department's inbound mail, newest first. */
  async ofDepartment(
    department: string,
    cursor: string | undefined,
    limit: number,
  ): Promise<{ items: InboundRecord[]; cursor?: string }> {
    return newestFirst<InboundRecord>(this.db, partitions.inboundOfDepartment(department), cursor, limit);
  }

  async intakeOf(department: string): Promise<MailIntake | undefined> {
    const { Item } = await this.db.doc.send(
      new GetCommand({ TableName: this.db.tableName, Key: keys.mailIntake(department) }),
    );
    return Item ? fromItem<MailIntake>(Item) : undefined;
  }

  /** The department receiving at `localPart`, with its intake. */
  async intakeAt(localPart: string): Promise<MailIntake | undefined> {
    const { Item } = await this.db.doc.send(
      new GetCommand({ TableName: this.db.tableName, Key: keys.inboundAddress(localPart) }),
    );
    if (!Item) return undefined;
    const intake = await this.intakeOf(Item.department as string);
    return intake?.localPart === localPart ? intake : undefined;
  }

  /**
   * Sets a department's inbound address and intake service; false when another department already
   * receives at that local part. The old address is given up in the same transaction.
   */
  async setIntake(intake: MailIntake): Promise<boolean> {
    const before = await this.intakeOf(intake.department);
    const items: NonNullable<TransactWriteCommandInput['TransactItems']> = [
      {
        Put: {
          TableName: this.db.tableName,
          Item: { ...keys.mailIntake(intake.department), type: 'mail-intake', ...intake },
        },
      },
      {
        Put: {
          TableName: this.db.tableName,
          Item: { ...keys.inboundAddress(intake.localPart), type: 'inbound-address', department: intake.department },
          ConditionExpression: 'attribute_not_exists(pk) OR department = :me',
          ExpressionAttributeValues: { ':me': intake.department },
        },
      },
    ];
    if (before && before.localPart !== intake.localPart) {
      items.push({ Delete: { TableName: this.db.tableName, Key: keys.inboundAddress(before.localPart) } });
    }
    return this.writeIfConditionsHold(items);
  }

  /** Writes the items in one transaction; false when one of their conditions does not hold. */
  private async writeIfConditionsHold(
    items: NonNullable<TransactWriteCommandInput['TransactItems']>,
  ): Promise<boolean> {
    try {
      await this.db.doc.send(new TransactWriteCommand({ TransactItems: items }));
      return true;
    } catch (error) {
      if (isWriteRefused(error)) return false;
      throw error;
    }
  }
}
