/**
 * `npm run bench` — runs every benchmark in turn on the local stand-ins and writes BENCHMARKS.md.
 *
 *   npm run bench                 full run (1k → 10k → 100k orders, 10 s load runs, 30 s SES outage)
 *   npm run bench -- --quick      short run (1k → 10k, 3 s load runs, 5 s outage)
 *   npm run bench -- --only=calls,portal [--out=FILE]   some benchmarks; prints, writes only with --out
 *   npm run bench -- --only=soak [--soak-minutes=N]    the soak run (10 min; --quick: 1 min), see below
 *   npm run bench -- --peer=rt --rt-setup=DIR         Ordo against Request Tracker 5 (bench/peer.ts, ~1 h the first time)
 *   npm run bench -- --only=cost                      what Ordo costs to run on AWS (bench/cost.ts)
 *   npm run bench -- --only=startup                   npm start's ready time, first and later runs (bench/startup.ts)
 *   npm run bench -- --only=process                   reads per live process view at 1k and 100k orders (bench/process-views.ts)
 *   npm run bench -- --only=search [--search-sizes=1000,10000,100000]   order search as the table grows (bench/search.ts)
 *   npm run bench -- --only=growth [--growth-sizes=1000,10000]   latency as the table grows, at the sizes given (bench/growth.ts)
 *
 * A standalone benchmark (the soak run) is left out of the full run for its length. It writes its own
 * self-contained section at the end of BENCHMARKS.md (or of --out=FILE), between markers, and leaves
 * the rest of the file as it is; a full run keeps that section when it rewrites the file.
 *
 * Benchmarks measure and report; they never fail the build. A benchmark that breaks is reported as
 * "not measured" with its error, and the others still run.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { installSignalHandlers, shutdown } from '../scripts/local/processes.ts';
import { root } from '../scripts/stack.ts';
import { runBundles } from './bundles.ts';
import { runCalls } from './calls.ts';
import type { BenchContext } from './context.ts';
import { runCost } from './cost.ts';
import { DYNAMO_HEAP, machineInfo, type Service, startDynamo, startSes } from './env.ts';
import { runFloor } from './floor.ts';
import { runGrowth } from './growth.ts';
import { runOutbox } from './outbox.ts';
import { runPeer } from './peer.ts';
import { runPortal } from './portal.ts';
import { runTally, scans, totalCalls } from './probe.ts';
import { runProcessViews } from './process-views.ts';
import { failedSection, revision, type Section, table, verdict } from './results.ts';
import { runSearch } from './search.ts';
import { runSoak } from './soak.ts';
import { runStartup } from './startup.ts';
import { runThroughput } from './throughput.ts';

// The SDK warns on Node 20 that future versions need Node 22; the Lambda runtime is Node 24.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const peer = args.find((a) => a.startsWith('--peer='))?.slice('--peer='.length);
if (peer !== undefined && peer !== 'rt') throw new Error(`--peer=${peer}: the only peer is rt (Request Tracker).`);
const only =
  peer === 'rt'
    ? ['peer-rt']
    : args
        .find((a) => a.startsWith('--only='))
        ?.slice('--only='.length)
        .split(',');
const outArg = args.find((a) => a.startsWith('--out='))?.slice('--out='.length);
const outFile = outArg ?? (only ? undefined : join(root, 'BENCHMARKS.md'));
/** Where standalone sections go: always a file, BENCHMARKS.md unless --out says otherwise. */
const standaloneFile = outArg ?? join(root, 'BENCHMARKS.md');

interface Benchmark {
  id: string;
  title: string;
  targets: Array<[string, string]>;
  run(ctx: BenchContext): Promise<Section | Section[]>;
  /** Runs only when named in --only, and writes its own section of the file (see the top). */
  standalone?: true;
  /** The flags that run it alone, when not `--only=<id>`. */
  command?: string;
  /** It starts what it needs itself: the run's DynamoDB Local and SES stand-in are not started for it. */
  ownStandIns?: true;
}

