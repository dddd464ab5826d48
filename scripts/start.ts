/**
 * `npm start`: the whole local stack in one process tree — DynamoDB Local, the SES v2 stand-in, the S3
 * stand-in, the API and the portal on one URL, the outbox poller and the SLA timer loop — with demo
 * data on first run. One Ctrl-C stops everything.
 *
 *   npm start                 data kept in .data/ across restarts
 *   npm start -- --in-memory  throwaway data
 *
 * Ports: ORDO_PORT (3000), ORDO_DYNAMODB_PORT (8000), ORDO_SES_PORT (8005), ORDO_S3_PORT (4569),
 * ORDO_OIDC_PORT (3001, the local OpenID provider where people sign in), ORDO_SMTP_PORT (2525, mail in:
 * the stand-in for SES receiving).
 */
import { spawn } from 'node:child_process';
import { readdirSync, rmSync, statSync, utimesSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { LOCAL_INBOUND_DOMAIN } from '../functions/config.ts';
import { createLocalMailIn } from '../functions/inbound/deps.ts';
import { demoUsers } from '../functions/local/demo-data.ts';
import { installSignalHandlers, shutdown, supervise } from './local/processes.ts';
import { ensureInboundBucket, startSmtpStandIn } from './local/smtp.ts';
import { root, startStack } from './stack.ts';

const inMemory = process.argv.includes('--in-memory');
// Lambda runs a newer Node than a laptop may; the SDK's notice about Node 20 is noise here.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const say = (line: string) => process.stdout.write(`[ordo] ${line}\n`);

function port(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw ? Number(raw) : fallback;
  if (!Number.isInteger(value) || value < 1 || value > 65535) {
    throw new Error(`${name} must be a port number between 1 and 65535, not "${raw}".`);
  }
  return value;
}

/** The built portal's page; its modification time says which sources it was built from (see buildPortal). */
const builtPage = join(root, 'web/dist/index.html');

/**
 * The newest modification time among what the portal is built from: web/ (but its output), shared/ (the
 * portal imports it), the package files (its libraries) and the TypeScript settings. Folders count too,
 * so a deleted or renamed file shows as a change of its folder — except web/ itself, which the build
 * changes by writing web/dist.
 */
function newestPortalSource(): number {
  const web = join(root, 'web');
  let newest = 0;
  const visit = (path: string) => {
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat) return;
    if (path !== web) newest = Math.max(newest, stat.mtimeMs);
    if (!stat.isDirectory()) return;
    for (const name of readdirSync(path)) {
      if (path === web && name === 'dist') continue;
      visit(join(path, name));
    }
  };
  for (const path of ['web', 'shared', 'package.json', 'package-lock.json', 'tsconfig.json']) visit(join(root, path));
  return newest;
}

/** Whether web/dist was built from the sources as they are now (its page is newer than every source). */
function portalUpToDate(): boolean {
  const built = statSync(builtPage, { throwIfNoEntry: false });
  return built !== undefined && built.mtimeMs >= newestPortalSource();
}

/**
 * Builds the portal in a child process: the build's memory (several hundred MB for Vite and its
 * plugins) goes back when the child ends instead of staying in the process that serves the stack.
 * The built page is then dated to the build's start, so a source saved during the build still counts
 * as newer next time.
 */
