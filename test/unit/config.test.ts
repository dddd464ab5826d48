/**
 * Configuration fails closed: no stage, an unknown stage, a plain-http issuer in AWS or a missing link
 * key stops the process instead of guessing. The link keys come from Secrets Manager in AWS, through
 * the `readSecret` function the API is given (here a stub: no network).
 */
import { describe, expect, it, vi } from 'vitest';
import { LinkKeyError } from '#functions/auth/link-keys.ts';
import { ConfigError, loadApiConfig, loadConfig } from '#functions/config.ts';

const KEY_1 = 'first-link-key-first-link-key-first';
const KEY_2 = 'second-link-key-second-link-key-second';
const ARN = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:ordo-link-keys-AbCdEf';
const COGNITO = 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEfGhI';

/** What the local stack sets; each test changes what it is about. */
const localEnv = (over: Record<string, string | undefined> = {}): NodeJS.ProcessEnv => {
  const env: NodeJS.ProcessEnv = {
    STAGE: 'local',
    TABLE_NAME: 'ordo',
    OIDC_ISSUER: 'http://127.0.0.1:8010',
    OIDC_CLIENT_ID: 'ordo-portal',
    LINK_SECRET: KEY_1,
    ...over,
  };
  for (const [name, value] of Object.entries(env)) if (value === undefined) delete env[name];
  return env;
};

/** What the deployed API gets: the link keys by ARN, nothing secret in the environment. */
const awsEnv = (stage: 'dev' | 'prod', over: Record<string, string | undefined> = {}) =>
  localEnv({ STAGE: stage, OIDC_ISSUER: COGNITO, LINK_SECRET: undefined, LINK_SECRET_ARN: ARN, ...over });

const secret = (value: string) => vi.fn(async (_arn: string) => value);
const neverRead = () =>
  vi.fn(async (arn: string): Promise<string> => {
    throw new Error(`No secret should be read here (asked for ${arn}).`);
  });

async function failure(run: Promise<unknown>): Promise<Error> {
  const error = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, 'expected the configuration to be refused').toBeInstanceOf(Error);
  return error as Error;
}

describe('STAGE', () => {
  it('is required: without it nothing starts (no quiet default to local)', async () => {
    expect(() => loadConfig(localEnv({ STAGE: undefined }))).toThrow(ConfigError);
    expect(() => loadConfig(localEnv({ STAGE: '' }))).toThrow(/STAGE/);
    const error = await failure(loadApiConfig(localEnv({ STAGE: undefined }), neverRead()));
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toMatch(/STAGE/);
  });

  it('must be one of local, test, dev, prod', async () => {
    for (const stage of ['staging', 'PROD', 'Local', ' prod', 'prod ', 'production']) {
      expect(() => loadConfig(localEnv({ STAGE: stage })), stage).toThrow(ConfigError);
      expect((await failure(loadApiConfig(localEnv({ STAGE: stage }), neverRead()))).message).toMatch(/STAGE/);
    }
    for (const stage of ['local', 'test', 'dev', 'prod']) {
      expect(loadConfig(localEnv({ STAGE: stage })).stage).toBe(stage);
    }
  });

  it('does not read process.env when given an environment', () => {
    // The suite's own process has no STAGE; the argument alone decides.
    expect(loadConfig(localEnv({ STAGE: 'test' })).stage).toBe('test');
  });
});

describe('OIDC_ISSUER', () => {
  it('must be https in dev and prod, also for 127.0.0.1', async () => {
    for (const stage of ['dev', 'prod'] as const) {
      for (const issuer of [
        'http://127.0.0.1:8010',
        'http://cognito-idp.eu-west-1.amazonaws.com/pool',
        'http://localhost:8010',
      ]) {
        const error = await failure(loadApiConfig(awsEnv(stage, { OIDC_ISSUER: issuer }), secret(KEY_1)));
        expect(error, `${stage} ${issuer}`).toBeInstanceOf(ConfigError);
        expect(error.message).toMatch(/https/);
      }
      await expect(loadApiConfig(awsEnv(stage), secret(KEY_1))).resolves.toMatchObject({
        stage,
        auth: { issuer: COGNITO, clientId: 'ordo-portal' },
      });
    }
  });

  it('may be plain http locally and in tests, but only on 127.0.0.1', async () => {
    for (const stage of ['local', 'test']) {
      await expect(loadApiConfig(localEnv({ STAGE: stage }), neverRead())).resolves.toMatchObject({
        auth: { issuer: 'http://127.0.0.1:8010' },
      });
      for (const issuer of ['http://localhost:8010', 'http://10.0.0.5:8010', 'http://127.0.0.1.evil.example']) {
        const error = await failure(loadApiConfig(localEnv({ STAGE: stage, OIDC_ISSUER: issuer }), neverRead()));
        expect(error, `${stage} ${issuer}`).toBeInstanceOf(ConfigError);
      }
    }
  });

  it('must be a URL, and loses trailing slashes (tokens name the issuer without one)', async () => {
    for (const issuer of ['cognito', '127.0.0.1:8010', '']) {
      expect(await failure(loadApiConfig(localEnv({ OIDC_ISSUER: issuer }), neverRead()))).toBeInstanceOf(ConfigError);
    }
    expect(await failure(loadApiConfig(localEnv({ OIDC_ISSUER: undefined }), neverRead()))).toBeInstanceOf(ConfigError);
    const config = await loadApiConfig(awsEnv('prod', { OIDC_ISSUER: `${COGNITO}//` }), secret(KEY_1));
    expect(config.auth.issuer).toBe(COGNITO);
  });

  it('needs the client id too', async () => {
    const error = await failure(loadApiConfig(localEnv({ OIDC_CLIENT_ID: undefined }), neverRead()));
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toMatch(/OIDC_CLIENT_ID/);
  });
});

