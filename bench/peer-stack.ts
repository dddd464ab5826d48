/**
 * Ordo's side of the peer comparison (bench/peer.ts): `npm start` itself, in a copy of the working tree
 * (bench/startup.ts's copyTree: node_modules and the DynamoDB Local download linked), so its .data/, its
 * bundled local server (dist/local/) and its portal build (web/dist/) are the copy's and nobody else's.
 * A fresh copy starts as after a clone: npm start bundles the local server, builds the portal in a child
 * process, creates the table and files the demo data with its weeks of history; a second start in the
 * same copy (`npm start -- --in-memory`) finds both built.
 *
 * The process tree is npm's: npm, its script shell, the Node process (API and portal server, workers,
 * OpenID provider, S3, SES and SMTP stand-ins) and DynamoDB Local (Java); the memory counts every one.
 * Free ports come through the ORDO_* variables `npm start` reads. Nothing else differs, with one
 * addition for the benchmark: NODE_OPTIONS=--heapsnapshot-signal=SIGUSR2, so that the serving process
 * writes a heap snapshot when asked after the measurements (a signal handler; nothing is loaded for it).
 * The per-person write limit stays as shipped: the benchmark files its orders as many employees.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { LOCAL_CLIENT_ID } from '../scripts/local/oidc.ts';
import { freePorts } from '../scripts/local/ports.ts';
import { onShutdown } from '../scripts/local/processes.ts';
import { LOCAL_TABLE } from '../scripts/stack.ts';
import { sleep } from './env.ts';
import { commandLine, processTree } from './procs.ts';
import { readStartLine, type StartProgress, stopProcessGroup } from './startup.ts';

export interface OrdoReady {
  appUrl: string;
  dynamoEndpoint: string;
  sesEndpoint: string;
  tableName: string;
  oidc: { issuer: string; clientId: string; redirectUri: string };
  /** Past orders filed as demo history on this start (0 when the data was kept or in memory without history). */
  historyOrders: number;
  /** Seconds from the spawn of `npm start` until it printed "Ordo is running". */
  seconds: number;
  /** Its own "ready in" figure (from inside the Node process). */
  reportedSeconds: number;
  /** What this start did before the stack: bundled the local server, built the portal (or found them up to date). */
  steps: string;
  command: string;
}

export interface OrdoStack {
  /** npm's pid: the root of the stack's process tree. */
  pid: number;
  ready: OrdoReady;
  /** The serving Node process (the one running dist/local/start.mjs). */
  serverPid(): number | undefined;
  /** Asks the serving process for a heap snapshot (SIGUSR2); resolves with the file once it is complete. */
  heapSnapshot(): Promise<{ file: string; ms: number } | undefined>;
  stop(): Promise<void>;
  /** The last lines npm start printed (for an error message). */
  tail(): string;
}

/** The Node process `npm start` runs (not npm's shell, whose command line names the same script). */
export function isServer(argv: string[]): boolean {
  return (
    (argv[0] ?? '').split('/').pop() === 'node' &&
    argv.some((a) => /(^|\/)scripts\/start\.mjs$|dist\/local\/start\.mjs$/.test(a))
  );
}

