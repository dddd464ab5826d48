/**
 * The whole local stack as one function, used by `npm start` and by the end-to-end tests: DynamoDB
 * Local, the SES v2 stand-in, the S3 stand-in, the table, demo data, the API + portal server and the
 * background workers. Every piece registers its own shutdown.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type ApiConfig, loadApiConfig } from '../functions/config.ts';
import { createDeps, type Deps } from '../functions/deps.ts';
import { demoEmployees, demoUsers } from '../functions/local/demo-data.ts';
import { clearPastMail, seedHistory } from '../functions/local/history.ts';
import { seedIfEmpty } from '../functions/local/seed.ts';
import { startLocalServer } from '../functions/local/server.ts';
import { ensureTable } from '../functions/local/table.ts';
import { startWorkers, type Workers } from '../functions/local/workers.ts';
import { createReadableLogger } from '../functions/observability/logger.ts';
import { startDynamoDbLocal } from './local/dynamodb.ts';
import { accountOf, type RunningOidcProvider, startOidcProvider } from './local/oidc.ts';
import { assertPortFree, listening } from './local/ports.ts';
import { onShutdown } from './local/processes.ts';
import { startS3Local } from './local/s3.ts';
import { startSesLocal } from './local/ses.ts';

export const root = resolve(import.meta.dirname, '..');

export interface StackOptions {
  ports: { app: number; dynamo: number; ses: number; s3: number; oidc: number };
  /** Token lifetimes of the local OpenID provider, in seconds (tests shorten them to watch renewal). */
  oidcTtl?: { accessToken?: number; idToken?: number; refreshToken?: number };
  /** Where DynamoDB data, attachments and the token secret live; omitted = all in memory/temporary. */
  dataDir?: string;
  logLevel?: 'debug' | 'info' | 'warn' | 'error';
  /** How often the outbox poller looks besides after each write (the default 1 s). */
  mailEveryMs?: number;
  /** On first run, also file a few weeks of past orders so the dashboard has history. */
  history?: boolean;
  /** More API settings on top of the local ones (the benchmarks lift the write limit: WRITE_LIMIT_*). */
  apiEnv?: Record<string, string>;
  /** Serve the SES stand-in from this process instead of a Node process of its own (`npm start`). */
  sesInProcess?: boolean;
  /**
   * Work that runs beside the stand-ins' start and must end before the demo data is seeded and the
   * server starts (`npm start`: the portal's build). Not beside the seeding: on two cores a build
   * there starves DynamoDB Local past the storage deadline.
   */
  before?: Promise<unknown>;
  /**
   * With `history`, file the weeks of history after the server is up instead of before (`npm start`:
   * ready in seconds on a first run, the dashboards filling while it works). The workers start once
   * it is done, so mail of the past is never sent.
   */
  historyInBackground?: boolean;
  /** Receives a line when the seeding begins and ends (`npm start` prints them). */
  say?: (line: string) => void;
  /**
   * A DynamoDB Local already running and the table of this stack in it, instead of an emulator of the
   * stack's own on `ports.dynamo` (the browser tests: one emulator per worker, one table per file).
   */
  dynamo?: { endpoint: string; tableName: string };
}

export interface Stack {
  appUrl: string;
  mailViewerUrl: string;
  sesEndpoint: string;
  dynamoEndpoint: string;
  s3Endpoint: string;
  /** The local OpenID provider (issuer URL, client id, redirect URI). */
  oidc: RunningOidcProvider;
  tableName: string;
  tableCreated: boolean;
  seeded: boolean;
  historyOrders: number;
  deps: Deps;
  workers: Workers;
}

