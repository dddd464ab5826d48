/**
 * Configuration, read once at start-up into a typed object. Nothing else reads process.env.
 * Fails closed: a missing stage or sign-in setting stops the process instead of guessing.
 */
import { createHmac } from 'node:crypto';
import { type LinkKeyRing, parseLinkKeyRing } from './auth/link-keys.ts';

export const STAGES = ['local', 'test', 'dev', 'prod'] as const;
export type Stage = (typeof STAGES)[number];

/** What every process needs: the API and the workers (mail, SLA timers). */
export interface Config {
  stage: Stage;
  tableName: string;
  /** Set for the local stand-ins; unset in AWS. */
  dynamoEndpoint?: string;
  sesEndpoint?: string;
  s3Endpoint?: string;
  region: string;
  mailFrom: string;
  sesConfigurationSet?: string;
  portalUrl: string;
  /** Survey fatigue budget: at most one invitation per person in this many days. */
  surveyBudgetDays: number;
  /**
   * How long one storage call may wait for DynamoDB before the API answers 503 (default 1 s). Only
   * test suites sharing a busy machine with many emulated tables set it higher.
   */
  storageAttemptMs?: number;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** Webhooks may go to plain http and loopback (a receiver on this machine): local and test stages only. */
  webhooksAllowLocal?: true;
  /**
   * Mail in: replies come back to `order+<number>.<signature>@<domain>` and departments receive at
   * `<local part>@<domain>`. The reply key ring signs those addresses: its text (`REPLY_SECRET`,
   * local stages) or its Secrets Manager secret (`REPLY_SECRET_ARN`), read on first use.
   */
  inbound?: { domain: string; keys: { text: string } | { secretArn: string } };
  /** Where raw inbound mail is kept (S3; the S3 stand-in locally), under this key prefix. */
  inboundBucket?: string;
  inboundPrefix?: string;
  /** Attachments (presigned by the API, written by mail in). */
  attachmentsBucket?: string;
}

/** How the API checks who is calling: one OpenID Connect issuer (Cognito in AWS, the local provider locally). */
export interface AuthConfig {
  issuer: string;
  /** The portal's client: access tokens must name it in `client_id`, ID tokens in `aud`. */
  clientId: string;
  /** People whose verified email is listed here are administrators (lower-cased). */
  adminEmails: string[];
  /** Members of this identity-provider group are administrators. */
  adminGroup: string;
}

/** The API's configuration on top of the common one. */
export interface ApiConfig extends Config {
  auth: AuthConfig;
  /** Signs the links in emails (clarification answers, surveys); several keys while one is rotated out. */
  linkKeys: LinkKeyRing;
  attachmentsBucket?: string;
  /** Per-person write limit: a burst, refilled at a steady rate. */
  writeLimit: { burst: number; perSecond: number };
}

export class ConfigError extends Error {}

function required(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name];
  if (!value) throw new ConfigError(`Missing environment variable ${name}.`);
  return value;
}

function positiveNumber(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new ConfigError(`${name} must be a positive number, not "${raw}".`);
  return value;
}

