/** Port helpers for the local stack: free ports for tests, clear errors for taken ports, readiness polling. */
import { createServer } from 'node:net';

const HOST = '127.0.0.1';

/** Asks the OS for a currently free TCP port on 127.0.0.1. */
export async function freePort(): Promise<number> {
  const [port] = await freePorts(1);
  return port as number;
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

/** A port the stack needs is taken by something else: which, what for, and the variable that moves it. */
export class PortTakenError extends Error {
  constructor(
    readonly port: number,
    readonly what: string,
    readonly envVar?: string,
  ) {
    super(
      `Port ${port} (${what}) is already in use. Stop what uses it${envVar ? ` or set ${envVar}=<another port>` : ''}.`,
    );
    this.name = 'PortTakenError';
  }
}

/**
 * Waits for a server to listen on `port`, and says a port taken since it was checked (by an outgoing
 * connection, whose local ports come from the same range, or another process) as a PortTakenError.
 */
export async function listening<T>(started: Promise<T>, port: number, what: string, envVar?: string): Promise<T> {
  try {
    return await started;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new PortTakenError(port, what, envVar);
    throw error;
  }
}

/**
 * Throws a PortTakenError when `port` on 127.0.0.1 is already taken.
 *
 * @param what   what the port is for, e.g. 'DynamoDB Local'
 * @param envVar the environment variable that overrides the port, named in the error message
 */
export function assertPortFree(port: number, what: string, envVar?: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') reject(new PortTakenError(port, what, envVar));
      else reject(new Error(`Cannot listen on ${HOST}:${port} (${what}): ${error.message}`));
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