/** The key of the emailed links, kept with the data so links in the mail viewer survive a restart. */
function devSecret(dataDir: string | undefined): string {
  if (!dataDir) return randomBytes(32).toString('hex');
  const file = join(dataDir, 'link-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/** The local stack's table and attachment bucket. */
export const LOCAL_TABLE = 'ordo-local';
export const LOCAL_BUCKET = 'ordo-attachments';

/**
 * The API settings of the local stack: the local table and bucket, the stand-ins' addresses, the
 * identity provider and the portal's address. `startStack` starts the API with them, and the browser
 * tests' setup seeds its data folders with them.
 */
export function localApiEnv(at: {
  oidc: { issuer: string; clientId: string };
  linkSecret: string;
  dynamoEndpoint: string;
  tableName?: string;
  sesEndpoint: string;
  s3Endpoint: string;
  portalUrl: string;
  logLevel: string;
}): Record<string, string> {
  return {
    STAGE: 'local',
    OIDC_ISSUER: at.oidc.issuer,
    OIDC_CLIENT_ID: at.oidc.clientId,
    LINK_SECRET: at.linkSecret,
    TABLE_NAME: at.tableName ?? LOCAL_TABLE,
    DYNAMODB_ENDPOINT: at.dynamoEndpoint,
    SES_ENDPOINT: at.sesEndpoint,
    S3_ENDPOINT: at.s3Endpoint,
    ATTACHMENTS_BUCKET: LOCAL_BUCKET,
    PORTAL_URL: at.portalUrl,
    LOG_LEVEL: at.logLevel,
  };
}

/**
 * Writes the demo data into an empty table, and with `history` a few weeks of past orders through
 * the same workflows on a clock that walks through the past (mail from the past is not sent).
 * A table that already has departments is left alone.
 */
export async function seedDemo(
  config: ApiConfig,
  history: boolean,
): Promise<{ seeded: boolean; historyOrders: number }> {
  const deps = createDeps(config, { log: createReadableLogger('error') });
  const seeded = await seedIfEmpty(deps);
  if (!seeded || !history) return { seeded, historyOrders: 0 };
  return { seeded, historyOrders: await fileHistory(config) };
}

/** Files weeks of past orders on a clock that walks through the past, and drops their mail; returns how many. */
export async function fileHistory(config: ApiConfig): Promise<number> {
  const clock = { now: new Date() };
  const past = createDeps(config, { now: () => clock.now, log: createReadableLogger('error') });
  const historyOrders = await seedHistory(past, clock);
  await clearPastMail(past);
  return historyOrders;
}

/** In the data folder while its history is being filed: a start that finds it says the history is incomplete. */
const HISTORY_PENDING = 'history-pending';

/** Files the history after the server has started; its end (or failure) is said, never thrown. */
function inBackground(config: ApiConfig, pending: string | undefined, say?: (line: string) => void): Promise<void> {
  say?.('filing weeks of demo history in the background (the dashboards fill as it goes; mail starts after it)…');
  if (pending) writeFileSync(pending, new Date().toISOString());
  const started = performance.now();
  return fileHistory(config).then(
    (orders) => {
      if (pending) rmSync(pending, { force: true });
      say?.(`demo history filed: ${orders} past orders (${((performance.now() - started) / 1000).toFixed(1)} s)`);
    },
    (error: unknown) => {
      say?.(`filing the demo history stopped: ${error instanceof Error ? error.message : String(error)}`);
    },
  );
}

export async function startStack(opts: StackOptions): Promise<Stack> {
  const { ports, dataDir } = opts;
  await assertPortFree(ports.app, 'Ordo portal and API', 'ORDO_PORT');
  if (!opts.dynamo) await assertPortFree(ports.dynamo, 'DynamoDB Local', 'ORDO_DYNAMODB_PORT');
  await assertPortFree(ports.ses, 'SES stand-in', 'ORDO_SES_PORT');
  await assertPortFree(ports.s3, 'S3 stand-in', 'ORDO_S3_PORT');
  await assertPortFree(ports.oidc, 'OpenID provider', 'ORDO_OIDC_PORT');

  const [dynamo, ses] = await Promise.all([
    opts.dynamo ??
      startDynamoDbLocal({
        port: ports.dynamo,
        ...(dataDir ? { dbPath: join(dataDir, 'dynamodb') } : { inMemory: true }),
      }),
    startSesLocal({ port: ports.ses, ...(opts.sesInProcess ? { inProcess: true } : {}) }),
  ]);
  const appUrl = `http://127.0.0.1:${ports.app}`;
  const s3 = await startS3Local({
    port: ports.s3,
    directory: dataDir ? join(dataDir, 's3') : mkdtempSync(join(tmpdir(), 'ordo-s3-')),
    buckets: [LOCAL_BUCKET],
    corsOrigins: [appUrl, `http://localhost:${ports.app}`],
  });

  // The company's identity provider, played locally by a real OpenID provider with the demo people.
  const accounts = [...demoUsers, ...demoEmployees].map(accountOf);
  const oidc = await listening(
    startOidcProvider({
      port: ports.oidc,
      accounts: () => accounts,
      portalUrls: [appUrl, `http://localhost:${ports.app}`],
      ...(opts.oidcTtl ? { ttl: opts.oidcTtl } : {}),
    }),
    ports.oidc,
    'OpenID provider',
    'ORDO_OIDC_PORT',
  );
  onShutdown(() => oidc.stop(), 'OpenID provider');

  const tableName = opts.dynamo?.tableName ?? LOCAL_TABLE;
  const table = await ensureTable(dynamo.endpoint, tableName);
  const config = await loadApiConfig({
    ...localApiEnv({
      oidc,
      linkSecret: devSecret(dataDir),
      dynamoEndpoint: dynamo.endpoint,
      tableName,
      sesEndpoint: ses.endpoint,
      s3Endpoint: s3.endpoint,
      portalUrl: appUrl,
      logLevel: opts.logLevel ?? 'warn',
    }),
    ...opts.apiEnv,
  });
  const deps = createDeps(config, { log: createReadableLogger(config.logLevel) });
  await opts.before;
  // The history is filed now, before the server starts, or after it (`historyInBackground`).
  const historyNow = opts.history === true && opts.historyInBackground !== true;
  const pending = dataDir ? join(dataDir, HISTORY_PENDING) : undefined;
  if (table === 'created') opts.say?.(`seeding the demo data${historyNow ? ' and weeks of history' : ''}…`);
  else if (pending && existsSync(pending)) {
    opts.say?.(
      `the weeks of demo history were not all filed (stopped before the end): delete ${dataDir} to file them again`,
    );
  }
  const { seeded, historyOrders } = await seedDemo(config, historyNow);
  if (seeded) opts.say?.(`demo data seeded${historyNow ? ` with ${historyOrders} past orders` : ''}`);
  const historyFiled = seeded && opts.history && !historyNow ? inBackground(config, pending, opts.say) : undefined;
  // The server starts first; the mail it causes goes to the workers once they run.
  let deliverSoon = () => {};
  // Its port was checked before the emulator started and the demo data was seeded: seconds ago.
  const server = await listening(
    startLocalServer({
      deps,
      port: ports.app,
      staticDir: join(root, 'web/dist'),
      connectSrc: [oidc.issuer],
      runtimeConfig: { oidc: { authority: oidc.issuer, clientId: oidc.clientId, scope: 'openid email profile' } },
      afterWrite: () => deliverSoon(),
    }),
    ports.app,
    'Ordo portal and API',
    'ORDO_PORT',
  );
  onShutdown(() => server.close(), 'API and portal');
  const workers = startWorkers(deps, {
    ...(opts.mailEveryMs ? { mailEveryMs: opts.mailEveryMs } : {}),
    ...(historyFiled ? { startAfter: historyFiled } : {}),
  });
  deliverSoon = workers.deliverSoon;
  onShutdown(() => workers.stop(), 'outbox poller and SLA timer');

  return {
    appUrl,
    mailViewerUrl: ses.viewerUrl,
    sesEndpoint: ses.endpoint,
    dynamoEndpoint: dynamo.endpoint,
    s3Endpoint: s3.endpoint,
    oidc,
    tableName,
    tableCreated: table === 'created',
    seeded,
    historyOrders,
    deps,
    workers,
  };
}
