/**
 * Runs once a day (EventBridge Scheduler): anonymises closed orders whose service's retention period
 * has passed (workflows/privacy/), and records the run in the audit log. Idempotent and reading only
 * what is due, so a retried run changes nothing and a missed one is caught up by the next.
 */
import { loadConfig } from '../config.ts';
import { createStorageDeps } from '../core-deps.ts';
import { lambdaObservability } from '../observability/lambda.ts';
import { InboundRepository } from '../repositories/inbound.ts';
import { PrivacyRepository } from '../repositories/privacy.ts';
import { ServiceRepository } from '../repositories/services.ts';
import { bucketStore } from '../storage/attachments.ts';
import { PrivacyWorkflow } from '../workflows/privacy/index.ts';

const config = loadConfig();
const observed = lambdaObservability(config);
const { instrument } = observed;
const deps = createStorageDeps(config, observed);
const files = bucketStore(config.attachmentsBucket, config, instrument);
// Raw messages of mail in about the orders it anonymises.
const rawMail = bucketStore(config.inboundBucket, config, instrument);
const privacy = new PrivacyWorkflow({
  privacy: new PrivacyRepository(deps.db, deps.orders),
  inbound: new InboundRepository(deps.db),
  webhooks: deps.webhooks,
  services: new ServiceRepository(deps.db),
  departments: deps.departments,
  users: deps.users,
  ...(files ? { files } : {}),
  ...(rawMail ? { rawMail } : {}),
  log: deps.log,
  now: deps.now,
});

export const handler = observed.handler(async () => ({ ...(await privacy.retention()) }));
