/**
 * How long `npm start` takes to be ready: `npm run bench -- --only=startup` (standalone; ~2 min).
 *
 * The working tree is copied to a temporary directory (node_modules and the DynamoDB Local download are
 * linked, not copied), so the first run finds no .data/, no built portal and no bundle of the local server
 * (dist/local/), exactly as after a clone, and nobody's .data/ or web/dist/ is touched. TMPDIR points into
 * that directory too, so any cache under it starts cold on the first run. `npm start` is then run three times on free
 * ports (ORDO_* variables): the first run (empty .data/: table, demo data, weeks of history) and two later
 * runs (data kept). Ready = the moment it prints "Ordo is running", timed from the spawn of `npm start`;
 * its own "ready in" figure (from inside the process) is reported next to it, and the time of each line it
 * prints shows where the time goes. After each start, the memory (PSS) of every process `npm start` runs.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { freePorts } from '../scripts/local/ports.ts';
import { onShutdown } from '../scripts/local/processes.ts';
import { root } from '../scripts/stack.ts';
import type { BenchContext } from './context.ts';
import { sleep } from './env.ts';
import { type ProcMemory, sumPss, treeMemory } from './procs.ts';
import { type Row, type Section, table, verdict } from './results.ts';

const FIRST_TARGET_S = 30;
const LATER_TARGET_S = 10;

interface Start {
  kind: 'first' | 'later';
  wallSeconds: number;
  reportedSeconds: number;
  /** Each line `npm start` printed before it was ready, with its time since the spawn. */
  lines: Array<{ t: number; text: string }>;
  memory: ProcMemory[];
  stopSeconds: number;
  /** A first run files its demo history after it is ready: when that ended (from the spawn), and how many orders. */
  history?: { seconds: number; orders: number };
}

/** What `npm start` has said so far (scripts/start.ts and scripts/stack.ts print the lines). */
export interface StartProgress {
  /** The seconds it reports when it is running. */
  reported?: number;
  /** A first run files its demo history after it is ready, in the background. */
  filingHistory: boolean;
  /** How many past orders that history filed, once it is done. */
  historyOrders?: number;
}

/** Reads one line of `npm start` into `progress`; says whether it was the ready line or the history's end. */
export function readStartLine(progress: StartProgress, text: string): 'ready' | 'historyFiled' | undefined {
  if (/demo history in the background/.test(text)) progress.filingHistory = true;
  const ready = /Ordo is running \(ready in ([\d.]+) s\)/.exec(text);
  if (ready) {
    progress.reported = Number(ready[1]);
    return 'ready';
  }
  const filed = /demo history filed: (\d+) past orders/.exec(text);
  if (filed) {
    progress.historyOrders = Number(filed[1]);
    return 'historyFiled';
  }
  return undefined;
}

/** A copy of the working tree (tracked and untracked, not ignored files) with node_modules linked. */
export function copyTree(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ordo-startup-'));
  const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], { cwd: root, encoding: 'utf8' })
    .split('\0')
    .filter(Boolean);
  for (const file of files) {
    const to = join(dir, file);
    mkdirSync(dirname(to), { recursive: true });
    try {
      copyFileSync(join(root, file), to);
    } catch {
      // deleted in the working tree but still in the index
    }
  }
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  symlinkSync(join(root, '.dynamodb'), join(dir, '.dynamodb'));
  mkdirSync(join(dir, '.tmp'));
  return dir;
}

/**
 * Stops a child spawned `detached` (its own process group) the way Ctrl-C does: SIGINT to the whole
 * group, then SIGKILL to what is left after 20 s.
 */
export async function stopProcessGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    process.kill(-child.pid!, 'SIGINT');
  } catch {
    return;
  }
  await Promise.race([exited, sleep(20_000)]);
  try {
    process.kill(-child.pid!, 'SIGKILL');
  } catch {
    // gone
  }
}

