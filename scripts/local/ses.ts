/**
 * Starts the SES v2 stand-in (`aws-ses-v2-local`), as a child process or inside this one, and reads back
 * what it "sent". Point `@aws-sdk/client-sesv2` at `endpoint` with any region and credentials.
 */
import { spawn } from 'node:child_process';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { assertPortFree, waitForHttp } from './ports.ts';
import { onShutdown, supervise } from './processes.ts';

/** One message captured by the stand-in (shape of `GET /store` → `emails[]`). */
export interface CapturedEmail {
  messageId: string;
  from: string;
  replyTo: string[];
  destination: { to: string[]; cc: string[]; bcc: string[] };
  subject: string;
  body: { html?: string; text?: string };
  attachments: { content: string; contentType: string; filename?: string; size: number }[];
  headers?: { name: string; value: string }[];
  /** Epoch seconds when it was received. */
  at: number;
}

export interface SesLocalOptions {
  port: number;
  /** Readiness timeout; default 15 s. */
  timeoutMs?: number;
  /** Receives each line the stand-in prints (default: kept only for error messages). */
  onOutput?: (line: string) => void;
  /** Environment variable that chooses the port, named in the "port in use" error. */
  portEnvVar?: string;
  /**
   * Serve it from this process instead of a Node process of its own (`npm start`: one runtime fewer,
   * ~40 MiB). Its mailbox is module state, so a process holds at most one such stand-in at a time.
   */
  inProcess?: boolean;
}

export interface RunningSes {
  /** Endpoint for the SES v2 SDK client. */
  endpoint: string;
  /** Web page listing the captured emails. */
  viewerUrl: string;
  stop(): Promise<void>;
}

function sesCliPath(): string {
  const require = createRequire(import.meta.url);
  const packageJson = require.resolve('aws-ses-v2-local/package.json');
  const bin = (require(packageJson) as { bin?: Record<string, string> }).bin?.['aws-ses-v2-local'] ?? 'dist/cli.js';
  return join(dirname(packageJson), bin);
}

/** Starts aws-ses-v2-local on 127.0.0.1:`port` and resolves once `/health-check` answers. */
export async function startSesLocal(options: SesLocalOptions): Promise<RunningSes> {
  const { port, timeoutMs = 15_000, onOutput } = options;
  await assertPortFree(port, 'SES stand-in', options.portEnvVar);
  if (options.inProcess) return startSesInProcess(port);
  const args = [sesCliPath(), '--host', '127.0.0.1', '--port', String(port)];
  // `node …/cli.js` (not npx) so that one PID is the server.
  const { child, output, stop } = supervise(
    spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] }),
    'SES stand-in',
    onOutput ? { onLine: onOutput } : {},
  );

  const endpoint = `http://127.0.0.1:${port}`;

  const exited = new Promise<never>((_, reject) => {
    const fail = (reason: string) =>
      reject(new Error(`The SES stand-in (aws-ses-v2-local) ${reason} before it was ready.${output.tail()}`));
    child.once('error', (error) => fail(`could not start: ${error.message}`));
    child.once('exit', (code, signal) => fail(`exited (${signal ?? `code ${code}`})`));
  });
  exited.catch(() => {});

  const abort = new AbortController();
  try {
    const response = await Promise.race([
      exited,
      waitForHttp(`${endpoint}/health-check`, timeoutMs, { signal: abort.signal }),
    ]);
    if (!response.ok) {
      throw new Error(`The SES stand-in answered /health-check with HTTP ${response.status}`);
    }
  } catch (error) {
    abort.abort();
    await stop();
    throw error;
  }
  return { endpoint, viewerUrl: `${endpoint}/`, stop };
}

let inProcessRunning = false;

/** The stand-in's HTTP server in this process; loaded on first use, so other processes never load Express. */
async function startSesInProcess(port: number): Promise<RunningSes> {
  if (inProcessRunning) throw new Error('An SES stand-in already runs in this process (its mailbox is shared).');
  const require = createRequire(import.meta.url);
  const serve = (require('aws-ses-v2-local') as typeof import('aws-ses-v2-local')).default;
  inProcessRunning = true;
  // The port was just found free; it resolves once listening.
  const server: Server = await serve({ host: '127.0.0.1', port });
  const endpoint = `http://127.0.0.1:${port}`;
  let stopped: Promise<void> | undefined;
  const stop = () => {
    stopped ??= new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }).finally(() => {
      inProcessRunning = false;
    });
    return stopped;
  };
  onShutdown(stop, 'SES stand-in');
  return { endpoint, viewerUrl: `${endpoint}/`, stop };
}

/** Emails captured by the stand-in, oldest first; only those received at or after `sinceEpochSeconds` if given. */
export async function readMailbox(endpoint: string, sinceEpochSeconds?: number): Promise<CapturedEmail[]> {
  const url = new URL('/store', endpoint);
  if (sinceEpochSeconds !== undefined) url.searchParams.set('since', String(Math.floor(sinceEpochSeconds)));
  const response = await fetch(url);
  if (!response.ok) {
    throw new Error(`GET ${url} failed with HTTP ${response.status}: ${await response.text()}`);
  }
  const store = (await response.json()) as { emails?: CapturedEmail[] };
  return store.emails ?? [];
}

/** Empties the stand-in's mailbox (this also forgets stored templates). */
export async function clearMailbox(endpoint: string): Promise<void> {
  const response = await fetch(new URL('/clear-store', endpoint), { method: 'POST' });
  if (!response.ok) {
    throw new Error(`POST ${endpoint}/clear-store failed with HTTP ${response.status}: ${await response.text()}`);
  }
}
