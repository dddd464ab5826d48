/**
 * Builds the real app against DynamoDB Local and the SES stand-in started by the global setup, on a
 * fresh table per test file, seeded with the demo data.
 */

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { createApp } from '#functions/app.ts';
import { loadApiConfig } from '#functions/config.ts';
import { createDeps, type Deps } from '#functions/deps.ts';
import { seedIfEmpty } from '#functions/local/seed.ts';
import { ensureTable } from '#functions/local/table.ts';
import { startWorkers } from '#functions/local/workers.ts';
import { silentLogger } from '#functions/observability/logger.ts';
import { signInWithCodeFlow, type Tokens } from '../../scripts/local/oidc-sign-in.ts';
import { freePort } from '../../scripts/local/ports.ts';
import { startS3Local } from '../../scripts/local/s3.ts';
import { workerDynamoEndpoint } from '../support/workers.ts';

export interface Harness {
  deps: Deps;
  app: ReturnType<typeof createApp>;
  sesEndpoint: string;
  /**
   * Signs in at the local OpenID provider as this person (code flow with PKCE, then the portal's
   * `POST /me/sign-in`) and returns a request helper carrying their access token.
   */
  as(userId: string): Promise<Caller>;
  /** Signs in as `as` does and returns the tokens themselves. */
  signIn(userId: string): Promise<Tokens>;
  /** A request helper with this Authorization header value (or none). */
  withAuthorization(header?: string): Caller;
  anonymous: Caller;
  /** Delivers due outbox mail now. */
  deliverMail(): Promise<void>;
  mailbox(): Promise<Array<{ subject: string; destination: { to: string[] }; body: { html?: string; text?: string } }>>;
  close(): Promise<void>;
}

export interface Caller {
  request(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  json<T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }>;
}

let tableCounter = 0;

export interface HarnessOptions {
  seed?: boolean;
  attachments?: boolean;
  /** A controllable clock for timer tests; defaults to the real time. */
  now?: () => Date;
  /** Use this SES stand-in instead of the shared one (e.g. one the test stops and starts). */
  sesEndpoint?: string;
  /** Reach DynamoDB through this endpoint instead of the shared one (e.g. a proxy the test freezes). */
  dynamoEndpoint?: string;
  /** Use this table as it is (e.g. the one of a data snapshot) instead of a new empty one. */
  table?: string;
  /**
   * Storage deadline per call; default 5 s here, since many test files share one emulator on a busy
   * machine. Tests of the product's 1 s budget (faults.test.ts) pass the product's figure.
   */
  storageAttemptMs?: number;
  /** Per-person write limit (default: the product's 60-request burst, 1 per second). */
  writeLimit?: { burst: number; perSecond: number };
  /** More environment for the configuration (e.g. WEBHOOKS_ALLOW_LOCAL for a receiver on this machine). */
  env?: Record<string, string>;
}

export async function createHarness(opts: HarnessOptions = {}): Promise<Harness> {
  const dynamoEndpoint = opts.dynamoEndpoint ?? workerDynamoEndpoint();
  const sesEndpoint = opts.sesEndpoint ?? inject('sesEndpoint');
  const s3 = opts.attachments
    ? await startS3Local({
        port: await freePort(),
        directory: mkdtempSync(join(tmpdir(), 'ordo-s3-')),
        buckets: ['ordo-test'],
      })
    : undefined;
  const tableName = opts.table ?? `ordo-test-${process.pid}-${Date.now()}-${tableCounter++}`;
  if (!opts.table) await ensureTable(dynamoEndpoint, tableName);

  const portalUrl = `http://${tableName}.test`;
  const oidc = inject('oidc');
  const config = await loadApiConfig({
    STAGE: 'test',
    OIDC_ISSUER: oidc.issuer,
    OIDC_CLIENT_ID: oidc.clientId,
    LINK_SECRET: 'test-link-secret-test-link-secret',
    STORAGE_ATTEMPT_MS: String(opts.storageAttemptMs ?? 5_000),
    TABLE_NAME: tableName,
    DYNAMODB_ENDPOINT: dynamoEndpoint,
    SES_ENDPOINT: sesEndpoint,
    // A portal URL per harness: mail links carry it, so each test file reads only its own mail.
    PORTAL_URL: portalUrl,
    MAIL_FROM: 'ordo@example.com',
    ...(s3 ? { S3_ENDPOINT: s3.endpoint, ATTACHMENTS_BUCKET: 'ordo-test' } : {}),
    ...(opts.writeLimit
      ? { WRITE_LIMIT_BURST: String(opts.writeLimit.burst), WRITE_LIMIT_PER_SECOND: String(opts.writeLimit.perSecond) }
      : {}),
    ...opts.env,
  });
  const deps = createDeps(config, { log: silentLogger, ...(opts.now ? { now: opts.now } : {}) });
  if (opts.seed !== false) await seedIfEmpty(deps);
  const app = createApp(deps);
  const workers = startWorkers(deps, { mailEveryMs: 3_600_000, timersEveryMs: 3_600_000 });

  const caller = (authorization?: string): Caller => {
    const request = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
      Promise.resolve(
        app.request(path, {
          method,
          headers: {
            ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
            ...(authorization ? { authorization } : {}),
            ...headers,
          },
          ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
        }),
      );
    return {
      request,
      async json<T>(method: string, path: string, body?: unknown) {
        const res = await request(method, path, body);
        return { status: res.status, body: (await res.json()) as T };
      },
    };
  };

  const anonymous = caller();
  async function signIn(userId: string): Promise<Tokens> {
    const tokens = await signInWithCodeFlow(oidc, userId);
    const res = await caller(`Bearer ${tokens.accessToken}`).request('POST', '/api/v1/me/sign-in', {
      idToken: tokens.idToken,
    });
    if (res.status !== 200) throw new Error(`Sign-in of ${userId} answered ${res.status}: ${await res.text()}`);
    return tokens;
  }
  return {
    deps,
    app,
    sesEndpoint,
    anonymous,
    signIn,
    async as(userId) {
      return caller(`Bearer ${(await signIn(userId)).accessToken}`);
    },
    withAuthorization: (header) => caller(header),
    deliverMail: () => workers.tick(),
    async mailbox() {
      const res = await fetch(`${sesEndpoint}/store`);
      const store = (await res.json()) as { emails: Awaited<ReturnType<Harness['mailbox']>> };
      return store.emails.filter((m) => m.body.text?.includes(portalUrl));
    },
    async close() {
      await workers.stop();
      await s3?.stop();
    },
  };
}
