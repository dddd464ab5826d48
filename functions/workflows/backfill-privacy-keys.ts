/**
 * The listings a person's export and erasure find items by, for items stored before they existed: mail
 * about an order under the order (byCollection MAILS#number), mail in records under their sender
 * (queueByDue SENDER#P#id or SENDER#E#address) and under the order they are about (dueWork
 * INBOUND_ABOUT#number), webhook events under their order (queueByDue WEBHOOKS#number). Without them
 * an erasure leaves such mail, a record's words and an event's title in place, and an export leaves
 * the mail out. The head's digests need nothing: their ids have always been fixed by department and
 * day, which is how an erasure finds them.
 *
 * A one-off job: those items are listed nowhere else by person or order (delivered mail and webhook
 * events are in no list at all), so it reads the whole table once, page by page (a Scan filtered to them:
 * repositories/unlisted.ts), never on a request. Each listing is set on condition that
 * the item still lacks it, so the job is idempotent (a second run finds nothing to list), safe beside
 * live traffic (a record an erasure rewrote meanwhile is listed by that write), and can stop and go on
 * from the last page's position (`from`). `dryRun` reads and counts without writing.
 * Cost: the table's size in read units once (eventually consistent), one write per item listed.
 */
import { type InboundRepository, listingsLacking } from '../repositories/inbound.ts';
import type { OutboxRepository } from '../repositories/outbox.ts';
import type { UnlistedItems } from '../repositories/unlisted.ts';
import type { WebhookRepository } from '../repositories/webhooks.ts';
import { fewAtOnce } from './few-at-once.ts';

export interface PrivacyKeysBackfillDeps {
  unlisted: Pick<UnlistedItems, 'page'>;
  outbox: Pick<OutboxRepository, 'listUnderOrder'>;
  inbound: Pick<InboundRepository, 'listForPrivacy'>;
  webhooks: Pick<WebhookRepository, 'listUnderOrder'>;
}

export interface PrivacyKeysBackfillOptions {
  /** Count what would be listed, write nothing. */
  dryRun?: boolean;
  /** Go on from this page's position (a progress report's `next`); from the start by default. */
  from?: string;
  /** Items a page reads (DynamoDB also stops a page at 1 MB). */
  pageSize?: number;
  /** Told after each page. */
  progress?: (done: PrivacyKeysBackfillResult & { next?: string }) => void;
}

export interface PrivacyKeysBackfillResult {
  pages: number;
  /** Items read. */
  scanned: number;
  /** Mail about an order listed under it. */
  mails: number;
  /** Mail in records listed under their sender, and under the order they are about. */
  senderListings: number;
  orderListings: number;
  /** Webhook events listed under their order. */
  webhookEvents: number;
}

const PAGE_SIZE = 1000;

export async function backfillPrivacyKeys(
  deps: PrivacyKeysBackfillDeps,
  options: PrivacyKeysBackfillOptions = {},
): Promise<PrivacyKeysBackfillResult> {
  const result: PrivacyKeysBackfillResult = {
    pages: 0,
    scanned: 0,
    mails: 0,
    senderListings: 0,
    orderListings: 0,
    webhookEvents: 0,
  };
  let from = options.from;
  do {
    const page = await deps.unlisted.page(from, options.pageSize ?? PAGE_SIZE);
    const writes: Array<() => Promise<void>> = [
      ...page.mails.map((mail) => async () => {
        if (options.dryRun || (await deps.outbox.listUnderOrder(mail))) result.mails++;
      }),
      ...page.inbound.map(({ record, listed }) => async () => {
        const put = options.dryRun
          ? listingsLacking(record, listed)
          : await deps.inbound.listForPrivacy(record, listed);
        if (put.sender) result.senderListings++;
        if (put.order) result.orderListings++;
      }),
      ...page.webhookEvents.map((event) => async () => {
        if (options.dryRun || (await deps.webhooks.listUnderOrder(event))) result.webhookEvents++;
      }),
    ];
    await fewAtOnce(writes, (write) => write());
    result.pages++;
    result.scanned += page.scanned;
    from = page.next;
    options.progress?.({ ...result, ...(from ? { next: from } : {}) });
  } while (from);
  return result;
}