describe('link keys', () => {
  it('in AWS are read once through readSecret from LINK_SECRET_ARN, and parsed as a key ring', async () => {
    const read = secret(JSON.stringify({ current: 'k2', k1: KEY_1, k2: KEY_2 }));
    const config = await loadApiConfig(awsEnv('prod'), read);
    expect(read).toHaveBeenCalledTimes(1);
    expect(read).toHaveBeenCalledWith(ARN);
    expect(config.linkKeys).toEqual({ current: 'k2', keys: { k1: KEY_1, k2: KEY_2 } });
  });

  it('may be one plain key in the secret: it becomes key k1', async () => {
    const config = await loadApiConfig(awsEnv('dev'), secret(`  ${KEY_1}\n`));
    expect(config.linkKeys).toEqual({ current: 'k1', keys: { k1: KEY_1 } });
  });

  it('in dev and prod must come from Secrets Manager: a missing ARN is an error, even with LINK_SECRET set', async () => {
    for (const stage of ['dev', 'prod'] as const) {
      const read = neverRead();
      let error = await failure(loadApiConfig(awsEnv(stage, { LINK_SECRET_ARN: undefined }), read));
      expect(error).toBeInstanceOf(ConfigError);
      expect(error.message).toMatch(/LINK_SECRET_ARN/);
      // A key in plain text in the environment is not used outside the local stack.
      error = await failure(loadApiConfig(awsEnv(stage, { LINK_SECRET_ARN: undefined, LINK_SECRET: KEY_1 }), read));
      expect(error).toBeInstanceOf(ConfigError);
      expect(read).not.toHaveBeenCalled();
    }
  });

  it('locally come from LINK_SECRET (required), unless an ARN is given', async () => {
    const error = await failure(loadApiConfig(localEnv({ LINK_SECRET: undefined }), neverRead()));
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toMatch(/LINK_SECRET/);
    expect((await loadApiConfig(localEnv(), neverRead())).linkKeys).toEqual({ current: 'k1', keys: { k1: KEY_1 } });
    const read = secret(JSON.stringify({ current: 'k2', k2: KEY_2 }));
    expect((await loadApiConfig(localEnv({ LINK_SECRET_ARN: ARN }), read)).linkKeys.current).toBe('k2');
    expect(read).toHaveBeenCalledWith(ARN);
  });

  it('refuse to start with a weak or broken key ring', async () => {
    for (const raw of [
      'short',
      '{"current":"k1"}',
      `{"current":"k9","k1":"${KEY_1}"}`,
      '{not json',
      `{"k1":"${KEY_1}"}`,
    ]) {
      const error = await failure(loadApiConfig(awsEnv('prod'), secret(raw)));
      expect(error, raw).toBeInstanceOf(LinkKeyError);
    }
  });

  it('stop the start when the secret cannot be read', async () => {
    const read = vi.fn(async () => {
      throw new Error('AccessDeniedException');
    });
    expect((await failure(loadApiConfig(awsEnv('prod'), read))).message).toBe('AccessDeniedException');
  });
});

describe('administrators and limits', () => {
  it('reads ADMIN_EMAILS as a lower-case list and the admin group (default "admin")', async () => {
    const config = await loadApiConfig(localEnv({ ADMIN_EMAILS: ' Ada@Example.com, ,bob@example.com ,' }), neverRead());
    expect(config.auth.adminEmails).toEqual(['ada@example.com', 'bob@example.com']);
    expect(config.auth.adminGroup).toBe('admin');
    expect((await loadApiConfig(localEnv(), neverRead())).auth.adminEmails).toEqual([]);
    expect((await loadApiConfig(localEnv({ ADMIN_GROUP: 'ordo-admins' }), neverRead())).auth.adminGroup).toBe(
      'ordo-admins',
    );
  });

  it('refuses limits that are not positive numbers', async () => {
    for (const value of ['0', '-1', 'many', 'NaN', 'Infinity']) {
      expect(await failure(loadApiConfig(localEnv({ WRITE_LIMIT_BURST: value }), neverRead()))).toBeInstanceOf(
        ConfigError,
      );
    }
    expect(() => loadConfig(localEnv({ SURVEY_BUDGET_DAYS: '0' }))).toThrow(ConfigError);
    expect(() => loadConfig(localEnv({ LOG_LEVEL: 'verbose' }))).toThrow(ConfigError);
    expect(() => loadConfig(localEnv({ TABLE_NAME: undefined }))).toThrow(/TABLE_NAME/);
  });
});
