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
import { UnlistedItems } from '../functions/repositories/unlisted.ts';
import { backfillPrivacyKeys, type PrivacyKeysBackfillResult } from '../functions/workflows/backfill-privacy-keys.ts';
import { flag, operatorCore } from './local/operator.ts';

const core = operatorCore();
const dryRun = process.argv.includes('--dry-run');
const from = flag('from');
const started = performance.now();
const counts = (r: PrivacyKeysBackfillResult) =>
  `by order ${r.mails} mails, ${r.orderListings} mail in records, ${r.webhookEvents} webhook events; by sender ${r.senderListings} mail in records`;
const result = await backfillPrivacyKeys(
  {
    unlisted: new UnlistedItems(core.db),
    outbox: core.outbox,
    inbound: new InboundRepository(core.db),
    webhooks: core.webhooks,
  },
  {
    dryRun,
    ...(from ? { from } : {}),
    progress: (p) =>
      console.log(`page ${p.pages}: ${p.scanned} items read; ${counts(p)}${p.next ? `; next: --from=${p.next}` : ''}`),
  },
);
console.log(
  `${dryRun ? 'Would list' : 'Listed'} ${counts(result)}; ${result.scanned} items read in ${result.pages} pages, ${((performance.now() - started) / 1000).toFixed(1)} s.`,
);
