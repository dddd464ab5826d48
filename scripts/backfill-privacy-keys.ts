/**
 * One-off: lists mail about an order and webhook events under their order, and mail in records under
 * their sender and the order they are about, for those stored before a person's export and erasure
 * found them so (functions/workflows/backfill-privacy-keys.ts): one paged Scan of the table, filtered
 * to those items.
 * Safe to run again, beside live traffic, or to stop and go on from the last page's position. Run it
 * once the deploy that writes those listings is complete; `--dry-run` only counts.
 *
 *   Locally (npm start running):  npm run backfill:privacy-keys
 *   In AWS (credentials of an operator who may read and write the table):
 *     STAGE=prod TABLE_NAME=<table> AWS_REGION=<region> npm run backfill:privacy-keys -- [--dry-run] [--from=<next>]
 */
import { InboundRepository } from '../functions/repositories/inbound.ts';
import { PrivacyRepository } from '../functions/repositories/privacy.ts';
import { backfillPrivacyKeys } from '../functions/workflows/backfill-privacy-keys.ts';
import { flag, operatorCore } from './local/operator.ts';

const core = operatorCore();
const dryRun = process.argv.includes('--dry-run');
const from = flag('from');
const started = performance.now();
const result = await backfillPrivacyKeys(
  {
    privacy: new PrivacyRepository(core.db, core.orders),
    outbox: core.outbox,
    inbound: new InboundRepository(core.db),
    webhooks: core.webhooks,
  },
  {
    dryRun,
    ...(from ? { from } : {}),
    progress: (p) =>
      console.log(
        `page ${p.pages}: ${p.scanned} items read; ${p.mails} mails by order, ${p.senderListings} mail in records listed by sender, ${p.orderListings} by order, ${p.webhookEvents} webhook events by order${p.next ? `; next: --from=${p.next}` : ''}`,
      ),
  },
);
console.log(
  `${dryRun ? 'Would list' : 'Listed'} ${result.mails} mails by order, ${result.senderListings} mail in records by sender, ${result.orderListings} by order and ${result.webhookEvents} webhook events by order, of ${result.scanned} items in ${result.pages} pages, in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
);
