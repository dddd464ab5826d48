/**
 * Starts AWS's DynamoDB Local (Java) as a child process.
 * The emulator lives in `.dynamodb/` (fetched by scripts/fetch-dynamodb-local.mjs when missing).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { assertPortFree, waitForHttp } from './ports.ts';
import { supervise } from './processes.ts';

export const JAVA_REQUIRED_MESSAGE =
  'Java 17 is required for DynamoDB Local. On Debian/Ubuntu: sudo apt-get install -y openjdk-17-jre-headless; ' +
  'on macOS: brew install openjdk@17';

/** Credentials and region DynamoDB Local accepts (it ignores them with -sharedDb, but the SDK needs some). */
export const LOCAL_AWS = {
  region: 'us-east-1',
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
} as const;

interface FetchModule {
  ensureDynamoDbLocal(options?: { quiet?: boolean }): Promise<{ dir: string; jar: string; fetched: boolean }>;
}

// The fetch script is plain JavaScript (it runs as `postinstall` before TypeScript tooling is
// guaranteed); it is loaded by URL so the type checker does not need a declaration file for it.
const fetchScriptUrl = new URL('../fetch-dynamodb-local.mjs', import.meta.url).href;

/** Makes sure `.dynamodb/DynamoDBLocal.jar` exists (downloads it when missing). */
export async function ensureDynamoDbLocal(
  options: { quiet?: boolean } = {},
): Promise<{ dir: string; jar: string; fetched: boolean }> {
  const fetchModule = (await import(/* @vite-ignore */ fetchScriptUrl)) as FetchModule;
  return fetchModule.ensureDynamoDbLocal(options);
}

/** Returns the major Java version on PATH; throws a message saying what to install when absent or too old. */
export function checkJava(): number {
  const result = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) {
    throw new Error(JAVA_REQUIRED_MESSAGE);
  }
  const output = `${result.stderr}${result.stdout}`;
  const match = /version "(\d+)(?:\.(\d+))?/.exec(output);
  const first = Number(match?.[1]);
  const major = first === 1 ? Number(match?.[2]) : first; // "1.8.0_x" means Java 8
  if (!Number.isFinite(major)) {
    throw new Error(
      `Could not read the Java version from \`java -version\`:\n${output.trim()}\n${JAVA_REQUIRED_MESSAGE}`,
    );
  }
  if (major < 17) {
    throw new Error(`Found Java ${major} on PATH. ${JAVA_REQUIRED_MESSAGE}`);
  }
  return major;
}

export interface DynamoDbLocalOptions {
  port: number;
  /** Persist tables in this directory (created when missing). */
  dbPath?: string;
  /** Keep everything in memory (the default when no dbPath is given). */
  inMemory?: boolean;
  /** Readiness timeout; default 30 s. */
  timeoutMs?: number;
  /** Receives each line the emulator prints (default: kept only for error messages). */
  onOutput?: (line: string) => void;
  /** Environment variable that chooses the port, named in the "port in use" error. */
  portEnvVar?: string;
  /** The heap cap (-Xmx) instead of JVM_FLAGS's, e.g. '2g' for a benchmark's bulk loads. */
  maxHeap?: string;
  /** All of the JVM's flags instead of JVM_FLAGS (to measure other settings). */
  jvmFlags?: readonly string[];
  /**
   * Not stopped by `shutdown()`: the emulator serves every stack this process starts, one table each,
   * until `stop()` or this process's exit (a browser-test worker's, shared by its files).
   */
  outlivesShutdown?: boolean;
}

// DynamoDB Local keeps running (non-daemon threads) after failing to start, e.g. when the port is
// taken; these lines mean it will never become ready.
const FATAL_OUTPUT = /Exception in thread "main"|Failed to bind|BindException|Error: Unable to access jarfile/;

/**
 * The emulator's JVM, sized for a development or test workload. The serial collector (one GC thread)
 * and the quick JIT tier start ~2x faster than the defaults on a 2-core machine with the same
 * per-request latency; the quick tier's compiled code fits in a 16 MiB code cache (~10 MiB used), and
 * thread stacks are 256 KiB.
 *
 * The heap's live data is small and does not grow with the table: ~20 MiB after a full collection at
 * 1,000 and at 10,000 orders, since both of DynamoDB Local's stores are SQLite outside the Java heap (so
 * the cap holds for -inMemory too). What fills the heap is garbage: the emulator reads a whole index
 * partition into objects to answer a Query over it, and counting a queue of 10,000 orders makes ~100 MiB
 * of them at a time. With the collector's default free ratios (keep 40-70 % of the heap free after a
 * full collection) the heap grew to ~320 MiB for that and kept every page it had touched: DynamoDB
 * Local held ~435 MiB PSS idle at 10,000 orders. With MinHeapFreeRatio=10 / MaxHeapFreeRatio=30 the
 * heap grows only when less than a tenth is free after a full collection and shrinks back to ~1.4x the
 * live data (at once, not in steps) each time: ~40 MiB committed at 1,000 and at 10,000 orders, at the
 * price of more frequent full collections of that small live set (a few milliseconds each).
 * bench/dynamo-memory.ts measures it (BENCHMARKS.md, peer comparison). The heap starts at 16 MiB (without
 * -Xms the JVM commits a 64th of the machine's memory up front) and is capped at 512 MiB: a 128 MiB cap
 * filled while 10,000 orders were loaded in bulk and the emulator then failed or stopped answering.
 * Class metadata (~36 MiB) is left uncapped: a cap saves nothing and would end the emulator.
 */
