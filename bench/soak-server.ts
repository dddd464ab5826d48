/**
 * The API process of the soak run (bench/soak.ts starts it): the local server and the background loops
 * as `npm start` runs them, configured from the environment the benchmark passes, and nothing else
 * loaded (no OpenID provider, no benchmark helpers), so its memory is the API's. It answers its parent
 * over IPC: its memory on request, and a clean stop with the DynamoDB requests it made.
 */
import { apiConfigFrom } from '../functions/config.ts';
import { createDeps } from '../functions/deps.ts';
import { startLocalServer } from '../functions/local/server.ts';
import { startWorkers } from '../functions/local/workers.ts';
import { createLogger } from '../functions/observability/logger.ts';
import { runTally, type Tally, watch } from './probe.ts';

export interface MemoryUsage {
  rss: number;
  heapUsed: number;
  heapTotal: number;
}

export type ToServer = { type: 'memory'; id: number } | { type: 'stop' };
export type FromServer =
  | { type: 'ready'; url: string }
  | ({ type: 'memory'; id: number } & MemoryUsage)
  | { type: 'stopped'; tally: Tally };

// Warnings and errors only, so a failing worker round shows in the report without request logs.
const config = apiConfigFrom({ ...process.env, LOG_LEVEL: 'warn' });
const deps = createDeps(config, { log: createLogger(config.logLevel, { stage: 'soak' }) });
watch(deps.db.doc);
const server = await startLocalServer({ deps, port: Number(process.env.SOAK_PORT) });
const workers = startWorkers(deps);
const send = (message: FromServer) => process.send?.(message);

process.on('message', (message: ToServer) => {
  if (message.type === 'memory') {
    const { rss, heapUsed, heapTotal } = process.memoryUsage();
    send({ type: 'memory', id: message.id, rss, heapUsed, heapTotal });
  } else if (message.type === 'stop') {
    void (async () => {
      await workers.stop();
      await server.close();
      send({ type: 'stopped', tally: runTally });
      process.disconnect();
    })();
  }
});
// Never outlive the benchmark.
process.on('disconnect', () => process.exit(0));
send({ type: 'ready', url: server.url });