async function startOnce(dir: string, kind: Start['kind']): Promise<Start> {
  const [app, dynamo, ses, s3, oidc] = await freePorts(5);
  const t0 = performance.now();
  // Its own process group, so one signal reaches npm and the stack the way Ctrl-C does.
  const child: ChildProcess = spawn('npm', ['start'], {
    cwd: dir,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      TMPDIR: join(dir, '.tmp'),
      ORDO_PORT: String(app),
      ORDO_DYNAMODB_PORT: String(dynamo),
      ORDO_SES_PORT: String(ses),
      ORDO_S3_PORT: String(s3),
      ORDO_OIDC_PORT: String(oidc),
    },
  });
  const stopGroup = () => stopProcessGroup(child);
  const unregister = onShutdown(stopGroup, 'npm start (start-up benchmark)');
  const lines: Start['lines'] = [];
  let tail = '';
  const progress: StartProgress = { filingHistory: false };
  let historyFiled: (filed: { seconds: number; orders: number }) => void = () => {};
  const history = new Promise<{ seconds: number; orders: number }>((resolve) => {
    historyFiled = resolve;
  });
  try {
    const reported = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`npm start was not ready in 3 min:\n${tail}`)), 180_000);
      const onData = (chunk: Buffer) => {
        const t = (performance.now() - t0) / 1000;
        for (const text of chunk.toString('utf8').split('\n')) {
          if (!text.trim()) continue;
          tail = `${tail}\n${text}`.slice(-2000);
          if (lines.length < 40) lines.push({ t, text: text.trim().slice(0, 160) });
          const said = readStartLine(progress, text);
          if (said === 'historyFiled') historyFiled({ seconds: t, orders: progress.historyOrders ?? 0 });
          if (said === 'ready') {
            clearTimeout(timer);
            resolve(progress.reported ?? 0);
          }
        }
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      child.once('exit', (code) => reject(new Error(`npm start exited (${code}) before it was ready:\n${tail}`)));
    });
    const wallSeconds = (performance.now() - t0) / 1000;
    // A first run is left to file its history (the later runs start from it), then measured with it.
    const filed = progress.filingHistory
      ? await Promise.race([
          history,
          sleep(300_000).then(() => Promise.reject(new Error(`the demo history was not filed in 5 min:\n${tail}`))),
        ])
      : undefined;
    // Settled: the first loop rounds have run.
    await sleep(5_000);
    const memory = treeMemory(child.pid!);
    const s0 = performance.now();
    await stopGroup();
    return {
      kind,
      wallSeconds,
      reportedSeconds: reported,
      lines: lines.filter((l) => l.t <= wallSeconds + 0.01),
      memory,
      stopSeconds: (performance.now() - s0) / 1000,
      ...(filed ? { history: filed } : {}),
    };
  } finally {
    await stopGroup();
    unregister();
  }
}

