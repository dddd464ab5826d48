/** Port helpers for the local stack: free ports for tests, clear errors for taken ports, readiness polling. */
import { createServer } from 'node:net';

const HOST = '127.0.0.1';

/**
 * A free TCP port on 127.0.0.1. In a Vitest worker (VITEST_POOL_ID) it comes from a block of that
 * worker's own below Linux's ephemeral range (32768–60999): a port the OS hands out for `port: 0` is
 * free only until someone else binds it, and another worker asking at the same moment, or any
 * outgoing connection, can be given the same one before the stack listens on it. Elsewhere the OS
 * chooses.
 */
export async function freePort(): Promise<number> {
  const worker = Number(process.env.VITEST_POOL_ID);
  if (!Number.isInteger(worker) || worker < 1) return osPort();
  const base = WORKER_PORTS.first + ((worker - 1) % WORKER_PORTS.workers) * WORKER_PORTS.each;
  for (let tries = 0; tries < WORKER_PORTS.each; tries++) {
    const port = base + (nextInBlock++ % WORKER_PORTS.each);
    if (await isFree(port)) return port;
  }
  return osPort();
}

/** The blocks of the Vitest workers: 1,000 ports each from 20000, for up to eight workers. */
const WORKER_PORTS = { first: 20_000, each: 1_000, workers: 8 } as const;
let nextInBlock = 0;

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen({ port, host: HOST, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

function osPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen({ port: 0, host: HOST, exclusive: true }, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : undefined;
      server.close(() => (port ? resolve(port) : reject(new Error('Could not determine a free port'))));
    });
  });
}

/** Asks the OS for `count` distinct free ports (all held open until every one is known). */
export async function freePorts(count: number): Promise<number[]> {
  const servers = Array.from({ length: count }, () => createServer());
  try {
    return await Promise.all(
      servers.map(
        (server) =>
          new Promise<number>((resolve, reject) => {
            server.once('error', reject);
            server.listen({ port: 0, host: HOST, exclusive: true }, () => {
              const address = server.address();
              if (typeof address === 'object' && address) resolve(address.port);
              else reject(new Error('Could not determine a free port'));
            });
          }),
      ),
    );
  } finally {
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  }
}

/**
 * Throws when `port` on 127.0.0.1 is already taken.
 *
 * @param what   what the port is for, e.g. 'DynamoDB Local'
 * @param envVar the environment variable that overrides the port, named in the error message
 */
export function assertPortFree(port: number, what: string, envVar?: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') {
        const hint = envVar ? ` or set ${envVar}=<another port>` : '';
        reject(new Error(`Port ${port} (${what}) is already in use. Stop what uses it${hint}.`));
      } else {
        reject(new Error(`Cannot listen on ${HOST}:${port} (${what}): ${error.message}`));
      }
    });
    server.listen({ port, host: HOST, exclusive: true }, () => server.close(() => resolve()));
  });
}

/**
 * Polls `url` with GET until it answers with any HTTP status (connection refused/reset means "not yet").
 * Returns the final Response; throws after `timeoutMs`.
 */
export async function waitForHttp(
  url: string,
  timeoutMs = 15_000,
  options: { intervalMs?: number; signal?: AbortSignal } = {},
): Promise<Response> {
  const deadline = Date.now() + timeoutMs;
  const intervalMs = options.intervalMs ?? 50;
  let lastError: unknown;
  while (Date.now() < deadline) {
    options.signal?.throwIfAborted();
    try {
      const remaining = Math.max(1, deadline - Date.now());
      return await fetch(url, { signal: AbortSignal.timeout(Math.min(2_000, remaining)) });
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  const reason = lastError instanceof Error ? (lastError.cause ?? lastError).toString() : String(lastError);
  throw new Error(`${url} did not answer within ${timeoutMs} ms (last error: ${reason})`);
}