const BENCHMARKS: Benchmark[] = [
  {
    id: 'bundles',
    title: 'Lambda bundles and cold-start proxy',
    targets: [
      ['bundle sizes', 'api ≤ 250 KB, others ≤ 150 KB'],
      ['cold-start proxy', '≤ 100 ms'],
    ],
    run: runBundles,
    // Builds and imports the bundles; nothing of it talks to DynamoDB or SES.
    ownStandIns: true,
  },
  {
    id: 'calls',
    title: 'DynamoDB requests per API operation',
    targets: [['DynamoDB requests per operation', '≤ 3 each']],
    run: runCalls,
  },
  {
    id: 'portal',
    title: 'Portal: initial assets and first meaningful paint',
    targets: [
      ['initial JS gzip', '≤ 60 KB'],
      ['first meaningful paint', '≤ 500 ms'],
    ],
    run: runPortal,
  },
  {
    id: 'throughput',
    title: 'API throughput on the local Node server',
    targets: [['throughput ratio Ordo / minimal Hono', '≥ 0.8']],
    run: runThroughput,
  },
  {
    id: 'outbox',
    title: 'Outbox delivery and an SES outage',
    targets: [
      ['mails per second', 'report'],
      ['mails lost during an outage', '0 lost'],
    ],
    run: runOutbox,
  },
  {
    id: 'growth',
    title: 'Latency as the table grows (lists, report, SLA timer job)',
    targets: [
      ['queue / my-orders latency ratio', '≤ 1.2'],
      ['report latency ratio', '≤ 1.2'],
      ['SLA timer job reads and duration ratio', '≈ due items; ≤ 1.2'],
    ],
    run: runGrowth,
  },
  {
    id: 'search',
    title: 'Order search as the table grows',
    targets: [
      ['search p95 at 1k and 100k orders', '≤ 200 ms'],
      ['DynamoDB requests per search', 'report'],
    ],
    run: runSearch,
    standalone: true,
  },
  {
    id: 'process',
    title: 'Live process views: reads as history grows',
    targets: [['DynamoDB requests per process view, 1k → 100k orders', 'constant']],
    run: runProcessViews,
    standalone: true,
  },
  {
    id: 'soak',
    title: 'Sustained load (soak)',
    targets: [
      ['soak: errors', '0'],
      ['soak: API process and DynamoDB Local memory after warm-up', 'flat'],
      ['soak: outbox backlog after a grace period', '0'],
    ],
    run: runSoak,
    standalone: true,
  },
  {
    id: 'floor',
    title: 'How fast one order can be read here: the layers',
    targets: [['read one order, layer by layer', 'report (against 10 × Request Tracker)']],
    run: runFloor,
    standalone: true,
  },
  {
    id: 'peer-rt',
    title: 'Peer comparison: Request Tracker 5',
    targets: [
      ['create, read, list (p50 and p95) and create throughput: Request Tracker / Ordo', '≥ 10 × at 1k and 10k'],
      ['memory (PSS, every server process): Ordo / Request Tracker', '≤ ⅓'],
    ],
    run: runPeer,
    standalone: true,
    command: '--peer=rt',
    ownStandIns: true,
  },
  {
    id: 'cost',
    title: 'What Ordo costs to run on AWS',
    targets: [['monthly cost for 1k, 10k, 100k employees', 'report, next to per-agent licences']],
    run: runCost,
    standalone: true,
  },
  {
    id: 'startup',
    title: 'Start-up: npm start',
    targets: [
      ['npm start ready, first run', '≤ 30 s'],
      ['npm start ready, later runs', '≤ 10 s'],
    ],
    run: runStartup,
    standalone: true,
    ownStandIns: true,
  },
];

