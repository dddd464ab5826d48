/**
 * DynamoDB Local's memory with N orders, without the rest of the stack: the emulator as `npm start`
 * runs it (scripts/local/dynamodb.ts, data on disk), the product's table (with its stream), the demo
 * data with its weeks of history, then the HR queue topped up to N active orders by the peer
 * benchmark's own loader (bench/peer.ts's seedOrdo). Prints PSS (/proc/<pid>/smaps_rollup) and the
 * JVM heap (jcmd) after the load, after rounds of create, read one and list 50 open by due through the
 * order workflow (in turn, then from four clients at once), and after a minute idle; their p50s; and with --histogram the largest classes
 * after a full collection.
 *
 *   npx tsx bench/dynamo-memory.ts --n=10000                         the product's flags
 *   npx tsx bench/dynamo-memory.ts --n=10000 --flags="-Xmx256m ..."  other JVM flags (space-separated)
 *   … --save=DIR   keeps a copy of the loaded table's SQLite file; … --db=DIR   starts from such a copy
 *   (the load tops the queue up to N and counts it, so the queries that fill the heap still run)
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { apiConfigFrom } from '../functions/config.ts';
import { ensureTable } from '../functions/local/table.ts';
import { JVM_FLAGS, startDynamoDbLocal } from '../scripts/local/dynamodb.ts';
import { freePort } from '../scripts/local/ports.ts';
import { LOCAL_TABLE, seedDemo } from '../scripts/stack.ts';
import type { User } from '../shared/model.ts';
import { benchConfigEnv, depsFor, median, sleep } from './env.ts';
import { seedOrdo } from './peer.ts';
import type { OrdoStack } from './peer-stack.ts';

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const n = Number(arg('n') ?? 1_000);
const flags = arg('flags')?.split(/\s+/).filter(Boolean) ?? JVM_FLAGS;
const idleSeconds = Number(arg('idle') ?? 60);
const burst = Number(arg('burst') ?? 200);

const run = promisify(execFile);
const jcmd = async (pid: number, ...command: string[]) =>
  (await run('jcmd', [String(pid), ...command], { timeout: 60_000, maxBuffer: 1 << 24 })).stdout;

function pss(pid: number): { pss: number; anon: number; file: number } {
  const text = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
  const kib = (f: string) => Number(new RegExp(`^${f}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? Number.NaN) / 1024;
  return { pss: kib('Pss'), anon: kib('Pss_Anon'), file: kib('Pss_File') };
}

async function heap(pid: number): Promise<{ used: number; committed: number }> {
  const out = await jcmd(pid, 'GC.heap_info');
  let used = 0;
  let committed = 0;
  for (const m of out.matchAll(
    /(?:generation|region|garbage-first heap|Shenandoah Heap)\s+total (\d+)K, (?:committed \d+K, )?used (\d+)K/g,
  )) {
    committed += Number(m[1]);
    used += Number(m[2]);
  }
  if (committed === 0) {
    // Shenandoah: "512M max, 512M soft max, 79360K committed, 63131K used"
    const s = /(\d+)K committed, (\d+)K used/.exec(out);
    if (s) return { used: Number(s[2]) / 1024, committed: Number(s[1]) / 1024 };
  }
  return { used: used / 1024, committed: committed / 1024 };
}

const f = (v: number) => v.toFixed(0).padStart(4);
async function report(label: string, pid: number): Promise<void> {
  const p = pss(pid);
  const h = await heap(pid);
  console.log(
    `${label.padEnd(28)} PSS ${f(p.pss)} MiB (anon ${f(p.anon)}, file ${f(p.file)})  heap used ${f(h.used)} / committed ${f(h.committed)} MiB`,
  );
}

const dir = mkdtempSync(join(tmpdir(), 'ordo-dynamo-memory-'));
const port = await freePort();
console.log(`n=${n} flags: ${flags.join(' ')}`);
const from = arg('db');
if (from) {
  // A table loaded by an earlier run (--save=DIR): its SQLite file, copied.
  mkdirSync(join(dir, 'dynamodb'));
  for (const file of readdirSync(from)) copyFileSync(join(from, file), join(dir, 'dynamodb', file));
}
const dynamo = await startDynamoDbLocal({ port, dbPath: join(dir, 'dynamodb'), jvmFlags: flags, timeoutMs: 60_000 });
const pid = dynamo.pid!;
try {
  await report('started', pid);
  await ensureTable(dynamo.endpoint, LOCAL_TABLE);
  const oidc = { issuer: 'http://127.0.0.1:1', clientId: 'ordo-local' };
  // A longer storage deadline than the product's second: on a busy machine the load would stop.
  const env: Record<string, string> = {
    ...benchConfigEnv(dynamo.endpoint, 'http://127.0.0.1:1', LOCAL_TABLE, oidc),
    STORAGE_ATTEMPT_MS: '10000',
  };
  const t0 = performance.now();
  const { historyOrders } = await seedDemo(apiConfigFrom(env), !process.argv.includes('--no-history'));
  console.log(`demo data with ${historyOrders} past orders in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const stack = {
    ready: { dynamoEndpoint: dynamo.endpoint, sesEndpoint: env.SES_ENDPOINT, tableName: LOCAL_TABLE, oidc },
  };
  // The loader's own clients keep the product's one-second deadline: tried again when a call misses it.
  let seeded: Awaited<ReturnType<typeof seedOrdo>> | undefined;
  for (let attempt = 1; !seeded; attempt++) {
    try {
      seeded = await seedOrdo(stack as unknown as OrdoStack, n);
    } catch (error) {
      if (attempt >= 4) throw error;
      console.log(`the load stopped (${(error as Error).message.slice(0, 80)}); again…`);
    }
  }
  console.log(`${seeded.created} orders loaded in ${seeded.seconds.toFixed(1)} s; HR queue ${seeded.active} active`);
  await report('after the load', pid);
  await sleep(3_000);
  await report('idle 3 s after the load', pid);
  const save = arg('save');
  if (save) {
    mkdirSync(save, { recursive: true });
    for (const file of readdirSync(join(dir, 'dynamodb'))) copyFileSync(join(dir, 'dynamodb', file), join(save, file));
  }

  const deps = depsFor(env);
  const anna = (await deps.users.get('anna')) as User;
  const hana = (await deps.users.get('hana')) as User;
  const took = { create: [] as number[], read: [] as number[], list: [] as number[] };
  const timed = async (op: keyof typeof took, call: () => Promise<unknown>) => {
    const t = performance.now();
    try {
      await call();
      took[op].push(performance.now() - t);
    } catch (error) {
      failed.push(`${op}: ${(error as Error).message.slice(0, 100)}`);
    }
  };
  const failed: string[] = [];
  // The loader's numbers (none new when the table came loaded with --db).
  const numbers =
    seeded.numbers.length > 0 ? seeded.numbers : Array.from({ length: n - 20 }, (_, i) => `HR-${5_000_000 + i}`);
  let round = 0;
  // Rounds of the peer benchmark's three operations: in turn, then from four clients at once.
  const rounds = async (count: number) => {
    for (let i = 0; i < count; i++) {
      const r = round++;
      await timed('create', () =>
        deps.orderWorkflow.create(anna, { serviceId: 'hr-certificate', answers: { purpose: 'Bank' } }),
      );
      await timed('read', () => deps.orderWorkflow.view(hana, numbers[(r * 7919) % numbers.length]!));
      await timed('list', () => deps.orderWorkflow.queue(hana, 'HR', undefined, 50));
    }
  };
  await rounds(burst);
  const p50 = (op: keyof typeof took) => median(took[op]).toFixed(1);
  console.log(
    `${burst} rounds in turn: create p50 ${p50('create')} ms, read ${p50('read')} ms, list 50 open by due ${p50('list')} ms`,
  );
  await report('after the rounds', pid);
  for (const op of Object.values(took)) op.length = 0;
  await Promise.all(Array.from({ length: 4 }, () => rounds(burst / 4)));
  console.log(
    `${burst} rounds from 4 clients: create p50 ${p50('create')} ms, read ${p50('read')} ms, list ${p50('list')} ms`,
  );
  if (failed.length > 0) console.log(`${failed.length} calls failed, e.g. ${failed[0]}`);
  deps.db.doc.destroy();
  await report('after the burst', pid);
  // Idle: 3 s after (when the peer benchmark samples), 15 s, and `--idle` seconds (default 60).
  let waited = 0;
  for (const at of [3, 15, idleSeconds]) {
    if (at <= waited) continue;
    await sleep((at - waited) * 1000);
    waited = at;
    await report(`idle ${at} s later`, pid);
  }
  if (process.argv.includes('--histogram')) {
    await jcmd(pid, 'GC.run');
    await report('after GC.run', pid);
    console.log((await jcmd(pid, 'GC.class_histogram')).split('\n').slice(0, 25).join('\n'));
    console.log(await jcmd(pid, 'GC.heap_info'));
  }
  if (flags.some((a) => a.startsWith('-XX:NativeMemoryTracking'))) {
    console.log(await jcmd(pid, 'VM.native_memory', 'summary'));
  }
} finally {
  await dynamo.stop();
  rmSync(dir, { recursive: true, force: true });
}
