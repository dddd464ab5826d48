/**
 * What every process needs, API or worker: storage, mail and the SLA timer job. The workers build only
 * this, so their bundles carry no web framework, validation library or S3 client.
 */
import { type Config, replyKeyRing } from './config.ts';
import { ReplyAddresses } from './inbound/reply-address.ts';
import { createSesMailer, type Mailer } from './mail/ses.ts';
import { createReadableLogger, type Logger } from './observability/logger.ts';
import { logMetrics, type Metrics } from './observability/metrics.ts';
import type { Instrument } from './observability/tracer.ts';
import { DepartmentRepository } from './repositories/departments.ts';
import { NoteRepository } from './repositories/notes.ts';
import { OrderRepository } from './repositories/orders.ts';
import { OutboxRepository } from './repositories/outbox.ts';
import { ServiceRepository } from './repositories/services.ts';
import { UserRepository } from './repositories/users.ts';
import { WebhookRepository } from './repositories/webhooks.ts';
import { createDb, type Db } from './storage/client.ts';
import { DailyDigest } from './workflows/digest.ts';
import { SlaTimerJob } from './workflows/timers.ts';

/** What the background workers need: storage, mail and the SLA timer job — no web framework, no validation. */
export interface CoreDeps {
  config: Config;
  db: Db;
  log: Logger;
  metrics: Metrics;
  now: () => Date;
  users: UserRepository;
  departments: DepartmentRepository;
  orders: OrderRepository;
  outbox: OutboxRepository;
  /** People's notifications in the portal, written as their mail is taken for delivery. */
  notes: NoteRepository;
  mailer: Mailer;
  slaTimers: SlaTimerJob;
  digest: DailyDigest;
  /** Webhook subscriptions; every order write fans the events it raises out to them (repositories/webhooks.ts). */
  webhooks: WebhookRepository;
}

/**
 * How a process observes itself. The Lambda entries pass Powertools' (observability/lambda.ts); by
 * default logs are readable lines, metrics are debug entries of the log and nothing is traced.
 */
export interface ObservabilityOverrides {
  log?: Logger;
  metrics?: Metrics;
  /** Wraps each AWS SDK client (the X-Ray tracer in Lambda). */
  instrument?: Instrument;
}

/** The log, the metrics and the table: what every process starts from. */
function observedTable(config: Config, overrides: ObservabilityOverrides) {
  const log = overrides.log ?? createReadableLogger(config.logLevel);
  const metrics = overrides.metrics ?? logMetrics(log);
  const db = createDb({
    tableName: config.tableName,
    region: config.region,
    ...(config.dynamoEndpoint ? { endpoint: config.dynamoEndpoint } : {}),
    ...(config.storageAttemptMs ? { attemptMs: config.storageAttemptMs } : {}),
    ...(overrides.instrument ? { instrument: overrides.instrument } : {}),
  });
  return { config, log, metrics, db };
}

/** The SES mailer, with each order's reply address when mail in is on. */
function createMailer(config: Config, overrides: ObservabilityOverrides): Mailer {
  const { inbound } = config;
  // Read on the first mail about an order (Secrets Manager in AWS), then kept for the process.
  let replies: Promise<ReplyAddresses> | undefined;
  const addresses = (domain: NonNullable<Config['inbound']>) => {
    replies ??= replyKeyRing(domain).then((ring) => new ReplyAddresses(ring, domain.domain));
    return replies;
  };
  const replyTo = inbound
    ? { replyTo: async (orderNumber: string) => (await addresses(inbound)).address(orderNumber) }
    : {};
  return createSesMailer({
    region: config.region,
    ...replyTo,
    from: config.mailFrom,
    ...(config.sesEndpoint ? { endpoint: config.sesEndpoint } : {}),
    ...(config.sesConfigurationSet ? { configurationSet: config.sesConfigurationSet } : {}),
    ...(overrides.instrument ? { instrument: overrides.instrument } : {}),
  });
}

/** The outbox, the notes its messages leave in the portal, and SES: what sends mail. */
function mailParts(db: Db, config: Config, overrides: ObservabilityOverrides) {
  return { outbox: new OutboxRepository(db), notes: new NoteRepository(db), mailer: createMailer(config, overrides) };
}

/** The mail worker's share: the table and what sends mail. */
export function createMailDeps(config: Config, overrides: ObservabilityOverrides = {}) {
  const base = observedTable(config, overrides);
  return { ...base, ...mailParts(base.db, config, overrides) };
}

/**
 * The retention job's share: people, departments and orders, each order write fanning its events out
 * to the webhooks. No mail and no timers, so its bundle carries neither.
 */
export function createStorageDeps(config: Config, overrides: ObservabilityOverrides & { now?: () => Date } = {}) {
  const base = observedTable(config, overrides);
  const { db } = base;
  const orders = new OrderRepository(db);
  const webhooks = new WebhookRepository(db);
  orders.alsoWrite((order, events, at) => webhooks.itemsFor(order, events, at));
  return {
    ...base,
    now: overrides.now ?? (() => new Date()),
    users: new UserRepository(db),
    departments: new DepartmentRepository(db),
    orders,
    webhooks,
  };
}

export function createCoreDeps(
  config: Config,
  overrides: ObservabilityOverrides & { now?: () => Date } = {},
): CoreDeps {
  const storage = createStorageDeps(config, overrides);
  const { db, log, now, users, departments, orders } = storage;
  const mail = mailParts(db, config, overrides);
  const { outbox } = mail;
  const services = new ServiceRepository(db);
  return {
    ...storage,
    ...mail,
    slaTimers: new SlaTimerJob({ orders, departments, users, services, portalUrl: config.portalUrl, log, now }),
    digest: new DailyDigest({ departments, orders, users, outbox, portalUrl: config.portalUrl, now }),
  };
}
