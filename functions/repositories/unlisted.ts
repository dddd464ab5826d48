/**
 * The items a person's export and erasure cannot find yet, because they were stored before their
 * listings existed: read by a Scan of the whole table, page by page, for the operator's one-off
 * backfill (functions/workflows/backfill-privacy-keys.ts, `npm run backfill:privacy-keys`). Its own
 * module so that no repository a request uses can Scan.
 */
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../storage/client.ts';
import { decodeCursor, encodeCursor } from '../storage/keys.ts';
import type { ListableRecord } from './inbound.ts';
import type { OutboxListing } from './privacy.ts';

/** One page of the table's items that a person's export and erasure cannot find yet (see UnlistedItems.page). */
export interface UnlistedPage {
  /** Mail in records with a sender or an order, not listed under one of them (`listed` says which they are). */
  inbound: Array<{ record: ListableRecord; listed: { sender: boolean; order: boolean } }>;
  /** Mail about an order (outbox), not listed under it. */
  mails: OutboxListing[];
  /** Webhook events about an order, not listed under it. */
  webhookEvents: OutboxListing[];
  /** Items the page read (DynamoDB's ScannedCount). */
  scanned: number;
  /** Where the next page starts; absent after the last. */
  next?: string;
}

/**
 * The Scan's filter: finished mail in records with a sender but no sender listing (gsi2) or with an
 * order but no order listing (gsi3); mail about an order with no order listing (gsi1; mail has no
 * `kind`); webhook events of an order with no order listing (gsi2).
 */
const UNLISTED = [
  '(#type = :inbound AND #status = :done AND (',
  '(attribute_not_exists(gsi2pk) AND (attribute_exists(personId) OR attribute_exists(#from)))',
  ' OR (attribute_not_exists(gsi3pk) AND attribute_exists(orderNumber))))',
  ' OR (#type = :outbox AND attribute_exists(orderNumber) AND (',
  '(attribute_not_exists(#kind) AND attribute_not_exists(gsi1pk))',
  ' OR (#kind = :webhook AND attribute_not_exists(gsi2pk))))',
].join('');

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

export class UnlistedItems {
  constructor(private readonly db: Db) {}

  /**
   * One page of a Scan of the whole table for the items a person's export and erasure cannot find
   * yet, stored before their listings existed: for the operator's one-off backfill only, never on a
   * request. `from` is a page's `next` (to go on after an interruption); `limit` bounds the items the
   * page reads (DynamoDB stops at 1 MB before that).
   */
  async page(from: string | undefined, limit: number): Promise<UnlistedPage> {
    const start = decodeCursor(from);
    if (from && !start) throw new Error(`not a page's position: ${from}`);
    const out = await this.db.doc.send(
      new ScanCommand({
        TableName: this.db.tableName,
        FilterExpression: UNLISTED,
        ProjectionExpression: '#type, #kind, id, receivedAt, personId, #from, orderNumber, createdAt, gsi2pk, gsi3pk',
        ExpressionAttributeNames: { '#type': 'type', '#status': 'status', '#from': 'from', '#kind': 'kind' },
        ExpressionAttributeValues: {
          ':inbound': 'inbound',
          ':done': 'done',
          ':outbox': 'outbox',
          ':webhook': 'webhook',
        },
        Limit: limit,
        ...(start ? { ExclusiveStartKey: start } : {}),
      }),
    );
    const page: UnlistedPage = { inbound: [], mails: [], webhookEvents: [], scanned: out.ScannedCount ?? 0 };
    for (const item of out.Items ?? []) {
      const id = String(item.id);
      const orderNumber = text(item.orderNumber);
      if (item.type === 'inbound') {
        const personId = text(item.personId);
        const from = text(item.from);
        page.inbound.push({
          record: {
            id,
            receivedAt: String(item.receivedAt),
            ...(personId ? { personId } : {}),
            ...(from ? { from } : {}),
            ...(orderNumber ? { orderNumber } : {}),
          },
          listed: { sender: item.gsi2pk !== undefined, order: item.gsi3pk !== undefined },
        });
      } else if (orderNumber) {
        (item.kind === 'webhook' ? page.webhookEvents : page.mails).push({
          id,
          orderNumber,
          createdAt: String(item.createdAt),
        });
      }
    }
    const next = encodeCursor(out.LastEvaluatedKey);
    if (next) page.next = next;
    return page;
  }
}
