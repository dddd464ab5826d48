/**
 * Builds everything the API and the workers need from the configuration, once per process.
 */
import { type Authenticator, OidcAuthenticator } from './auth/authenticator.ts';
import { LinkSigner } from './auth/links.ts';
import type { ApiConfig } from './config.ts';
import { type CoreDeps, createCoreDeps, type ObservabilityOverrides } from './core-deps.ts';
import { type OnFirstUse, onFirstUse } from './on-first-use.ts';
import { createOrderUseCases } from './order-deps.ts';
import type { ServiceRepository } from './repositories/services.ts';
import { StatsRepository } from './repositories/stats.ts';
import { TokenRepository } from './repositories/tokens.ts';
import { type AttachmentStore, bucketStore } from './storage/attachments.ts';
import type { CanvasWorkflow } from './workflows/canvas.ts';
import { CatalogWorkflow } from './workflows/catalog.ts';
import type { InsightWorkflow } from './workflows/insight.ts';
import { TokenWorkflow } from './workflows/integrations/tokens.ts';
import type { WebhookWorkflow } from './workflows/integrations/webhooks.ts';
import type { OrderWorkflow } from './workflows/orders/index.ts';
import type { PrivacyWorkflow } from './workflows/privacy/index.ts';
import type { ProcessWorkflow } from './workflows/process.ts';
import type { ReportWorkflow } from './workflows/reports.ts';
import type { SurveyWorkflow } from './workflows/surveys.ts';
import type { TransferWorkflow } from './workflows/transfer.ts';

export interface Deps extends CoreDeps {
  config: ApiConfig;
  authenticator: Authenticator;
  services: ServiceRepository;
  orderWorkflow: OrderWorkflow;
  catalogWorkflow: CatalogWorkflow;
  surveyWorkflow: SurveyWorkflow;
  /**
   * The use cases below marked "first use" load their module with their first call (on-first-use.ts),
   * so a cold start parses only the order and catalog paths every request may need.
   */
  /** Reports and the backlog (first use). */
  reportWorkflow: OnFirstUse<ReportWorkflow>;
  /** The head's customers, capacity and goals (first use). */
  insightWorkflow: OnFirstUse<InsightWorkflow>;
  /** The process map, SIPOC and hand-off map (first use). */
  processWorkflow: OnFirstUse<ProcessWorkflow>;
  /** The living canvas and the service ranking, for heads (first use). */
  canvasWorkflow: OnFirstUse<CanvasWorkflow>;
  tokenWorkflow: TokenWorkflow;
  /** A department's webhook subscriptions and their delivery log (first use). */
  webhookWorkflow: OnFirstUse<WebhookWorkflow>;
  stats: StatsRepository;
  /** A person's export and erasure, and the retention job (workflows/privacy/; first use). */
  privacyWorkflow: OnFirstUse<PrivacyWorkflow>;
  /** A department's catalog exported and imported (workflows/transfer.ts; first use). */
  transferWorkflow: OnFirstUse<TransferWorkflow>;
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
  const reportWorkflow = onFirstUse(async () => {
    const { ReportWorkflow } = await import('./workflows/reports.ts');
    return new ReportWorkflow({ stats, services, orders, departments, now });
  });
  const views = { stats, services, departments, now };
  const insightWorkflow = onFirstUse(async () => new (await import('./workflows/insight.ts')).InsightWorkflow(views));
  const processWorkflow = onFirstUse(async () => new (await import('./workflows/process.ts')).ProcessWorkflow(views));
  const canvasWorkflow = onFirstUse(async () => new (await import('./workflows/canvas.ts')).CanvasWorkflow(views));
  const catalogWorkflow = new CatalogWorkflow({ departments, services, users, now });
  const transferWorkflow = onFirstUse(async () => {
    const { TransferWorkflow } = await import('./workflows/transfer.ts');
    return new TransferWorkflow({ departments, services, users, now });
  });
  const tokenStore = new TokenRepository(db);
  const tokenWorkflow = new TokenWorkflow({
    ...orderDeps,
    tokens: tokenStore,
    personByEmail: (email) => tokenStore.personByEmail(email),
  });
  const webhookWorkflow = onFirstUse(async () => {
    const { WebhookWorkflow } = await import('./workflows/integrations/webhooks.ts');
    return new WebhookWorkflow({
      webhooks: core.webhooks,
      policy: { allowLocal: config.webhooksAllowLocal === true },
      now,
    });
  });
  const attachments = bucketStore(config.attachmentsBucket, config, overrides.instrument);
  // Raw inbound messages, for the department head's download and a sender's export and erasure (SES
  // and mail in write them).
  const rawMail = bucketStore(config.inboundBucket, config, overrides.instrument);
  const privacyWorkflow = onFirstUse(async () => {
    const [{ PrivacyWorkflow }, { PrivacyRepository }, { InboundRepository }] = await Promise.all([
      import('./workflows/privacy/index.ts'),
      import('./repositories/privacy.ts'),
      import('./repositories/inbound.ts'),
    ]);
    return new PrivacyWorkflow({
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
