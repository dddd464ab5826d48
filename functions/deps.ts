/**
 * Builds everything the API and the workers need from the configuration, once per process.
 */
import { type Authenticator, CognitoAuthenticator, DevTokenAuthenticator } from './auth/authenticator.ts';
import { LinkSigner } from './auth/links.ts';
import type { Config } from './config.ts';
import { createLogger, type Logger } from './http/logger.ts';
import { createSesMailer, type Mailer } from './mail/ses.ts';
import { DepartmentRepository } from './repositories/departments.ts';
import { OrderRepository } from './repositories/orders.ts';
import { OutboxRepository } from './repositories/outbox.ts';
import { ServiceRepository } from './repositories/services.ts';
import { StatsRepository } from './repositories/stats.ts';
import { SurveyRepository } from './repositories/surveys.ts';
import { UserRepository } from './repositories/users.ts';
import { AttachmentStore } from './storage/attachments.ts';
import { createDb, type Db } from './storage/client.ts';
import { CatalogWorkflow } from './workflows/catalog.ts';
import { OrderWorkflow } from './workflows/orders.ts';
import { ReportWorkflow } from './workflows/reports.ts';
import { SurveyWorkflow } from './workflows/surveys.ts';
import { SlaTimerJob } from './workflows/timers.ts';

export interface Deps {
  config: Config;
  db: Db;
  log: Logger;
  now: () => Date;
  authenticator: Authenticator;
  /** Present only in local mode: signs development tokens. */
  devTokens?: DevTokenAuthenticator;
  users: UserRepository;
  departments: DepartmentRepository;
  services: ServiceRepository;
  orders: OrderRepository;
  outbox: OutboxRepository;
  orderWorkflow: OrderWorkflow;
  catalogWorkflow: CatalogWorkflow;
  slaTimers: SlaTimerJob;
  surveyWorkflow: SurveyWorkflow;
  reportWorkflow: ReportWorkflow;
  stats: StatsRepository;
  mailer: Mailer;
  /** Absent when no attachments bucket is configured. */
  attachments?: AttachmentStore;
}

export function createDeps(config: Config, overrides: { now?: () => Date; log?: Logger } = {}): Deps {
  const now = overrides.now ?? (() => new Date());
  const log = overrides.log ?? createLogger(config.logLevel, { stage: config.stage });
  const db = createDb({
    tableName: config.tableName,
    region: config.region,
    ...(config.dynamoEndpoint ? { endpoint: config.dynamoEndpoint } : {}),
  });
  const devTokens = config.auth.mode === 'local' ? new DevTokenAuthenticator(config.auth.secret) : undefined;
  const authenticator =
    devTokens ??
    (config.auth.mode === 'cognito'
      ? new CognitoAuthenticator(config.auth.userPoolId, config.auth.clientId)
      : undefined);
  if (!authenticator) throw new Error('No authenticator configured.');
  const users = new UserRepository(db);
  const departments = new DepartmentRepository(db);
  const services = new ServiceRepository(db);
  const orders = new OrderRepository(db);
  const outbox = new OutboxRepository(db);
  const mailer = createSesMailer({
    region: config.region,
    from: config.mailFrom,
    ...(config.sesEndpoint ? { endpoint: config.sesEndpoint } : {}),
    ...(config.sesConfigurationSet ? { configurationSet: config.sesConfigurationSet } : {}),
  });
  const links = new LinkSigner(config.linkSecret);
  const stats = new StatsRepository(db);
  const surveyWorkflow = new SurveyWorkflow({
    orders,
    services,
    departments,
    users,
    surveys: new SurveyRepository(db),
    links,
    portalUrl: config.portalUrl,
    budgetDays: config.surveyBudgetDays,
    now,
  });
  const reportWorkflow = new ReportWorkflow({ stats, services, orders, departments, now });
  const orderWorkflow = new OrderWorkflow({
    surveys: surveyWorkflow,
    orders,
    services,
    departments,
    users,
    links,
    portalUrl: config.portalUrl,
    now,
  });
  const catalogWorkflow = new CatalogWorkflow({ departments, services, users, now });
  const slaTimers = new SlaTimerJob({ orders, departments, users, portalUrl: config.portalUrl, log, now });
  const attachments = config.attachmentsBucket
    ? new AttachmentStore(config.attachmentsBucket, {
        region: config.region,
        ...(config.s3Endpoint ? { endpoint: config.s3Endpoint } : {}),
      })
    : undefined;
  return {
    ...(attachments ? { attachments } : {}),
    config,
    db,
    log,
    now,
    authenticator,
    ...(devTokens ? { devTokens } : {}),
    users,
    departments,
    services,
    orders,
    outbox,
    orderWorkflow,
    catalogWorkflow,
    slaTimers,
    surveyWorkflow,
    reportWorkflow,
    stats,
    mailer,
  };
}
