/**
 * The functions as the stack deploys them: each handler bundled with the options of infra/bundling.ts
 * (the AWS SDK inside, minified, chunks beside `index.mjs`), run in a fresh Node process with only a
 * Lambda's environment, against the local stand-ins. What this catches that the in-process tests
 * cannot: a bundle that does not load, an SDK client that breaks when bundled, a chunk that is missing.
 */
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { OrderView } from '#shared/api.ts';
import { buildOptions, ENTRY_FILE, type FunctionName, trimSourceMaps } from '../../infra/bundling.ts';
import { type Caller, createHarness, type Harness } from './harness.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const outRoot = path.join(root, 'dist', `deployed-bundles-${process.pid}`);

let h: Harness;
let anna: Caller;
const bundles = new Map<FunctionName, string>();

beforeAll(async () => {
  h = await createHarness();
  anna = await h.as('anna');
  for (const name of ['api', 'mail-worker', 'sla-timer', 'retention'] as const) {
    const outdir = path.join(outRoot, name);
    await build({ ...buildOptions(root, name, outdir), logLevel: 'error' });
    trimSourceMaps(outdir);
    bundles.set(name, path.join(outdir, ENTRY_FILE));
  }
}, 120_000);

afterAll(async () => {
  await h?.close();
  rmSync(outRoot, { recursive: true, force: true });
});

// Imports the bundle, calls its handler once with the event, prints what it answered on a line of its
// own (the metrics' EMF lines share standard output).
const INVOKE = `
const { handler } = await import(process.argv[1]);
const answer = await handler(JSON.parse(process.argv[2]));
process.stdout.write('\\nANSWER ' + JSON.stringify(answer ?? null) + '\\n');
`;

/** Runs a deployed handler in a process of its own, with a Lambda's environment pointed at the stand-ins. */
function invoke(name: FunctionName, event: unknown): Promise<unknown> {
  const { config } = h.deps;
  const oidc = inject('oidc');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    NODE_OPTIONS: '--enable-source-maps',
    STAGE: 'test',
    LOG_LEVEL: 'error',
    TABLE_NAME: config.tableName,
    DYNAMODB_ENDPOINT: config.dynamoEndpoint ?? '',
    SES_ENDPOINT: config.sesEndpoint ?? '',
    PORTAL_URL: config.portalUrl,
    MAIL_FROM: config.mailFrom,
    LINK_SECRET: 'test-link-secret-test-link-secret',
    OIDC_ISSUER: oidc.issuer,
    OIDC_CLIENT_ID: oidc.clientId,
    AWS_REGION: config.region,
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--input-type=module', '-e', INVOKE, pathToFileURL(bundles.get(name)!).href, JSON.stringify(event)],
      // Outside the repository, so nothing resolves from its node_modules: the bundle has all it needs.
      { cwd: path.dirname(bundles.get(name)!), env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString('utf8');
    });
    const killer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.once('exit', (code) => {
      clearTimeout(killer);
      const answer = out.split('\n').find((line) => line.startsWith('ANSWER '));
      if (code !== 0 || !answer) reject(new Error(`${name} exited with ${code}: ${err.slice(-2_000)}`));
      else resolve(JSON.parse(answer.slice('ANSWER '.length)));
    });
  });
}

describe('the deployed bundles', () => {
  it('the api answers an HTTP API request from the table, for a signed-in person', async () => {
    const tokens = await h.signIn('anna');
    const answer = (await invoke('api', {
      version: '2.0',
      routeKey: '$default',
      rawPath: '/api/v1/catalog',
      rawQueryString: '',
      headers: { host: 'ordo.example.com', authorization: `Bearer ${tokens.accessToken}` },
      requestContext: {
        http: {
          method: 'GET',
          path: '/api/v1/catalog',
          protocol: 'HTTP/1.1',
          sourceIp: '127.0.0.1',
          userAgent: 'test',
        },
        requestId: 'deployed-bundles-1',
        routeKey: '$default',
        stage: '$default',
        domainName: 'ordo.example.com',
      },
      isBase64Encoded: false,
    })) as { statusCode: number; body: string };
    expect(answer.statusCode).toBe(200);
    const catalog = JSON.parse(answer.body) as Array<{ services: Array<{ id: string }> }>;
    expect(JSON.stringify(catalog)).toContain('hr-onboarding');
  }, 90_000);

  it('the mail worker sends an order’s mail through SES, and the timer job runs', async () => {
    const filed = await anna.json<OrderView>('POST', '/api/v1/orders', {
      serviceId: 'hr-onboarding',
      answers: {
        fullName: 'Bundled Mail',
        startDate: '2027-02-01',
        contractType: 'Permanent',
        managerEmail: 'm@example.com',
      },
    });
    expect(filed.status).toBe(201);
    const number = filed.body.order.number;
    const ids = (await h.deps.outbox.due(new Date(Date.now() + 86_400_000), 1_000)).filter((id) =>
      id.startsWith(`${number}.`),
    );
    expect(ids.length).toBeGreaterThan(0);
    const batch = await invoke('mail-worker', {
      Records: ids.map((id, i) => ({
        eventName: 'INSERT',
        dynamodb: { Keys: { pk: { S: `OUTBOX#${id}` } }, SequenceNumber: String(i + 1) },
      })),
    });
    expect(batch).toEqual({ batchItemFailures: [] });
    for (const id of ids) expect((await h.deps.outbox.get(id))?.status).toBe('sent');
    const mail = await h.mailbox();
    expect(mail.some((m) => m.subject.includes(number))).toBe(true);

    const run = (await invoke('sla-timer', {})) as Record<string, number>;
    expect(run).not.toHaveProperty('unavailable');
    expect(run).toHaveProperty('digests');
  }, 90_000);

  it('the retention job runs and records its run in the audit log', async () => {
    const started = new Date().toISOString();
    const run = await invoke('retention', {});
    expect(run).toEqual({
      services: expect.any(Number),
      examined: expect.any(Number),
      anonymised: expect.any(Number),
      files: expect.any(Number),
    });
    const ada = await h.as('ada');
    const audit = await ada.json<Array<{ action: string; at: string }>>(
      'GET',
      `/api/v1/audit?month=${started.slice(0, 7)}`,
    );
    expect(audit.body.some((r) => r.action === 'retention_run' && r.at >= started)).toBe(true);
  }, 90_000);
});
