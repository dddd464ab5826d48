/**
 * Builds everything the API and the workers need from the configuration, once per process.
 */
import { type Authenticator, OidcAuthenticator } from './auth/authenticator.ts';
import { LinkSigner } from './auth/links.ts';
import type { ApiConfig } from './config.ts';
import { type CoreDeps, createCoreDeps, type ObservabilityOverrides } from './core-deps.ts';
import { createOrderUseCases } from './order-deps.ts';
import { InboundRepository } from './repositories/inbound.ts';
import { PrivacyRepository } from './repositories/privacy.ts';
import type { ServiceRepository } from './repositories/services.ts';
import { StatsRepository } from './repositories/stats.ts';
import { TokenRepository } from './repositories/tokens.ts';
import { type AttachmentStore, bucketStore } from './storage/attachments.ts';
import { CanvasWorkflow } from './workflows/canvas.ts';
import { CatalogWorkflow } from './workflows/catalog.ts';
import { InsightWorkflow } from './workflows/insight.ts';
import { TokenWorkflow } from './workflows/integrations/tokens.ts';
import { WebhookWorkflow } from './workflows/integrations/webhooks.ts';
import type { OrderWorkflow } from './workflows/orders/index.ts';
import { PrivacyWorkflow } from './workflows/privacy/index.ts';
import { ProcessWorkflow } from './workflows/process.ts';
import { ReportWorkflow } from './workflows/reports.ts';
import type { SurveyWorkflow } from './workflows/surveys.ts';
import { TransferWorkflow } from './workflows/transfer.ts';

export interface Deps extends CoreDeps {
  config: ApiConfig;
  authenticator: Authenticator;
  services: ServiceRepository;
  orderWorkflow: OrderWorkflow;
  catalogWorkflow: CatalogWorkflow;
  surveyWorkflow: SurveyWorkflow;
  reportWorkflow: ReportWorkflow;
  insightWorkflow: InsightWorkflow;
  processWorkflow: ProcessWorkflow;
  /** The living canvas and the service ranking (heads). */
  canvasWorkflow: CanvasWorkflow;
  tokenWorkflow: TokenWorkflow;
  webhookWorkflow: WebhookWorkflow;
  stats: StatsRepository;
  /** A person's export and erasure, and the retention job (workflows/privacy/). */
  privacyWorkflow: PrivacyWorkflow;
  /** A department's catalog exported and imported (workflows/transfer.ts). */
  transferWorkflow: TransferWorkflow;
  /** Absent when no attachments bucket is configured. */
  attachments?: AttachmentStore;
  /** Links to raw inbound messages; absent when no inbound bucket is configured. */
  rawMail?: AttachmentStore;
}

export function createDeps(config: ApiConfig, overrides: ObservabilityOverrides & { now?: () => Date } = {}): Deps {
  const core = createCoreDeps(config, overrides);
  const { db, now, users, departments, orders } = core;
  const authenticator = new OidcAuthenticator(config.auth);
  const { services, surveyWorkflow, orderDeps, orderWorkflow } = createOrderUseCases(
    core,
    config,
    new LinkSigner(config.linkKeys),
  );
  const stats = new StatsRepository(db);
  const reportWorkflow = new ReportWorkflow({ stats, services, orders, departments, now });
  const insightWorkflow = new InsightWorkflow({ stats, services, departments, now });
  const processWorkflow = new ProcessWorkflow({ stats, services, departments, now });
  const canvasWorkflow = new CanvasWorkflow({ stats, services, departments, now });
  const catalogWorkflow = new CatalogWorkflow({ departments, services, users, now });
  const transferWorkflow = new TransferWorkflow({ departments, services, users, now });
  const tokenStore = new TokenRepository(db);
  const tokenWorkflow = new TokenWorkflow({
    ...orderDeps,
    tokens: tokenStore,
    personByEmail: (email) => tokenStore.personByEmail(email),
  });
  const webhookWorkflow = new WebhookWorkflow({
    webhooks: core.webhooks,
    policy: { allowLocal: config.webhooksAllowLocal === true },
    now,
  });
  const attachments = bucketStore(config.attachmentsBucket, config, overrides.instrument);
  // Raw inbound messages, for the department head's download and a sender's export and erasure (SES
  // and mail in write them).
  const rawMail = bucketStore(config.inboundBucket, config, overrides.instrument);
  const privacyWorkflow = new PrivacyWorkflow({
    privacy: new PrivacyRepository(db, orders),
    inbound: new InboundRepository(db),
    webhooks: core.webhooks,
    services,
    departments,
    users,
    ...(attachments ? { files: attachments } : {}),
    ...(rawMail ? { rawMail } : {}),
    log: core.log,
    now,
  });
  return {
    ...core,
    ...(attachments ? { attachments } : {}),
    ...(rawMail ? { rawMail } : {}),
    privacyWorkflow,
    config,
    authenticator,
    services,
    orderWorkflow,
    catalogWorkflow,
    transferWorkflow,
    surveyWorkflow,
    reportWorkflow,
    insightWorkflow,
    processWorkflow,
    canvasWorkflow,
    tokenWorkflow,
    webhookWorkflow,
    stats,
  };
}
