/**
 * What every benchmark needs: a DynamoDB Local sized for benchmark data, the SES stand-in, a fresh
 * table with the product's key design, product dependencies wired to them, and small statistics helpers.
 */
import { readFileSync } from 'node:fs';
import { cpus, freemem, totalmem } from 'node:os';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { apiConfigFrom } from '../functions/config.ts';
import { createDeps, type Deps } from '../functions/deps.ts';
import { demoEmployees, demoUsers } from '../functions/local/demo-data.ts';
import { seedIfEmpty } from '../functions/local/seed.ts';
import { silentLogger } from '../functions/observability/logger.ts';
import { tableDefinition } from '../functions/storage/table-definition.ts';
import { startDynamoDbLocal } from '../scripts/local/dynamodb.ts';
import { accountOf, type RunningOidcProvider, startOidcProvider } from '../scripts/local/oidc.ts';
import { freePort } from '../scripts/local/ports.ts';
import { onShutdown } from '../scripts/local/processes.ts';
import { startSesLocal } from '../scripts/local/ses.ts';
import { watch } from './probe.ts';

/**
 * Heap cap (-Xmx) for the benchmark emulator: headroom for the load tests' bulk writes with several
 * batches in flight. The data itself lives outside the heap (DynamoDB Local's store is SQLite), and the
 * heap only grows as far as the load needs.
 */
export const DYNAMO_HEAP = '2g';

export interface Service {
  endpoint: string;
  port: number;
  stop(): Promise<void>;
  /** Resident memory of the process in MiB (Linux), when known. */
  residentMb?(): number | undefined;
}

function residentMbOf(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const kib = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kib ? Number(kib) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * DynamoDB Local, in memory, launched the way `npm start` and the tests launch it
 * (scripts/local/dynamodb.ts) with a larger heap cap for the load tests' bulk writes.
 */
export async function startDynamo(): Promise<Service> {
  const port = await freePort();
  const dynamo = await startDynamoDbLocal({ port, inMemory: true, maxHeap: DYNAMO_HEAP, timeoutMs: 60_000 });
  return { endpoint: dynamo.endpoint, port, stop: dynamo.stop, residentMb: () => residentMbOf(dynamo.pid) };
}

export async function startSes(port?: number): Promise<Service> {
  const chosen = port ?? (await freePort());
  const ses = await startSesLocal({ port: chosen });
  return { endpoint: ses.endpoint, port: chosen, stop: ses.stop };
}

let tableCounter = 0;

export interface BenchEnv {
  deps: Deps;
  tableName: string;
  env: Record<string, string>;
}

let oidc: Promise<RunningOidcProvider> | undefined;

/** The OpenID provider the benchmarks sign in at (one per run, the demo people as accounts). */
export function benchOidc(): Promise<RunningOidcProvider> {
  if (!oidc) {
    const accounts = [...demoUsers, ...demoEmployees].map(accountOf);
    oidc = freePort().then(async (port) => {
      const provider = await startOidcProvider({
        port,
        accounts: () => accounts,
        portalUrls: ['http://127.0.0.1:3000'],
      });
      onShutdown(() => provider.stop(), 'OpenID provider (benchmark)');
      return provider;
    });
  }
  return oidc;
}

/** Same settings as the test harness, with the per-person write limit out of the way of load tests. */
export function benchConfigEnv(
  dynamoEndpoint: string,
  sesEndpoint: string,
  tableName: string,
  provider: Pick<RunningOidcProvider, 'issuer' | 'clientId'>,
): Record<string, string> {
  return {
    STAGE: 'test',
    OIDC_ISSUER: provider.issuer,
    OIDC_CLIENT_ID: provider.clientId,
    LINK_SECRET: 'bench-link-secret-bench-link-secret',
    TABLE_NAME: tableName,
    DYNAMODB_ENDPOINT: dynamoEndpoint,
    SES_ENDPOINT: sesEndpoint,
    PORTAL_URL: 'http://127.0.0.1:3000',
    MAIL_FROM: 'ordo@example.com',
    WRITE_LIMIT_BURST: '100000000',
    WRITE_LIMIT_PER_SECOND: '100000000',
    LOG_LEVEL: 'error',
  };
}

/**
 * Creates a table with the product's keys and indexes (functions/storage/table-definition.ts) but
 * without its stream. In AWS the stream feeds the mail worker asynchronously and costs writes
 * nothing; DynamoDB Local's stream emulation instead makes every write slower as stream records
 * pile up (measured on a 2-core machine: bulk load ~530 vs ~1,560 items/s, TransactWriteItems p50
 * 4.4 → 6.2 ms from a 1k- to a 10k-order table with the stream on, flat without), which would
 * measure the emulator, not Ordo.
 * Locally nothing reads the stream: the outbox is polled through the dueWork index.
 */
export async function createBenchTable(endpoint: string, tableName: string): Promise<void> {
  const client = new DynamoDBClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  try {
    const { StreamSpecification: _stream, ...definition } = tableDefinition(tableName);
    await client.send(new CreateTableCommand(definition));
  } finally {
    client.destroy();
  }
}

/** A fresh table seeded with the demo company, and product dependencies for it. */
export async function freshEnv(
  dynamoEndpoint: string,
  sesEndpoint: string,
  opts: { now?: () => Date; seed?: boolean } = {},
): Promise<BenchEnv> {
  const tableName = `ordo-bench-${process.pid}-${tableCounter++}`;
  await createBenchTable(dynamoEndpoint, tableName);
  const env = benchConfigEnv(dynamoEndpoint, sesEndpoint, tableName, await benchOidc());
  const deps = depsFor(env, opts.now);
  if (opts.seed !== false) await seedIfEmpty(deps);
  return { deps, tableName, env };
}

/** Product dependencies for an existing table (each call has its own caches and call counter). */
export function depsFor(env: Record<string, string>, now?: () => Date): Deps {
  const deps = createDeps(apiConfigFrom(env), { log: silentLogger, ...(now ? { now } : {}) });
  watch(deps.db.doc);
  return deps;
}

/** A size flag (`--search-sizes=1000,10k`): the table sizes to measure instead of the mode's own. */
export function sizesAsked(flag: string): number[] | undefined {
  const raw = process.argv.find((a) => a.startsWith(`${flag}=`))?.slice(flag.length + 1);
  if (!raw) return undefined;
  const sizes = raw.split(',').map((n) => Number(n.replace(/k$/i, '000')));
  if (sizes.some((n) => !Number.isInteger(n) || n < 100)) throw new Error(`${flag}: whole numbers ≥ 100, not ${raw}`);
  return sizes;
}

// ---------- statistics ----------

export function quantile(values: number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

export const median = (values: number[]) => quantile(values, 0.5);

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function ms(value: number, digits = 1): string {
  return Number.isFinite(value) ? `${value.toFixed(digits)} ms` : 'n/a';
}

export function ratio(value: number, digits = 2): string {
  return Number.isFinite(value) ? value.toFixed(digits) : 'n/a';
}

export function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

export function machineInfo(): Record<string, string> {
  const cpu = cpus();
  return {
    cpu: `${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown'}`,
    memory: `${(totalmem() / 2 ** 30).toFixed(1)} GiB (free at start ${(freemem() / 2 ** 30).toFixed(1)} GiB)`,
    os: `${process.platform} ${process.arch}`,
    node: process.version,
  };
}
