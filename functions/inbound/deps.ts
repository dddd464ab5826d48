/**
 * What the mail-in function needs: storage, the order use cases (the same the API runs), the inbound
 * bucket and the reply key ring. It holds no link key: nothing it does writes an answer or survey link
 * (comments, answers to a question and new orders send none), so its signer refuses to sign.
 */
import { LinkSigner } from '../auth/links.ts';
import { type Config, ConfigError, replyKeyRing } from '../config.ts';
import { createCoreDeps, type ObservabilityOverrides } from '../core-deps.ts';
import type { Deps } from '../deps.ts';
import { createOrderUseCases } from '../order-deps.ts';
import { InboundRepository } from '../repositories/inbound.ts';
import { MailIn, type MailInDeps } from './mail-in.ts';
import { ReplyAddresses } from './reply-address.ts';
import { createInboundStore, type InboundStore } from './store.ts';

/** The authserv-id of the Authentication-Results header SES adds to received mail. */
export const SES_AUTHSERV_ID = 'amazonses.com';

class NoLinks extends LinkSigner {
  constructor() {
    super({ current: 'none', keys: { none: 'x'.repeat(32) } });
  }
  override sign(): string {
    throw new Error('Mail in writes no signed links.');
  }
}

export async function createMailIn(
  config: Config,
  overrides: ObservabilityOverrides = {},
): Promise<{ mailIn: MailIn; core: ReturnType<typeof createCoreDeps> }> {
  const { inbound, inboundBucket } = config;
  if (!inbound || !inboundBucket) throw new ConfigError('Mail in needs INBOUND_DOMAIN and INBOUND_BUCKET.');
  const core = createCoreDeps(config, overrides);
  const { db, now, users, orders } = core;
  const { services, orderWorkflow } = createOrderUseCases(core, config, new NoLinks());
  const mailIn = new MailIn({
    inbound: new InboundRepository(db),
    store: createInboundStore({
      region: config.region,
      inboundBucket,
      ...(config.attachmentsBucket ? { attachmentsBucket: config.attachmentsBucket } : {}),
      ...(config.s3Endpoint ? { endpoint: config.s3Endpoint } : {}),
      ...(overrides.instrument ? { instrument: overrides.instrument } : {}),
    }),
    replies: new ReplyAddresses(await replyKeyRing(inbound), inbound.domain),
    orders,
    users,
    services,
    orderWorkflow,
    portalUrl: config.portalUrl,
    ownAddresses: [config.mailFrom.toLowerCase()],
    trustedServer: SES_AUTHSERV_ID,
    now,
    log: core.log,
    metrics: core.metrics,
  });
  return { mailIn, core };
}

/**
 * Mail in on the local stack and in the tests, on the API's own dependencies (same workflows, same
 * table); raw mail goes to `inboundBucket` of the S3 stand-in.
 */
export async function createLocalMailIn(
  deps: Pick<Deps, 'config' | 'db' | 'orders' | 'users' | 'services' | 'orderWorkflow' | 'now' | 'log' | 'metrics'>,
  inboundBucket: string,
): Promise<{
  mailIn: MailIn;
  parts: MailInDeps;
  store: InboundStore;
  inbound: InboundRepository;
  replies: ReplyAddresses;
}> {
  const { config } = deps;
  if (!config.inbound) throw new ConfigError('Mail in needs INBOUND_DOMAIN (set on local stages by default).');
  const store = createInboundStore({
    region: config.region,
    inboundBucket,
    ...(config.attachmentsBucket ? { attachmentsBucket: config.attachmentsBucket } : {}),
    ...(config.s3Endpoint ? { endpoint: config.s3Endpoint } : {}),
  });
  const inbound = new InboundRepository(deps.db);
  const replies = new ReplyAddresses(await replyKeyRing(config.inbound), config.inbound.domain);
  const parts: MailInDeps = {
    inbound,
    store,
    replies,
    orders: deps.orders,
    users: deps.users,
    services: deps.services,
    orderWorkflow: deps.orderWorkflow,
    portalUrl: config.portalUrl,
    ownAddresses: [config.mailFrom.toLowerCase()],
    trustedServer: SES_AUTHSERV_ID,
    now: deps.now,
    log: deps.log,
    metrics: deps.metrics,
  };
  return { mailIn: new MailIn(parts), parts, store, inbound, replies };
}
