/**
 * Ordo's side of the peer comparison (bench/peer.ts starts it in a process of its own): the whole local
 * stack as `npm start` runs it — the portal build first, then `startStack` (scripts/stack.ts): DynamoDB
 * Local, the SES and S3 stand-ins, the OpenID provider, demo data with its weeks of history, the API and
 * portal server and the background workers — under the same TypeScript loader (the parent passes its own
 * `tsx` flags). Two differences, both for the benchmark: the ports are free ones and the per-person write
 * limit is lifted (WRITE_LIMIT_*), since the benchmark files thousands of orders as a few people.
 *
 * Settings come from the environment: PEER_PORTS (JSON: app, dynamo, ses, s3, oidc), PEER_DATA_DIR (data
 * on disk there, as `npm start` keeps it in .data/; absent = in memory, as `npm start -- --in-memory`),
 * PEER_BUILD=1 (build the portal into a temporary directory first, as `npm start` builds it).
 * It answers its parent over IPC: ready (the endpoints), memory, a heap snapshot to a file, stop.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getHeapStatistics, writeHeapSnapshot } from 'node:v8';
import { installSignalHandlers, shutdown } from '../scripts/local/processes.ts';
import { root, type StackOptions, startStack } from '../scripts/stack.ts';

export type ToStack = { type: 'memory'; id: number } | { type: 'heap'; id: number; file: string } | { type: 'stop' };

export interface StackMemory {
  rss: number;
  heapTotal: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
  /** V8's heap limit. */
  heapLimit: number;
}

export type FromStack =
  | {
      type: 'ready';
      appUrl: string;
      dynamoEndpoint: string;
      sesEndpoint: string;
      tableName: string;
      oidc: { issuer: string; clientId: string; redirectUri: string };
      historyOrders: number;
      build: string;
      seconds: number;
      execArgv: string[];
    }
  | ({ type: 'memory'; id: number } & StackMemory)
  | { type: 'heap'; id: number; file: string; ms: number }
  | { type: 'failed'; error: string };

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const send = (message: FromStack) => process.send?.(message);

function memory(): StackMemory {
  const usage = process.memoryUsage();
  const heap = getHeapStatistics();
  return {
    rss: usage.rss,
    heapTotal: usage.heapTotal,
    heapUsed: usage.heapUsed,
    external: usage.external,
    arrayBuffers: usage.arrayBuffers,
    heapLimit: heap.heap_size_limit,
  };
}

async function main(): Promise<void> {
  installSignalHandlers();
  const started = performance.now();
  const ports = JSON.parse(process.env.PEER_PORTS ?? '') as StackOptions['ports'];
  let build = 'not built';
  if (process.env.PEER_BUILD === '1') {
    // As start.ts does, in this process, so what the build leaves in memory counts; into a directory of
    // its own, so nobody's web/dist changes under them.
    const outDir = mkdtempSync(join(tmpdir(), 'ordo-peer-web-'));
    try {
      const { build: viteBuild } = await import('vite');
      const t0 = performance.now();
      await viteBuild({
        configFile: join(root, 'web/vite.config.ts'),
        logLevel: 'silent',
        build: { outDir, emptyOutDir: true },
      });
      build = `built in ${((performance.now() - t0) / 1000).toFixed(1)} s`;
    } catch (error) {
      build = `build failed (${(error as Error).message.split('\n')[0]?.slice(0, 120)}); measured without it`;
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  }
  const stack = await startStack({
    ports,
    ...(process.env.PEER_DATA_DIR ? { dataDir: process.env.PEER_DATA_DIR } : {}),
    logLevel: 'error',
    history: true,
    apiEnv: { WRITE_LIMIT_BURST: '100000000', WRITE_LIMIT_PER_SECOND: '100000000' },
  });
  process.on('message', (message: ToStack) => {
    if (message.type === 'memory') send({ type: 'memory', id: message.id, ...memory() });
    if (message.type === 'heap') {
      const t0 = performance.now();
      const file = writeHeapSnapshot(message.file);
      send({ type: 'heap', id: message.id, file, ms: performance.now() - t0 });
    }
    if (message.type === 'stop') void shutdown().then(() => process.exit(0));
  });
  // Never outlive the benchmark.
  process.on('disconnect', () => void shutdown().then(() => process.exit(0)));
  send({
    type: 'ready',
    appUrl: stack.appUrl,
    dynamoEndpoint: stack.dynamoEndpoint,
    sesEndpoint: stack.sesEndpoint,
    tableName: stack.tableName,
    oidc: { issuer: stack.oidc.issuer, clientId: stack.oidc.clientId, redirectUri: stack.oidc.redirectUri },
    historyOrders: stack.historyOrders,
    build,
    seconds: (performance.now() - started) / 1000,
    execArgv: process.execArgv,
  });
}

main().catch(async (error: unknown) => {
  send({ type: 'failed', error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  await shutdown();
  process.exit(1);
});