async function buildPortal(): Promise<void> {
  const startedAt = new Date();
  // The package's exports hide its bin; its package.json is exported and sits beside it.
  const vite = join(dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin/vite.js');
  const { child, output } = supervise(
    spawn(process.execPath, [vite, 'build', '--config', join(root, 'web/vite.config.ts'), '--logLevel', 'warn'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
    'portal build',
  );
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  // Its output (timing notes at the warn level) is shown only when the build fails.
  if (code !== 0) {
    rmSync(builtPage, { force: true }); // a half-written build is built again next time
    throw new Error(`The portal build failed (exit ${code}).${output.tail(20)}`);
  }
  utimesSync(builtPage, startedAt, startedAt);
}

async function main(): Promise<void> {
  const started = performance.now();
  installSignalHandlers({ log: say });
  const ports = {
    app: port('ORDO_PORT', 3000),
    dynamo: port('ORDO_DYNAMODB_PORT', 8000),
    ses: port('ORDO_SES_PORT', 8005),
    s3: port('ORDO_S3_PORT', 4569),
    oidc: port('ORDO_OIDC_PORT', 3001),
    smtp: port('ORDO_SMTP_PORT', 2525),
  };
  let built: Promise<void> = Promise.resolve();
  if (portalUpToDate()) {
    say('the portal is up to date (web/dist is newer than its sources): no build');
  } else {
    say('building the portal…');
    // Beside the stand-ins' start, which waits for the JVM most of the time; the stack waits for it
    // before it seeds the demo data (see `before`).
    const buildStarted = performance.now();
    built = buildPortal().then(() => {
      say(`the portal is built (${((performance.now() - buildStarted) / 1000).toFixed(1)} s)`);
    });
    // Its failure is reported where the stack waits for it, not as an unhandled rejection before.
    built.catch(() => {});
  }
  say(
    `starting DynamoDB Local (${inMemory ? 'in memory' : 'data in .data/'}), the SES and S3 stand-ins, the OpenID provider…`,
  );
  const stack = await startStack({
    ports,
    ...(inMemory ? {} : { dataDir: join(root, '.data') }),
    logLevel: (process.env.LOG_LEVEL as 'info' | undefined) ?? 'warn',
    history: true,
    // Ready as soon as the demo data is in; the weeks of history follow (a minute's wait otherwise).
    historyInBackground: true,
    // The head's download of raw incoming mail reads the bucket the SMTP stand-in keeps it in.
    apiEnv: { INBOUND_BUCKET },
    // One Node runtime for the whole stack: the mail viewer is served from this process too.
    sesInProcess: true,
    before: built,
    say,
  });

  const smtp = await startMailIn(stack, ports.smtp);

  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const width = Math.max(...demoUsers.map((u) => u.name.length));
  const lines = [
    '',
    `Ordo is running (ready in ${seconds} s). Table ${stack.tableName}: ${stack.tableCreated ? 'created' : 'kept'}${stack.seeded ? ', demo data seeded (its weeks of history follow in the background)' : ''}.`,
    '',
    `  Portal and API   ${stack.appUrl}   (API under /api/v1)`,
    `  Mail viewer      ${stack.mailViewerUrl}   (every email Ordo sends)`,
    `  DynamoDB Local   ${stack.dynamoEndpoint}`,
    `  S3 stand-in      ${stack.s3Endpoint}`,
    `  Mail in (SMTP)   smtp://127.0.0.1:${smtp}   (replies to Ordo mail, and facilities@${LOCAL_INBOUND_DOMAIN})`,
    `  Sign-in (OIDC)   ${stack.oidc.issuer}   (the local OpenID provider; in AWS, Cognito)`,
    '',
    '  Open the portal and sign in: the sign-in page lists every demo person, for example',
    ...demoUsers.map((u) => {
      const roles = Object.entries(u.memberships).map(([d, r]) => `${r} of ${d}`);
      if (u.admin) roles.push('administrator');
      return `    ${u.name.padEnd(width)}  ${roles.join(', ') || `employee (${u.department ?? 'no department'})`}`;
    }),
    '',
    '  Try it: sign in as Anna Kowalska and order "Onboard a new employee"; sign in as Hana Nowak, claim',
    '  it in the HR queue, tick the deliverables and resolve it. The emails appear in the mail viewer.',
    '',
    'Press Ctrl-C to stop everything.',
    '',
  ];
  process.stdout.write(lines.join('\n'));
  // Start-up's garbage (the demo data and, on a first run, weeks of history filed through the
  // workflows) goes back to the system now rather than when V8 next finds the process idle, ~15 s
  // later (npm start passes --expose-gc). The last-resort flavour also compacts and releases the
  // emptied pages, which a plain gc() keeps pooled: ~115 MiB instead of ~170 MiB just after ready.
  (globalThis as { gc?: (options: object) => void }).gc?.({ type: 'major', execution: 'sync', flavor: 'last-resort' });
}

/** Where the SMTP stand-in keeps raw incoming mail (the S3 stand-in). */
const INBOUND_BUCKET = 'ordo-inbound';

/**
 * Mail in: the SMTP stand-in for SES receiving, with Facilities taking requests at
 * facilities@<local inbound domain> into "Repair request". Each message's outcome is printed.
 */
async function startMailIn(stack: Awaited<ReturnType<typeof startStack>>, smtpPort: number): Promise<number> {
  await ensureInboundBucket(stack.s3Endpoint, INBOUND_BUCKET);
  const { mailIn, inbound, store } = await createLocalMailIn(stack.deps, INBOUND_BUCKET);
  await inbound.setIntake({ department: 'FAC', localPart: 'facilities', serviceId: 'fac-repair' });
  const smtp = await startSmtpStandIn({
    port: smtpPort,
    store,
    prefix: 'inbound/',
    receive: async (delivery) => {
      const record = await mailIn.receive(delivery);
      say(`mail in ${record.id}: ${record.outcome}${record.orderNumber ? ` (${record.orderNumber})` : ''}`);
      return record;
    },
    log: say,
  });
  return smtp.port;
}

main().catch(async (error: unknown) => {
  process.stderr.write(`\n[ordo] could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  await shutdown();
  process.exit(1);
});