export async function runStartup(ctx: BenchContext): Promise<Section> {
  const dir = copyTree();
  const load = loadavg()[0]!;
  try {
    const starts: Start[] = [];
    for (const kind of ['first', 'later', 'later'] as const) {
      ctx.log(`  npm start, ${kind} run…`);
      const s = await startOnce(dir, kind);
      ctx.log(`  ready after ${s.wallSeconds.toFixed(1)} s (it says ${s.reportedSeconds} s)`);
      starts.push(s);
    }
    return report(starts, Math.max(load, loadavg()[0]!));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const s1 = (x: number) => `${x.toFixed(1)} s`;
const mib = (x: number) => `${Math.round(x)} MiB`;

function label(m: ProcMemory): string {
  if (m.name.startsWith('npm')) return 'npm';
  if (m.name.startsWith('sh ')) return "sh (npm's script shell)";
  if (m.name.includes('DynamoDBLocal')) return 'DynamoDB Local (Java)';
  if (m.name.includes('aws-ses-v2-local')) return 'SES stand-in (Node)';
  if (m.name.includes('esbuild')) return 'esbuild service';
  if (/scripts\/start\.(ts|mjs)|dist\/local\/start\.mjs/.test(m.name))
    return 'Node: API + portal server, workers, OpenID provider, S3, SES and SMTP stand-ins';
  if (m.name.includes('tsx')) return 'tsx launcher (Node)';
  return m.name;
}

function report(starts: Start[], load: number): Section {
  const first = starts[0]!;
  const later = starts.slice(1);
  const worstLater = Math.max(...later.map((s) => s.wallSeconds));
  const rows: Row[] = [
    {
      figure: '`npm start` ready, first run (empty .data/, portal and local server not built)',
      target: `≤ ${FIRST_TARGET_S} s`,
      measured: `${s1(first.wallSeconds)} from the command (it reports ${s1(first.reportedSeconds)} from inside)`,
      verdict: verdict(first.wallSeconds <= FIRST_TARGET_S),
    },
    {
      figure: '`npm start` ready, later runs (data kept)',
      target: `≤ ${LATER_TARGET_S} s`,
      measured: later.map((s) => `${s1(s.wallSeconds)} (reports ${s1(s.reportedSeconds)})`).join(', '),
      verdict: verdict(worstLater <= LATER_TARGET_S),
    },
  ];
  const phases = (s: Start) => {
    const at = (re: RegExp) => s.lines.find((l) => re.test(l.text))?.t;
    const building = at(/building the portal/);
    const built = s.lines.find((l) => /the portal is built/.test(l.text));
    const upToDate = at(/portal is up to date/);
    const starting = at(/starting DynamoDB Local/);
    const seeding = at(/seeding the demo data/);
    const seeded = at(/demo data seeded/);
    const parts: string[] = [];
    const begun = building ?? upToDate;
    if (begun !== undefined) parts.push(`npm and the launcher (bundling when needed) until start.ts runs ${s1(begun)}`);
    if (building !== undefined && built) {
      parts.push(`portal build ${s1(built.t - building)}, beside the stand-ins' start`);
    }
    if (upToDate !== undefined) parts.push('portal up to date, not built');
    if (starting !== undefined && seeding !== undefined && seeded !== undefined) {
      parts.push(
        `stand-ins and table (and the wait for the build) ${s1(seeding - starting)}`,
        `demo data${s.kind === 'first' && !s.history ? ' and history' : ''} ${s1(seeded - seeding)}`,
        `server ${s1(s.wallSeconds - seeded)}`,
      );
    } else if (starting !== undefined) {
      parts.push(
        `stack (stand-ins, table, demo data${s.kind === 'first' && !s.history ? ', history' : ''}, server) ${s1(s.wallSeconds - starting)}`,
      );
    }
    return parts.join(', ');
  };
  const unmet: string[] = [];
  // Other work on the machine slows every phase alike; say how busy it was next to each miss.
  const busy =
    load > 2
      ? ` With the 1-minute load average at ${load.toFixed(1)} on 2 cores (other work on the machine), every phase took longer than it would on a quiet machine; the split shows where the time goes.`
      : '';
  if (first.wallSeconds > FIRST_TARGET_S) {
    unmet.push(
      `The first run took ${s1(first.wallSeconds)} (${phases(first)}). The first run files weeks of demo history ` +
        'through the workflows, one transaction per step (~1,100), each committed and synced on its own by ' +
        'DynamoDB Local on disk (the same history filed into DynamoDB Local in memory took about half the time ' +
        'on the same busy machine). What would fix it: file the history in memory and carry the finished table ' +
        'to the data folder cheaply (copying its ~6,000 items back in transactions of 100 cost 18 s on a busy ' +
        "machine, so rather the emulator's SQLite file), or file fewer, larger transactions per order." +
        busy,
    );
  }
  if (worstLater > LATER_TARGET_S) {
    unmet.push(
      `A later run took ${s1(worstLater)} (${later.map(phases).join('; ')}). What would fix it: when the portal ` +
        'must be built (its sources changed), build it while the stand-ins start.' +
        busy,
    );
  }
  const memRows = starts.flatMap((s, i) => {
    const groups = new Map<string, { n: number; pss: number; rss: number }>();
    for (const m of s.memory) {
      const g = groups.get(label(m)) ?? { n: 0, pss: 0, rss: 0 };
      g.n++;
      g.pss += m.pssMiB;
      g.rss += m.rssMiB;
      groups.set(label(m), g);
    }
    return [
      ...[...groups].map(([name, g]) => [`${i + 1} (${s.kind})`, name, String(g.n), mib(g.pss), mib(g.rss)]),
      [`${i + 1} (${s.kind})`, '**total**', '', `**${mib(sumPss(s.memory))}**`, ''],
    ];
  });
  return {
    id: 'startup',
    title: 'Start-up: npm start',
    rows,
    unmet,
    details: [
      'A copy of the working tree in a temporary directory (node_modules and .dynamodb/ linked), run with `npm start` ' +
        'on free ports (ORDO_PORT, ORDO_DYNAMODB_PORT, ORDO_SES_PORT, ORDO_S3_PORT, ORDO_OIDC_PORT) and TMPDIR inside it: ' +
        'the first run starts with no .data/, no web/dist/ and no dist/local/ (the bundled local server); the later runs keep all three. ' +
        'Ready: "Ordo is running" printed, timed from the spawn. Stopped with SIGINT (Ctrl-C) to its process group. ' +
        'A first run is ready once the demo data is in and files its weeks of history after that, in the background ' +
        '(the dashboards fill as it goes, and mail starts once it is done); the run is left to finish it before it is measured and stopped.',
      ...starts.flatMap((s, i) =>
        s.history
          ? [
              `Run ${i + 1}: the history (${s.history.orders} past orders) was filed ${s1(s.history.seconds)} after the command, ${s1(s.history.seconds - s.wallSeconds)} after ready.`,
            ]
          : [],
      ),
      table(
        ['run', 'ready (from the command)', 'it reports', 'where the time goes', 'stopped in'],
        starts.map((s, i) => [
          `${i + 1} (${s.kind})`,
          s1(s.wallSeconds),
          s1(s.reportedSeconds),
          phases(s),
          s1(s.stopSeconds),
        ]),
      ),
      'Memory of every process `npm start` runs, 5 s after ready and, on the first run, after its history (idle; PSS and RSS):',
      table(['run', 'process', 'count', 'PSS', 'RSS'], memRows),
    ],
  };
}
