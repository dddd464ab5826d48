/**
 * Configuration, read once at start-up into a typed object. Nothing else reads process.env.
 */
export type AuthMode = 'local' | 'cognito';

export interface Config {
  stage: string;
  tableName: string;
  /** Set for the local stand-ins; unset in AWS. */
  dynamoEndpoint?: string;
  sesEndpoint?: string;
  s3Endpoint?: string;
  region: string;
  mailFrom: string;
  sesConfigurationSet?: string;
  portalUrl: string;
  auth: { mode: 'local'; secret: string } | { mode: 'cognito'; userPoolId: string; clientId: string };
  attachmentsBucket?: string;
  /** Signs the links in emails (clarification answers, surveys). */
  linkSecret: string;
  /** Survey fatigue budget: at most one invitation per person in this many days. */
  surveyBudgetDays: number;
  /** Per-person write limit: a burst, refilled at a steady rate. */
  writeLimit: { burst: number; perSecond: number };
  logLevel: 'debug' | 'info' | 'warn' | 'error';
}

export class ConfigError extends Error {}

function required(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name];
  if (!value) throw new ConfigError(`Missing environment variable ${name}.`);
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const stage = env.STAGE ?? 'local';
  const mode = (env.AUTH_MODE ?? 'cognito') as AuthMode;
  if (mode !== 'local' && mode !== 'cognito') throw new ConfigError(`AUTH_MODE must be local or cognito, not ${mode}.`);
  // The development sign-in can never be switched on in a deployed stage.
  if (mode === 'local' && stage !== 'local' && stage !== 'test') {
    throw new ConfigError(`AUTH_MODE=local is only allowed when STAGE is local or test (STAGE=${stage}).`);
  }
  const config: Config = {
    stage,
    tableName: required(env, 'TABLE_NAME'),
    region: env.AWS_REGION ?? 'us-east-1',
    mailFrom: env.MAIL_FROM ?? 'ordo@example.com',
    portalUrl: env.PORTAL_URL ?? 'http://localhost:3000',
    auth:
      mode === 'local'
        ? { mode, secret: required(env, 'DEV_TOKEN_SECRET') }
        : { mode, userPoolId: required(env, 'COGNITO_USER_POOL_ID'), clientId: required(env, 'COGNITO_CLIENT_ID') },
    linkSecret: required(env, 'LINK_SECRET'),
    surveyBudgetDays: Number(env.SURVEY_BUDGET_DAYS ?? 14),
    writeLimit: {
      burst: Number(env.WRITE_LIMIT_BURST ?? 60),
      perSecond: Number(env.WRITE_LIMIT_PER_SECOND ?? 1),
    },
    logLevel: (env.LOG_LEVEL as Config['logLevel']) ?? 'info',
  };
  if (env.DYNAMODB_ENDPOINT) config.dynamoEndpoint = env.DYNAMODB_ENDPOINT;
  if (env.SES_ENDPOINT) config.sesEndpoint = env.SES_ENDPOINT;
  if (env.S3_ENDPOINT) config.s3Endpoint = env.S3_ENDPOINT;
  if (env.SES_CONFIGURATION_SET) config.sesConfigurationSet = env.SES_CONFIGURATION_SET;
  if (env.ATTACHMENTS_BUCKET) config.attachmentsBucket = env.ATTACHMENTS_BUCKET;
  return config;
}