const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const stage = required(env, 'STAGE');
  if (!(STAGES as readonly string[]).includes(stage)) {
    throw new ConfigError(`STAGE must be one of ${STAGES.join(', ')}, not "${stage}".`);
  }
  const logLevel = env.LOG_LEVEL ?? 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, not "${logLevel}".`);
  }
  const config: Config = {
    stage: stage as Stage,
    tableName: required(env, 'TABLE_NAME'),
    region: env.AWS_REGION ?? 'us-east-1',
    mailFrom: env.MAIL_FROM ?? 'ordo@example.com',
    portalUrl: env.PORTAL_URL ?? 'http://localhost:3000',
    surveyBudgetDays: positiveNumber(env, 'SURVEY_BUDGET_DAYS', 14),
    logLevel: logLevel as Config['logLevel'],
  };
  if (env.STORAGE_ATTEMPT_MS) config.storageAttemptMs = positiveNumber(env, 'STORAGE_ATTEMPT_MS', 1_000);
  if (env.DYNAMODB_ENDPOINT) config.dynamoEndpoint = env.DYNAMODB_ENDPOINT;
  if (env.SES_ENDPOINT) config.sesEndpoint = env.SES_ENDPOINT;
  if (env.S3_ENDPOINT) config.s3Endpoint = env.S3_ENDPOINT;
  if (env.SES_CONFIGURATION_SET) config.sesConfigurationSet = env.SES_CONFIGURATION_SET;
  if (env.WEBHOOKS_ALLOW_LOCAL === 'true') {
    if (config.stage !== 'local' && config.stage !== 'test')
      throw new ConfigError('WEBHOOKS_ALLOW_LOCAL is for the local and test stages only.');
    config.webhooksAllowLocal = true;
  }
  const inbound = inboundConfig(env, config.stage);
  if (inbound) config.inbound = inbound;
  if (env.INBOUND_BUCKET) config.inboundBucket = env.INBOUND_BUCKET;
  if (env.INBOUND_PREFIX) config.inboundPrefix = env.INBOUND_PREFIX;
  if (env.ATTACHMENTS_BUCKET) config.attachmentsBucket = env.ATTACHMENTS_BUCKET;
  return config;
}

/** Locally mail in works out of the box: this domain, and a reply key derived from the link key. */
export const LOCAL_INBOUND_DOMAIN = 'in.ordo.localhost';

function inboundConfig(env: NodeJS.ProcessEnv, stage: Stage): Config['inbound'] {
  const local = stage === 'local' || stage === 'test';
  const domain = env.INBOUND_DOMAIN || (local ? LOCAL_INBOUND_DOMAIN : undefined);
  if (!domain) return undefined;
  if (!/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/i.test(domain))
    throw new ConfigError(`INBOUND_DOMAIN is not a domain name: ${domain}`);
  if (env.REPLY_SECRET_ARN) return { domain, keys: { secretArn: env.REPLY_SECRET_ARN } };
  // A key in plain text in the environment only on this machine, as with the link key.
  if (env.REPLY_SECRET && local) return { domain, keys: { text: env.REPLY_SECRET } };
  // A key of its own even locally, derived one way from the link key, so the two never coincide.
  if (local && env.LINK_SECRET)
    return {
      domain,
      keys: { text: createHmac('sha256', env.LINK_SECRET).update('ordo reply addresses').digest('hex') },
    };
  // The local default needs a key to derive from; without one, mail in is simply off.
  if (!env.INBOUND_DOMAIN) return undefined;
  throw new ConfigError('INBOUND_DOMAIN is set: REPLY_SECRET_ARN (or REPLY_SECRET locally) is required too.');
}

/** The reply key ring of mail in, read from Secrets Manager in AWS (once per process). */
export async function replyKeyRing(
  inbound: NonNullable<Config['inbound']>,
  readSecret: (arn: string) => Promise<string> = readSecretWithSdk,
): Promise<LinkKeyRing> {
  return parseLinkKeyRing('text' in inbound.keys ? inbound.keys.text : await readSecret(inbound.keys.secretArn));
}

/**
 * The API's configuration. The link keys come from Secrets Manager in AWS (`LINK_SECRET_ARN`, read
 * once per cold start) and from `LINK_SECRET` locally; `readSecret` is how the secret is fetched.
 */
export async function loadApiConfig(
  env: NodeJS.ProcessEnv = process.env,
  readSecret: (arn: string) => Promise<string> = readSecretFromAws,
): Promise<ApiConfig> {
  const secretArn = env.LINK_SECRET_ARN;
  return apiConfigFrom(env, secretArn ? await readSecret(secretArn) : undefined);
}

/**
 * The API's configuration from the environment and the link key ring's text (read from Secrets
 * Manager by `loadApiConfig`). Without it, `LINK_SECRET` is used — on the local stage and in tests only.
 */
export function apiConfigFrom(env: NodeJS.ProcessEnv, linkKeysText?: string): ApiConfig {
  const base = loadConfig(env);
  const issuer = required(env, 'OIDC_ISSUER').replace(/\/+$/, '');
  let issuerUrl: URL;
  try {
    issuerUrl = new URL(issuer);
  } catch {
    throw new ConfigError(`OIDC_ISSUER is not a URL: ${issuer}`);
  }
  // Plain http only for the local provider on this machine.
  const local = base.stage === 'local' || base.stage === 'test';
  if (issuerUrl.protocol !== 'https:' && !(local && issuerUrl.hostname === '127.0.0.1')) {
    throw new ConfigError(`OIDC_ISSUER must use https (got ${issuer}).`);
  }
  const rawKeys = linkKeysText ?? (local ? required(env, 'LINK_SECRET') : undefined);
  if (rawKeys === undefined) throw new ConfigError('Missing environment variable LINK_SECRET_ARN.');
  const config: ApiConfig = {
    ...base,
    auth: {
      issuer,
      clientId: required(env, 'OIDC_CLIENT_ID'),
      adminEmails: (env.ADMIN_EMAILS ?? '')
        .split(',')
        .map((e) => e.trim().toLowerCase())
        .filter(Boolean),
      adminGroup: env.ADMIN_GROUP || 'admin',
    },
    linkKeys: parseLinkKeyRing(rawKeys),
    writeLimit: {
      burst: positiveNumber(env, 'WRITE_LIMIT_BURST', 60),
      perSecond: positiveNumber(env, 'WRITE_LIMIT_PER_SECOND', 1),
    },
  };
  if (env.ATTACHMENTS_BUCKET) config.attachmentsBucket = env.ATTACHMENTS_BUCKET;
  return config;
}

/**
 * Secrets Manager through the SDK the Lambda runtime ships (nothing added to the bundle): the workers
 * that sign reply addresses read one secret once, and need no Powertools Parameters for it.
 */
async function readSecretWithSdk(arn: string): Promise<string> {
  const { SecretsManagerClient, GetSecretValueCommand } = await import('@aws-sdk/client-secrets-manager');
  const client = new SecretsManagerClient({});
  try {
    const out = await client.send(new GetSecretValueCommand({ SecretId: arn }));
    if (typeof out.SecretString !== 'string') throw new ConfigError(`Secret ${arn} has no text value.`);
    return out.SecretString;
  } finally {
    client.destroy();
  }
}

/** Secrets Manager through Powertools Parameters, loaded only when a secret is configured (AWS). */
async function readSecretFromAws(arn: string): Promise<string> {
  const { getSecret } = await import('@aws-lambda-powertools/parameters/secrets');
  const value = await getSecret(arn);
  if (typeof value !== 'string') throw new ConfigError(`Secret ${arn} has no text value.`);
  return value;
}
