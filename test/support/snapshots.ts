/**
 * Vitest global setup of the browser and integration tests: writes the demo data once, and once more
 * with weeks of history, into DynamoDB Local data folders. Each browser file's stack starts from a
 * copy of one (`startTestStack` in test/e2e/browser.ts), and so does the README scenario's harness,
 * instead of filing the same demo data and history through the workflows again, which on two cores
 * cost each file seconds and each history file a minute. Both projects name this setup; the run
 * seeds once and the last project to finish removes the folders.
 * The copies live in memory (/dev/shm) where the machine has it, so the emulator reads no disk.
 *
 * Seeding takes half a minute on two cores, so it runs in the background while the unit and
 * integration tests run: the setup returns at once, and a browser file's `startTestStack` waits for
 * the ready mark (`snapshotsReady`), which by then is long written.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { TestProject } from 'vitest/node';
import { apiConfigFrom } from '../../functions/config.ts';
import { ensureTable } from '../../functions/local/table.ts';
import { startDynamoDbLocal } from '../../scripts/local/dynamodb.ts';
import { freePort } from '../../scripts/local/ports.ts';
import { LOCAL_TABLE, localApiEnv, seedDemo } from '../../scripts/stack.ts';

export interface DataSnapshots {
  /** Data folders in the shape `startStack({ dataDir })` keeps: the demo data alone, and with history. */
  demo: string;
  history: string;
  /** Written when both folders are seeded: `{ historyOrders }`, or `{ error }` if seeding failed. */
  ready: string;
}

declare module 'vitest' {
  interface ProvidedContext {
    snapshots: DataSnapshots;
  }
}

/** The folder copies are made in: memory where there is a tmpfs for it. */
export const scratchRoot = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();

/** Seeds the data folder `dir` as `startStack` would on a first start; returns the past orders filed. */
async function seedInto(dir: string, history: boolean): Promise<number> {
  mkdirSync(dir, { recursive: true });
  // The key of emailed links, kept with the data as `startStack` keeps it.
  const linkSecret = randomBytes(32).toString('hex');
  writeFileSync(join(dir, 'link-secret'), linkSecret, { mode: 0o600 });
  // Started beside the unit and integration tests: give the emulator's start the time a busy machine needs.
  const dynamo = await startDynamoDbLocal({
    port: await freePort(),
    dbPath: join(dir, 'dynamodb'),
    timeoutMs: 120_000,
  });
  try {
    await ensureTable(dynamo.endpoint, LOCAL_TABLE);
    // Nothing is sent or signed in while seeding: the mail, file and identity addresses are never called.
    const unused = 'http://127.0.0.1:9';
    const config = apiConfigFrom({
      ...localApiEnv({
        oidc: { issuer: unused, clientId: 'ordo-portal' },
        linkSecret,
        dynamoEndpoint: dynamo.endpoint,
        sesEndpoint: unused,
        s3Endpoint: unused,
        portalUrl: unused,
        logLevel: 'error',
      }),
      STORAGE_ATTEMPT_MS: '5000',
    });
    return (await seedDemo(config, history)).historyOrders;
  } finally {
    await dynamo.stop();
  }
}

/** The run's one seeding, shared by the projects that name this setup (they run in one process). */
const run = globalThis as { ordoSnapshots?: { snapshots: DataSnapshots; seeding: Promise<void>; users: number } };

function startSeeding(): { snapshots: DataSnapshots; seeding: Promise<void>; users: number } {
  const base = mkdtempSync(join(scratchRoot, 'ordo-snapshots-'));
  const snapshots = { demo: join(base, 'demo'), history: join(base, 'history'), ready: join(base, 'ready.json') };
  const mark = (content: object) => {
    // Written whole, then renamed: a reader never sees half a mark.
    writeFileSync(`${snapshots.ready}.part`, JSON.stringify(content));
    renameSync(`${snapshots.ready}.part`, snapshots.ready);
  };
  const seeding = Promise.all([seedInto(snapshots.demo, false), seedInto(snapshots.history, true)]).then(
    ([, historyOrders]) => mark({ historyOrders }),
    (error: unknown) => mark({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  );
  return { snapshots, seeding, users: 0 };
}

export default function setup(project: TestProject): () => Promise<void> {
  run.ordoSnapshots ??= startSeeding();
  const shared = run.ordoSnapshots;
  shared.users += 1;
  project.provide('snapshots', shared.snapshots);
  return async () => {
    shared.users -= 1;
    if (shared.users > 0) return;
    await shared.seeding;
    rmSync(dirname(shared.snapshots.ready), { recursive: true, force: true });
    run.ordoSnapshots = undefined;
  };
}

/** Waits until the global setup has seeded both folders; returns how many past orders the history has. */
export async function snapshotsReady(
  snapshots: DataSnapshots,
  timeoutMs = 240_000,
): Promise<{ historyOrders: number }> {
  const until = Date.now() + timeoutMs;
  while (!existsSync(snapshots.ready)) {
    if (Date.now() > until) throw new Error(`the test data was not seeded within ${timeoutMs / 1000} s`);
    await sleep(250);
  }
  const mark = JSON.parse(readFileSync(snapshots.ready, 'utf8')) as { historyOrders: number } | { error: string };
  if ('error' in mark) throw new Error(`seeding the test data failed: ${mark.error}`);
  return mark;
}