/** `npm start` (with `--in-memory`: `npm start -- --in-memory`) in `dir`, a copy of the working tree. */
export async function startOrdo(dir: string, opts: { inMemory?: boolean } = {}): Promise<OrdoStack> {
  const [app, dynamo, ses, s3, oidc, smtp] = await freePorts(6);
  const args = ['start', ...(opts.inMemory ? ['--', '--in-memory'] : [])];
  const t0 = performance.now();
  // Its own process group, so one signal reaches npm and the stack the way Ctrl-C does.
  const child: ChildProcess = spawn('npm', args, {
    cwd: dir,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      NODE_OPTIONS: [process.env.NODE_OPTIONS, '--heapsnapshot-signal=SIGUSR2'].filter(Boolean).join(' '),
      ORDO_PORT: String(app),
      ORDO_DYNAMODB_PORT: String(dynamo),
      ORDO_SES_PORT: String(ses),
      ORDO_S3_PORT: String(s3),
      ORDO_OIDC_PORT: String(oidc),
      ORDO_SMTP_PORT: String(smtp),
    },
  });
  let stopping: Promise<void> | undefined;
  const stopGroup = () => {
    stopping ??= stopProcessGroup(child);
    return stopping;
  };
  const unregister = onShutdown(stopGroup, 'npm start (peer benchmark)');
  const stop = async () => {
    await stopGroup();
    unregister();
  };
  const lines: string[] = [];
  let tail = '';
  try {
    const ready = await new Promise<{ reported: number; history: number }>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`npm start was not ready in 10 min:${tail}`)), 600_000);
      // Ready for measuring once it is running and, on a first run, its history (filed after the
      // server is up) is in.
      const progress: StartProgress = { filingHistory: false };
      const onData = (chunk: Buffer) => {
        for (const text of chunk.toString('utf8').split('\n')) {
          if (!text.trim()) continue;
          tail = `${tail}\n${text}`.slice(-3000);
          if (lines.length < 40) lines.push(text.trim());
          readStartLine(progress, text);
          const { reported, filingHistory, historyOrders } = progress;
          if (reported !== undefined && (!filingHistory || historyOrders !== undefined)) {
            clearTimeout(timer);
            resolve({ reported, history: historyOrders ?? 0 });
          }
        }
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      child.once('exit', (code) => reject(new Error(`npm start exited (${code}) before it was ready:${tail}`)));
    });
    const seconds = (performance.now() - t0) / 1000;
    const said = (re: RegExp) => lines.some((l) => re.test(l));
    const steps = [
      said(/bundling the local server/) ? 'local server bundled' : 'local server bundle up to date',
      said(/building the portal/) ? 'portal built in a child process' : 'portal up to date, not built',
    ].join(', ');
    const appUrl = `http://127.0.0.1:${app}`;
    const serverPid = () => processTree(child.pid!).find((pid) => isServer(commandLine(pid)));
    return {
      pid: child.pid!,
      ready: {
        appUrl,
        dynamoEndpoint: `http://127.0.0.1:${dynamo}`,
        sesEndpoint: `http://127.0.0.1:${ses}`,
        tableName: LOCAL_TABLE,
        oidc: { issuer: `http://127.0.0.1:${oidc}`, clientId: LOCAL_CLIENT_ID, redirectUri: `${appUrl}/auth/callback` },
        historyOrders: ready.history,
        seconds,
        reportedSeconds: ready.reported,
        steps,
        command: `npm ${args.join(' ')}`,
      },
      serverPid,
      tail: () => tail,
      heapSnapshot: async () => {
        const pid = serverPid();
        if (!pid) return undefined;
        const before = new Set(snapshots(dir));
        const s0 = performance.now();
        process.kill(pid, 'SIGUSR2');
        // Node writes it on its main thread into its working directory (the copy), named after its pid.
        for (let waited = 0; waited < 180; waited++) {
          await sleep(1_000);
          const file = snapshots(dir).find((f) => !before.has(f) && f.includes(`.${pid}.`));
          if (!file) continue;
          const path = join(dir, file);
          const size = statSync(path).size;
          await sleep(1_000);
          if (size > 0 && statSync(path).size === size && (await answers(appUrl))) {
            return { file: path, ms: performance.now() - s0 };
          }
        }
        return undefined;
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * `startOrdo` for a first run, tried up to `attempts` times: on a busy machine a first run's demo history
 * can meet the storage deadline (DynamoDB Local answering a call after more than a second) and npm start
 * then stops. Each retry starts from an empty .data/ again. Returns the stack and what failed before.
 */
export async function startOrdoFirstRun(
  dir: string,
  attempts: number,
  log: (message: string) => void,
): Promise<{ stack: OrdoStack; failed: string[] }> {
  const failed: string[] = [];
  for (;;) {
    try {
      return { stack: await startOrdo(dir), failed };
    } catch (error) {
      const reason =
        /could not start: (.*)/.exec((error as Error).message)?.[1] ?? (error as Error).message.split('\n')[0]!;
      failed.push(reason.slice(0, 200));
      if (failed.length >= attempts) throw error;
      log(`  Ordo: npm start stopped (${reason.slice(0, 120)}); starting again from an empty .data/…`);
      rmSync(join(dir, '.data'), { recursive: true, force: true });
    }
  }
}

function snapshots(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.heapsnapshot'));
}

/** Whether the server answers again (it does not while V8 writes the snapshot). */
async function answers(appUrl: string): Promise<boolean> {
  try {
    const res = await fetch(`${appUrl}/`, { signal: AbortSignal.timeout(5_000) });
    await res.arrayBuffer();
    return true;
  } catch {
    return false;
  }
}

export function removeSnapshot(file: string): void {
  rmSync(file, { force: true });
}
