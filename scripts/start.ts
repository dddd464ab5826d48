/**
 * `npm start`: the whole local stack in one process tree — DynamoDB Local, the SES v2 stand-in, the S3
 * stand-in, the API and the portal on one URL, the outbox poller and the SLA timer loop — with demo
 * data on first run. One Ctrl-C stops everything.
 *
 *   npm start                 data kept in .data/ across restarts
 *   npm start -- --in-memory  throwaway data
 *
 * Ports: ORDO_PORT (3000), ORDO_DYNAMODB_PORT (8000), ORDO_SES_PORT (8005), ORDO_S3_PORT (4569).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { loadConfig } from '../functions/config.ts';
import { createDeps } from '../functions/deps.ts';
import { demoUsers } from '../functions/local/demo-data.ts';
import { seedIfEmpty } from '../functions/local/seed.ts';
import { startLocalServer } from '../functions/local/server.ts';
import { ensureTable } from '../functions/local/table.ts';
import { startWorkers } from '../functions/local/workers.ts';
import { startDynamoDbLocal } from './local/dynamodb.ts';
import { assertPortFree } from './local/ports.ts';
import { installSignalHandlers, onShutdown, shutdown } from './local/processes.ts';
import { startS3Local } from './local/s3.ts';
import { startSesLocal } from './local/ses.ts';

const root = resolve(import.meta.dirname, '..');
const dataDir = join(root, '.data');
const inMemory = process.argv.includes('--in-memory');
const say = (line: string) => process.stdout.write(`[ordo] ${line}\n`);

function port(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw ? Number(raw) : fallback;
  if (!Number.isInteger(value) || value < 1 || value > 65535) {
    throw new Error(`${name} must be a port number between 1 and 65535, not "${raw}".`);
  }
  return value;
}

/** A per-install secret for development tokens, kept in .data so sign-ins survive restarts. */
function devSecret(): string {
  const file = join(dataDir, 'dev-token-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

async function main(): Promise<void> {
  const started = performance.now();
  installSignalHandlers({ log: say });
  const ports = {
    app: port('ORDO_PORT', 3000),
    dynamo: port('ORDO_DYNAMODB_PORT', 8000),
    ses: port('ORDO_SES_PORT', 8005),
    s3: port('ORDO_S3_PORT', 4569),
  };
  await assertPortFree(ports.app, 'Ordo portal and API', 'ORDO_PORT');
  await assertPortFree(ports.dynamo, 'DynamoDB Local', 'ORDO_DYNAMODB_PORT');
  await assertPortFree(ports.ses, 'SES stand-in', 'ORDO_SES_PORT');
  await assertPortFree(ports.s3, 'S3 stand-in', 'ORDO_S3_PORT');

  say('building the portal…');
  await build({ configFile: join(root, 'web/vite.config.ts'), logLevel: 'warn' });

  say(`starting DynamoDB Local (${inMemory ? 'in memory' : 'data in .data/dynamodb'})…`);
  const dynamo = await startDynamoDbLocal({
    port: ports.dynamo,
    ...(inMemory ? { inMemory: true } : { dbPath: join(dataDir, 'dynamodb') }),
  });
  const ses = await startSesLocal({ port: ports.ses });
  const bucket = 'ordo-attachments';
  const appUrl = `http://127.0.0.1:${ports.app}`;
  const s3 = await startS3Local({
    port: ports.s3,
    directory: join(dataDir, 's3'),
    buckets: [bucket],
    corsOrigins: [appUrl, `http://localhost:${ports.app}`],
  });

  const tableName = 'ordo-local';
  const table = await ensureTable(dynamo.endpoint, tableName);
  const config = loadConfig({
    ...process.env,
    STAGE: 'local',
    AUTH_MODE: 'local',
    DEV_TOKEN_SECRET: devSecret(),
    TABLE_NAME: tableName,
    DYNAMODB_ENDPOINT: dynamo.endpoint,
    SES_ENDPOINT: ses.endpoint,
    S3_ENDPOINT: s3.endpoint,
    ATTACHMENTS_BUCKET: bucket,
    PORTAL_URL: appUrl,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  });
  const deps = createDeps(config);
  const seeded = await seedIfEmpty(deps);
  const server = await startLocalServer({ deps, port: ports.app, staticDir: join(root, 'web/dist') });
  onShutdown(() => server.close(), 'API and portal');
  const workers = startWorkers(deps);
  onShutdown(() => workers.stop(), 'outbox poller and SLA timer');

  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const width = Math.max(...demoUsers.map((u) => u.name.length));
  const lines = [
    '',
    `Ordo is running (ready in ${seconds} s). Table ${tableName}: ${table}${seeded ? ', demo data seeded' : ''}.`,
    '',
    `  Portal and API   ${appUrl}            (API under /api/v1)`,
    `  Mail viewer      ${ses.viewerUrl}     (every email Ordo sends)`,
    `  DynamoDB Local   ${dynamo.endpoint}`,
    `  S3 stand-in      ${s3.endpoint}     (bucket ${bucket})`,
    '',
    '  Sign in on the portal as any demo user:',
    ...demoUsers.map((u) => {
      const roles = Object.entries(u.memberships).map(([d, r]) => `${r} of ${d}`);
      if (u.admin) roles.push('administrator');
      return `    ${u.name.padEnd(width)}  ${roles.join(', ') || 'employee'}`;
    }),
    '',
    '  Try it: sign in as Anna Kowalska, order "Onboard a new employee", then sign in as Hana Nowak,',
    '  claim it from the HR queue, tick the deliverables and resolve. The emails appear in the mail viewer.',
    '',
    'Press Ctrl-C to stop everything.',
    '',
  ];
  process.stdout.write(lines.join('\n'));
}

main().catch(async (error: unknown) => {
  process.stderr.write(`\n[ordo] could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  await shutdown();
  process.exit(1);
});