function versionOf(command: string, argv: string[]): string {
  try {
    const out = execFileSync(command, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return out.trim().split('\n')[0] ?? 'unknown';
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr;
    return stderr?.trim().split('\n')[0] ?? 'not found';
  }
}

function javaVersion(): string {
  try {
    execFileSync('java', ['-version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch {
    return 'not found';
  }
  // `java -version` prints to stderr; spawnSync with encoding returns it there.
  const out = execFileSync('sh', ['-c', 'java -version 2>&1'], { encoding: 'utf8' });
  return out.trim().split('\n')[0] ?? 'unknown';
}

async function main(): Promise<void> {
  installSignalHandlers();
  const started = new Date();
  const startedAt = performance.now();
  const loadBefore = loadavg();
  const command = `npm run bench${quick ? ' -- --quick' : ''}`;
  const log = (message: string) => console.log(message);
  log(`Ordo benchmarks (${quick ? 'quick' : 'full'} mode) — ${started.toISOString()}`);

  const selected = BENCHMARKS.filter((b) => (only ? only.includes(b.id) : !b.standalone));
  const notStarted = (what: string) => ({
    get endpoint(): string {
      throw new Error(`${what} was not started for this run.`);
    },
    port: 0,
    stop: async () => {},
  });
  let dynamo: Service = notStarted('DynamoDB Local');
  let ses: Service = notStarted('The SES stand-in');
  if (selected.some((b) => !b.ownStandIns)) {
    log('Starting DynamoDB Local (in memory) and the SES stand-in…');
    [dynamo, ses] = await Promise.all([startDynamo(), startSes()]);
  }
  const ctx: BenchContext = { quick, dynamo, ses, log };

  const sections: Section[] = [];
  const standalone = new Set(BENCHMARKS.filter((b) => b.standalone).map((b) => b.id));
  const loads = new Map<string, { before: number[]; after: number[] }>();
  try {
    for (const bench of selected) {
      log(`\n▶ ${bench.title}`);
      const t = performance.now();
      const before = loadavg();
      try {
        const result = await bench.run(ctx);
        const list = Array.isArray(result) ? result : [result];
        const seconds = (performance.now() - t) / 1000;
        for (const [i, section] of list.entries()) {
          if (i === 0) section.seconds = seconds;
          sections.push(section);
          for (const row of section.rows) log(`  ${row.verdict.padEnd(12)} ${row.figure}: ${row.measured}`);
        }
      } catch (error) {
        log(`  ✗ ${bench.title} failed: ${(error as Error).stack ?? error}`);
        const failed = failedSection(bench.id, bench.title, error, bench.targets);
        failed.seconds = (performance.now() - t) / 1000;
        sections.push(failed);
      }
      loads.set(bench.id, { before, after: loadavg() });
      log(`  (${((performance.now() - t) / 1000).toFixed(0)} s)`);
    }
  } finally {
    await shutdown();
  }

  // Scans across everything the run did (API, workflows, jobs, bulk loader).
  const scanCount = scans(runTally);
  const callsSection = sections.find((s) => s.id === 'calls');
  const scanRow = {
    figure: 'Scan requests during the whole benchmark run',
    target: '0',
    measured: `${scanCount} of ${totalCalls(runTally).toLocaleString('en')} DynamoDB requests`,
    verdict: verdict(scanCount === 0),
  };
  if (callsSection) {
    callsSection.rows.push(scanRow);
    if (scanCount > 0) callsSection.unmet.push(`${scanCount} Scan requests were made during the run.`);
  }

  const totalSeconds = (performance.now() - startedAt) / 1000;
  const loadAfter = loadavg();
  log(`\nDone in ${(totalSeconds / 60).toFixed(1)} min.`);
  const main = sections.filter((s) => !standalone.has(s.id));
  if (main.length > 0 || !only) {
    const markdown = render({
      sections: main,
      quick,
      command,
      started,
      totalSeconds,
      loadBefore,
      loadAfter,
      partial: Boolean(only),
    });
    if (outFile) {
      // A full rewrite keeps the standalone sections the file already has.
      const kept = existsSync(outFile) ? standaloneBlocks(readFileSync(outFile, 'utf8')) : [];
      writeFileSync(outFile, [markdown, ...kept.map((b) => b.text)].join('\n'));
      log(`Wrote ${outFile}${kept.length ? ` (kept the sections ${kept.map((b) => b.id).join(', ')})` : ''}.`);
    } else {
      console.log(`\n${markdown}`);
    }
  }
  for (const section of sections.filter((s) => standalone.has(s.id))) {
    const block = renderStandalone(section, {
      command: BENCHMARKS.find((b) => b.id === section.id)?.command,
      quick,
      started,
      load: loads.get(section.id) ?? { before: loadBefore, after: loadAfter },
    });
    console.log(`\n${block}`);
    const existing = existsSync(standaloneFile) ? readFileSync(standaloneFile, 'utf8') : '';
    writeFileSync(standaloneFile, spliceBlock(existing, section.id, block));
    log(`Wrote the section "${section.title}" into ${standaloneFile}.`);
  }
}

const blockStart = (id: string, command = `--only=${id}`) =>
  `<!-- bench:${id} begin: written alone by \`npm run bench -- ${command}\` -->`;
const blockEnd = (id: string) => `<!-- bench:${id} end -->`;
const BLOCK = /<!-- bench:([a-z-]+) begin[^>]*-->[\s\S]*?<!-- bench:\1 end -->\n?/g;

/** The standalone sections in a BENCHMARKS.md, as written. */
function standaloneBlocks(markdown: string): Array<{ id: string; text: string }> {
  return [...markdown.matchAll(BLOCK)].map((m) => ({ id: m[1]!, text: m[0].endsWith('\n') ? m[0] : `${m[0]}\n` }));
}

/** Replaces the section `id` in `markdown`, or appends it at the end. */
function spliceBlock(markdown: string, id: string, block: string): string {
  const found = standaloneBlocks(markdown).find((b) => b.id === id);
  if (found) return markdown.replace(found.text, block);
  return `${markdown.trimEnd()}${markdown ? '\n\n' : ''}${block}`;
}

/** A standalone section: its own header, machine, results and details, between markers. */
function renderStandalone(
  section: Section,
  run: { command?: string | undefined; quick: boolean; started: Date; load: { before: number[]; after: number[] } },
): string {
  const machine = machineInfo();
  const flags = args.filter((a) => !a.startsWith('--out='));
  const load = (l: number[]) => l.map((n) => n.toFixed(2)).join(' / ');
  const lines = [
    blockStart(section.id, run.command),
    `## ${section.title}`,
    '',
    section.measured
      ? `Measured by \`npm run bench -- ${section.measured.command}\` (bench/run.ts) on ` +
        `${section.measured.at.replace('T', ' ').slice(0, 16)} UTC at ${section.measured.revision}; the part took ` +
        `${(section.measured.seconds / 60).toFixed(1)} min, load average (1/5/15 min) ${load(section.measured.load.before)} → ` +
        `${load(section.measured.load.after)}. This text was written again from its saved measurements by ` +
        `\`npm run bench -- ${flags.join(' ')}\` on ${run.started.toISOString().replace('T', ' ').slice(0, 16)} UTC at ${revision()}. ` +
        `It is left out of \`npm run bench\` for its length and rewrites only this section. Machine: ${machine.cpu}, ` +
        `${(machine.memory ?? '').replace(/ \(free at start.*\)/, '')}, Node.js ${machine.node}, ${javaVersion()}.`
      : `Written by \`npm run bench -- ${flags.join(' ')}\` (bench/run.ts) on ` +
        `${run.started.toISOString().replace('T', ' ').slice(0, 16)} UTC at ${revision()}${run.quick ? ', **quick mode**' : ''}; the part took ` +
        `${((section.seconds ?? 0) / 60).toFixed(1)} min. It is left out of \`npm run bench\` for its length and ` +
        'rewrites only this section. Machine: ' +
        `${machine.cpu}, ${machine.memory}, Node.js ${machine.node}, ${javaVersion()}; load average (1/5/15 min) ` +
        `${load(run.load.before)} → ${load(run.load.after)}.`,
    '',
    table(
      ['figure', 'target', 'measured', 'verdict'],
      section.rows.map((r) => [
        r.figure,
        r.target,
        r.measured,
        r.verdict === 'met' ? 'met' : r.verdict === 'report' ? 'reported' : `**${r.verdict}**`,
      ]),
    ),
    '',
  ];
  if (section.unmet.length > 0) {
    lines.push('**Targets not met: why, and what would fix it**', '');
    for (const u of section.unmet) lines.push(`- ${u}`);
    lines.push('');
  }
  for (const d of section.details) lines.push(d, '');
  lines.push(blockEnd(section.id), '');
  return lines.join('\n');
}

function render(run: {
  sections: Section[];
  quick: boolean;
  command: string;
  started: Date;
  totalSeconds: number;
  loadBefore: number[];
  loadAfter: number[];
  partial: boolean;
}): string {
  const machine = machineInfo();
  const rows = run.sections.flatMap((s) => s.rows);
  const met = rows.filter((r) => r.verdict === 'met').length;
  const notMet = rows.filter((r) => r.verdict === 'not met' || r.verdict === 'not measured').length;
  const load = (l: number[]) => l.map((n) => n.toFixed(2)).join(' / ');
  const lines: string[] = [
    '# Ordo benchmarks',
    '',
    `Written by \`${run.command}\` (bench/run.ts) on ${run.started.toISOString().replace('T', ' ').slice(0, 16)} UTC, ` +
      `${run.quick ? '**quick mode**' : 'full mode'}${run.partial ? ', **partial run**' : ''}; the run took ` +
      `${(run.totalSeconds / 60).toFixed(1)} min. Run it again with \`npm run bench\` (full, < 20 min) or ` +
      '`npm run bench -- --quick` (< 3 min). Benchmarks measure; no test asserts timings. The soak run at the end ' +
      'has its own command (`npm run bench -- --only=soak`, about 12 min) and date.',
    '',
    '## Machine',
    '',
    table(
      ['', ''],
      [
        ['CPU', machine.cpu!],
        ['memory', machine.memory!],
        ['load average (1/5/15 min) before → after', `${load(run.loadBefore)} → ${load(run.loadAfter)}`],
        ['OS', machine.os!],
        ['Node.js', machine.node!],
        ['Java', javaVersion()],
        [
          'DynamoDB Local',
          `1.25.1 (amplify-dynamodb-simulator 2.9.30), in memory, the product's JVM flags (scripts/local/dynamodb.ts) with -Xmx${DYNAMO_HEAP}`,
        ],
        ['SES stand-in', 'aws-ses-v2-local 2.10.2'],
        ['browser', versionOf('/usr/bin/chromium', ['--version'])],
      ],
    ),
    '',
    'Everything runs on this one machine over loopback (127.0.0.1): the benchmark process, the API, DynamoDB ' +
      'Local (Java), the SES stand-in, autocannon and Chromium share its cores. Absolute latencies are those of ' +
      'the emulator on a small machine, not of DynamoDB; the ratios, request counts and items read are the figures ' +
      'that carry over.',
    '',
    '## Results',
    '',
    `${met} met, ${notMet} not met or not measured, ${rows.length - met - notMet} reported without a target.`,
    '',
    table(
      ['figure', 'target', 'measured', 'verdict'],
      rows.map((r) => [
        r.figure,
        r.target,
        r.measured,
        r.verdict === 'met' ? 'met' : r.verdict === 'report' ? 'reported' : `**${r.verdict}**`,
      ]),
    ),
    '',
  ];
  const unmet = run.sections.filter((s) => s.unmet.length > 0);
  lines.push('## Targets not met: why, and what would fix it', '');
  if (unmet.length === 0) lines.push('Every target was met.', '');
  for (const s of unmet) {
    lines.push(`**${s.title}**`, '');
    for (const u of s.unmet) lines.push(`- ${u}`);
    lines.push('');
  }
  lines.push('## Details', '');
  for (const s of run.sections) {
    lines.push(`### ${s.title}${s.seconds !== undefined ? ` (${s.seconds.toFixed(0)} s of the run)` : ''}`, '');
    for (const d of s.details) lines.push(d, '');
  }
  lines.push(
    '## How the data is made',
    '',
    '- **Bulk loader** (bench/loader.ts): a handful of real orders are filed (and some claimed) through the ' +
      'workflow; their stored items (order and timeline) are cloned with new numbers, requesters and instants ' +
      'moved by one offset per clone, and keyed again with the product key builders (functions/storage/keys.ts) ' +
      'and `nextTimer` (shared/order-clocks.ts) by the rules of `orderItem` in functions/repositories/orders.ts. ' +
      'BatchWriteItem, 25 items per request, 6 in flight. Report counter rows (`STATS#<dept>`) are generated per ' +
      'day, service and agent with counters in proportion to the orders of the day.',
    '- **Tables** have the product key design and indexes (functions/storage/table-definition.ts) without the ' +
      'stream: DynamoDB Local slows every write down as stream records pile up (measured once on this machine ' +
      'with the bulk loader: ~530 instead of ~1,560 items/s; TransactWriteItems p50 from 4.4 to 6.2 ms between a ' +
      '1k- and a 10k-order table with the stream, flat without). In AWS the stream is asynchronous; locally nothing reads it (the outbox is polled).',
    "- **DynamoDB Local** is started by the benchmark through the product's launcher (scripts/local/dynamodb.ts: " +
      'serial collector, quick JIT tier, a heap kept near its live data) with its heap cap raised to 2 GiB as ' +
      'headroom for the load tests; the data would fit under the development cap as well, since the in-memory ' +
      'store is SQLite outside the Java heap (checked once: 100k orders with their timelines, ~770 MB resident).',
    '- **Requests** are counted by an SDK middleware on every client the run creates (bench/probe.ts), next to the ' +
      "product's own counter (`deps.db.calls`); both must agree.",
    '',
  );
  return lines.join('\n');
}

await main().catch(async (error) => {
  console.error(error);
  await shutdown();
  process.exit(1);
});