export const JVM_FLAGS = [
  '-Xms16m',
  '-Xmx512m',
  '-XX:+UseSerialGC',
  '-XX:MinHeapFreeRatio=10',
  '-XX:MaxHeapFreeRatio=30',
  '-XX:-ShrinkHeapInSteps',
  '-XX:TieredStopAtLevel=1',
  '-XX:ReservedCodeCacheSize=16m',
  '-Xss256k',
  // No shared-memory statistics file in /tmp (jstat reads it; jcmd works without it).
  '-XX:-UsePerfData',
];

export interface RunningService {
  endpoint: string;
  stop(): Promise<void>;
  /** The JVM's process id. */
  pid?: number | undefined;
}

/**
 * Starts DynamoDB Local on `port` and resolves once it answers ListTables. The endpoint uses 127.0.0.1, but
 * the emulator listens on all interfaces (it has no bind-address option).
 */
export async function startDynamoDbLocal(options: DynamoDbLocalOptions): Promise<RunningService> {
  const { port, dbPath, timeoutMs = 30_000, onOutput } = options;
  if (dbPath && options.inMemory) {
    throw new Error('startDynamoDbLocal: pass either dbPath (persist) or inMemory, not both');
  }
  const { dir } = await ensureDynamoDbLocal({ quiet: true });
  checkJava();
  await assertPortFree(port, 'DynamoDB Local', options.portEnvVar);

  const storage: string[] = [];
  if (dbPath) {
    const absolute = resolve(dbPath);
    mkdirSync(absolute, { recursive: true });
    storage.push('-dbPath', absolute);
  } else {
    storage.push('-inMemory');
  }
  const args = [
    ...(options.jvmFlags ?? JVM_FLAGS).map((flag) =>
      options.maxHeap && flag.startsWith('-Xmx') ? `-Xmx${options.maxHeap}` : flag,
    ),
    '-Djava.library.path=./DynamoDBLocal_lib',
    '-jar',
    'DynamoDBLocal.jar',
    '-port',
    String(port),
    '-sharedDb',
    '-disableTelemetry',
    ...storage,
  ];

  let onFatal: (() => void) | undefined;
  const { child, output, stop } = supervise(
    spawn('java', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] }),
    'DynamoDB Local',
    {
      outlivesShutdown: options.outlivesShutdown ?? false,
      onLine: (line) => {
        onOutput?.(line);
        if (onFatal && FATAL_OUTPUT.test(line)) {
          const report = onFatal;
          onFatal = undefined;
          setTimeout(report, 200); // let the rest of the message arrive
        }
      },
    },
  );

  const endpoint = `http://127.0.0.1:${port}`;

  const exited = new Promise<never>((_, reject) => {
    const fail = (reason: string) =>
      reject(
        new Error(`DynamoDB Local ${reason} before it was ready (java ${args.join(' ')}, in ${dir}).${output.tail()}`),
      );
    child.once('error', (error) => fail(`could not start: ${error.message}`));
    child.once('exit', (code, signal) => fail(`exited (${signal ?? `code ${code}`})`));
    onFatal = () => fail('failed to start');
  });
  exited.catch(() => {}); // observed below; avoid an unhandled rejection after readiness

  const abort = new AbortController();
  try {
    await Promise.race([exited, waitUntilAnswering(endpoint, timeoutMs, abort.signal)]);
    onFatal = undefined;
  } catch (error) {
    abort.abort();
    await stop();
    throw error;
  }
  return { endpoint, stop, pid: child.pid };
}

async function waitUntilAnswering(endpoint: string, timeoutMs: number, signal: AbortSignal): Promise<void> {
  const started = Date.now();
  // Any HTTP answer means the server is listening; ListTables then proves the API works.
  await waitForHttp(endpoint, timeoutMs, { signal });
  const client = new DynamoDBClient({ endpoint, ...LOCAL_AWS, maxAttempts: 1 });
  try {
    for (;;) {
      signal.throwIfAborted();
      try {
        await client.send(new ListTablesCommand({}), { abortSignal: signal });
        return;
      } catch (error) {
        if (Date.now() - started > timeoutMs) {
          throw new Error(`DynamoDB Local at ${endpoint} did not answer ListTables within ${timeoutMs} ms: ${error}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  } finally {
    client.destroy();
  }
}
