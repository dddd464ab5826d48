/**
 * Sustained load ("soak"): mixed traffic at a steady arrival rate near the local stack's capacity for
 * minutes on end, with the workers running, to see whether anything fails, slows down or grows.
 *
 * The API runs as `npm start` runs it — the local Node server (functions/local/server.ts) and the
 * outbox poller and SLA timer loops (functions/local/workers.ts) — but in a process of its own
 * (bench/soak-server.ts), so its memory is the API's alone. DynamoDB Local and the SES stand-in are
 * the run's shared ones. The benchmark process is the client.
 *
 * First a short closed-loop run measures the capacity for the same mix; the soak then schedules
 * requests at a fixed fraction of it (open loop: a request starts at its slot whatever the answers
 * before it, and its latency counts from the slot, so a slow server cannot hide the queue behind it).
 * Reported per interval: requests, errors, expected refusals, p50/p99, the API process's resident
 * memory and heap, DynamoDB Local's resident memory and JVM heap, the outbox backlog; at the end the
 * backlog after a grace period.
 *
 *   npm run bench -- --only=soak                      10 minutes
 *   npm run bench -- --only=soak --soak-minutes=30    longer
 *   npm run bench -- --only=soak --soak-rate=60       a fixed rate (req/s) instead of a fraction of capacity
 *   npm run bench -- --only=soak --quick              1 minute, 10 s intervals
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Deps } from '../functions/deps.ts';
import { partitions } from '../functions/storage/keys.ts';
import { countAll } from '../functions/storage/query-all.ts';
import { INDEX } from '../functions/storage/table-definition.ts';
import { freePort } from '../scripts/local/ports.ts';
import { askToExit, supervise } from '../scripts/local/processes.ts';
import { CERTIFICATE, tokenFor } from './api.ts';
import type { BenchContext } from './context.ts';
import { freshEnv, ms, quantile, sleep } from './env.ts';
import { runTally, type Tally } from './probe.ts';
import { type Row, type Section, table, verdict } from './results.ts';
import type { FromServer, MemoryUsage, ToServer } from './soak-server.ts';

/** Share of the measured capacity the soak runs at. */
const LOAD_FRACTION = 0.75;
/** "Flat": the last interval at most this share above the second (the first is warm-up). */
const FLAT = 0.1;
const REQUEST_TIMEOUT_MS = 15_000;

const REQUESTERS = ['anna', 'carl', 'ben'];
const AGENTS = ['hana', 'olivia'];

type Kind = 'file' | 'view' | 'mine' | 'queue' | 'claim' | 'tick' | 'resolve' | 'comment';

/**
 * The mix, per 100 requests: two thirds reads. Claims, ticks and resolutions keep pace with filings
 * (slightly behind, so the queue grows a little), which keeps every order's life short and real.
 */
const MIX: Record<Kind, number> = {
  view: 22,
  mine: 14,
  queue: 17,
  file: 10,
  claim: 9,
  tick: 9,
  resolve: 9,
  comment: 10,
};

const ROUTES: Record<Kind, string> = {
  file: 'POST /orders',
  view: 'GET /orders/:n',
  mine: 'GET /orders/mine?limit=50',
  queue: 'GET /departments/HR/queue?limit=50',
  claim: 'POST /orders/:n/transitions (claim)',
  tick: 'POST /orders/:n/deliverables/scan',
  resolve: 'POST /orders/:n/transitions (resolve)',
  comment: 'POST /orders/:n/comments',
};

// ---------- options ----------

interface SoakOptions {
  minutes: number;
  intervalSeconds: number;
  /** Fixed arrival rate; otherwise LOAD_FRACTION of the measured capacity. */
  rate?: number;
  probe: { concurrency: number; warmSeconds: number; seconds: number };
  graceSeconds: number;
  sampleEveryMs: number;
}

function flag(name: string): number | undefined {
  const raw = process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} takes a positive number, not "${raw}".`);
  return value;
}

function soakOptions(quick: boolean): SoakOptions {
  const minutes = flag('soak-minutes') ?? (quick ? 1 : 10);
  const rate = flag('soak-rate');
  return {
    minutes,
    intervalSeconds: minutes >= 3 ? 60 : 10,
    ...(rate ? { rate } : {}),
    probe: quick ? { concurrency: 16, warmSeconds: 3, seconds: 10 } : { concurrency: 16, warmSeconds: 5, seconds: 20 },
    graceSeconds: quick ? 30 : 60,
    sampleEveryMs: quick ? 1_000 : 2_000,
  };
}

// ---------- the API process ----------

interface ApiProcess {
  url: string;
  pid: number;
  memory(): Promise<MemoryUsage | undefined>;
  /** Warnings and errors the API process logged (lines), and the first few distinct ones. */
  logged(): { count: number; first: string[] };
  stop(): Promise<void>;
}

async function startApi(env: Record<string, string>): Promise<ApiProcess> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    [...process.execArgv, fileURLToPath(new URL('./soak-server.ts', import.meta.url))],
    { env: { ...process.env, ...env, SOAK_PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] },
  );
  let count = 0;
  const first: string[] = [];
  const onLine = (line: string) => {
    // JSON log lines at warn or error (its log level is warn), and anything else printed (SDK warnings).
    count++;
    const text = line.replace(/"time":"[^"]*",?/, '').slice(0, 300);
    if (first.length < 5 && !first.includes(text)) first.push(text);
  };
  const waiting = new Map<number, (usage: MemoryUsage | undefined) => void>();
  let nextId = 0;
  let tally: Tally | undefined;
  child.on('message', (message: FromServer) => {
    if (message.type === 'memory') waiting.get(message.id)?.(message);
    if (message.type === 'stopped') tally = message.tally;
  });
  const { output, stop } = supervise(child, 'soak API process', {
    onLine,
    beforeStop: async () => {
      await askToExit(child, { type: 'stop' } satisfies ToServer, 15_000);
      // The API's DynamoDB requests count toward the run's totals (e.g. "Scan requests during the run").
      if (tally) {
        for (const [command, n] of Object.entries(tally.calls))
          runTally.calls[command] = (runTally.calls[command] ?? 0) + n;
        runTally.itemsRead += tally.itemsRead;
      }
    },
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The soak API process did not start.${output.tail()}`)), 60_000);
    child.on('message', (message: FromServer) => {
      if (message.type === 'ready') {
        clearTimeout(timer);
        resolve(message.url);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The soak API process exited (${code}) before it was ready.${output.tail()}`));
    });
  }).catch(async (error) => {
    await stop();
    throw error;
  });
  return {
    url,
    pid: child.pid!,
    memory() {
      const id = nextId++;
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          waiting.delete(id);
          resolve(undefined);
        }, 2_000);
        waiting.set(id, (usage) => {
          clearTimeout(timer);
          waiting.delete(id);
          resolve(usage);
        });
        if (child.connected) child.send({ type: 'memory', id } satisfies ToServer);
      });
    },
    logged: () => ({ count, first }),
    stop,
  };
}

// ---------- memory of the other processes ----------

const MIB = 2 ** 20;

function residentMib(pid: number): number | undefined {
  try {
    const kib = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kib ? Number(kib) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** DynamoDB Local's JVM, found by the port it serves (bench/env.ts starts it). */
function dynamoPid(port: number): number | undefined {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const argv = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      const at = argv.indexOf('-port');
      if (argv.includes('DynamoDBLocal.jar') && argv[at + 1] === String(port)) return Number(entry);
    } catch {
      // gone, or not ours to read
    }
  }
  return undefined;
}

/** Used and committed JVM heap in MiB (`jstat -gc`, the JDK's own tool), when it is available. */
async function jvmHeap(pid: number | undefined): Promise<{ used: number; committed: number } | undefined> {
  if (pid === undefined) return undefined;
  try {
    const { stdout } = await promisify(execFile)('jstat', ['-gc', String(pid)], { timeout: 10_000 });
    const [head, values] = stdout.trim().split('\n');
    const cols = head!.trim().split(/\s+/);
    const nums = values!.trim().split(/\s+/).map(Number);
    const get = (name: string) => nums[cols.indexOf(name)] ?? 0;
    const used = get('S0U') + get('S1U') + get('EU') + get('OU');
    const committed = get('S0C') + get('S1C') + get('EC') + get('OC');
    return { used: used / 1024, committed: committed / 1024 };
  } catch {
    return undefined;
  }
}

// ---------- traffic ----------

interface Tracked {
  number: string;
  requester: string;
  version: number;
  stage: 'open' | 'claimed' | 'ticked' | 'resolved' | 'dropped';
  agent?: string;
  /** A write on it is in flight: no other write picks it (two would race on its version). */
  busy: boolean;
}

interface Outcome {
  kind: Kind;
  /** HTTP status; 0 for a network error or timeout. */
  status: number;
  error?: string;
  /** From the scheduled instant (open loop) or the send (closed loop) to the end of the answer. */
  latencyMs: number;
  /** How late the request left against its slot. */
  lagMs: number;
}

/** Deterministic pseudo-random numbers (mulberry32), so runs draw the same mix. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

class Traffic {
  // Idle connections close after 4 s, before the server's 5 s keep-alive timeout: otherwise the client
  // may reuse a connection the server is closing at that moment and read a reset that is nobody's fault.
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 64, timeout: 4_000 });
  private readonly host: string;
  private readonly port: number;
  private readonly random = prng(15);
  private deck: Kind[] = [];
  private readonly pools = { open: [] as Tracked[], claimed: [] as Tracked[], ticked: [] as Tracked[] };
  private readonly recent: Tracked[] = [];

  constructor(
    url: string,
    private readonly tokens: Map<string, string>,
  ) {
    const parsed = new URL(url);
    this.host = parsed.hostname;
    this.port = Number(parsed.port);
  }

  /** The next kind from a shuffled deck of the mix (exact shares over every 100 requests). */
  nextKind(): Kind {
    if (this.deck.length === 0) {
      for (const [kind, n] of Object.entries(MIX) as Array<[Kind, number]>)
        for (let i = 0; i < n; i++) this.deck.push(kind);
      for (let i = this.deck.length - 1; i > 0; i--) {
        const j = Math.floor(this.random() * (i + 1));
        [this.deck[i], this.deck[j]] = [this.deck[j]!, this.deck[i]!];
      }
    }
    return this.deck.pop()!;
  }

  private pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.random() * list.length)]!;
  }

  private take(pool: Tracked[]): Tracked | undefined {
    for (;;) {
      const at = pool.findIndex((o) => !o.busy);
      if (at < 0) return undefined;
      const [order] = pool.splice(at, 1);
      // A comment on it was refused: its version is unknown, so it leaves the pipeline.
      if (order!.stage === 'dropped') continue;
      order!.busy = true;
      return order;
    }
  }

  private remember(order: Tracked): void {
    this.recent.push(order);
    if (this.recent.length > 500) this.recent.shift();
  }

  private http(
    method: string,
    path: string,
    who: string,
    body?: unknown,
  ): Promise<{ status: number; json?: { order?: { number: string; version: number } } }> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const req = request(
        {
          host: this.host,
          port: this.port,
          method,
          path: `/api/v1${path}`,
          agent: this.agent,
          headers: {
            authorization: `Bearer ${this.tokens.get(who)}`,
            ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('error', reject);
          res.on('end', () => {
            const status = res.statusCode ?? 0;
            // Only writes need the answer (the order's number and new version).
            let json: { order?: { number: string; version: number } } | undefined;
            if (method === 'POST' && status < 300) {
              try {
                json = JSON.parse(Buffer.concat(chunks).toString('utf8'));
              } catch {
                json = undefined;
              }
            }
            resolve({ status, ...(json ? { json } : {}) });
          });
        },
      );
      req.setTimeout(REQUEST_TIMEOUT_MS, () => req.destroy(new Error(`no answer within ${REQUEST_TIMEOUT_MS} ms`)));
      req.on('error', reject);
      if (payload) req.write(payload);
      req.end();
    });
  }

  /** Sends one request of `kind` (or a page view when there is no order in the right state for it). */
  async send(wanted: Kind, scheduledAt: number): Promise<Outcome> {
    const sentAt = performance.now();
    let kind = wanted;
    let order: Tracked | undefined;
    if (kind === 'claim') order = this.take(this.pools.open);
    if (kind === 'tick') order = this.take(this.pools.claimed);
    if (kind === 'resolve') order = this.take(this.pools.ticked);
    if (kind === 'comment') {
      for (let i = 0; i < 5 && !order && this.recent.length > 0; i++) {
        const candidate = this.pick(this.recent);
        if (!candidate.busy && candidate.stage !== 'resolved' && candidate.stage !== 'dropped') order = candidate;
      }
      if (order) order.busy = true;
    }
    if ((kind === 'claim' || kind === 'tick' || kind === 'resolve' || kind === 'comment') && !order) kind = 'view';
    if (kind === 'view' && this.recent.length === 0) kind = 'mine';

    let status = 0;
    let error: string | undefined;
    try {
      const answer = await this.call(kind, order);
      status = answer.status;
      if (order) this.after(kind, order, answer);
    } catch (e) {
      error = (e as Error).message;
      if (order) this.after(kind, order, { status: 0 });
    }
    const end = performance.now();
    return {
      kind,
      status,
      ...(error ? { error } : {}),
      latencyMs: end - scheduledAt,
      lagMs: sentAt - scheduledAt,
    };
  }

  private call(kind: Kind, order: Tracked | undefined) {
    switch (kind) {
      case 'file':
        return this.file();
      case 'view': {
        const seen = this.pick(this.recent);
        return this.http('GET', `/orders/${seen.number}`, seen.requester);
      }
      case 'mine':
        return this.http('GET', '/orders/mine?limit=50', this.pick(REQUESTERS));
      case 'queue':
        return this.http('GET', '/departments/HR/queue?limit=50', this.pick(AGENTS));
      case 'claim':
        order!.agent = this.pick(AGENTS);
        return this.http('POST', `/orders/${order!.number}/transitions`, order!.agent, {
          action: 'claim',
          version: order!.version,
        });
      case 'tick':
        return this.http('POST', `/orders/${order!.number}/deliverables/scan`, order!.agent!, {
          version: order!.version,
          done: true,
        });
      case 'resolve':
        return this.http('POST', `/orders/${order!.number}/transitions`, order!.agent!, {
          action: 'resolve',
          version: order!.version,
          comment: 'Done.',
        });
      case 'comment':
        return this.http('POST', `/orders/${order!.number}/comments`, order!.requester, { text: 'Any news?' });
    }
  }

  /** Moves an order on after a write; one that was refused leaves the pools (its version is unknown). */
  private after(kind: Kind, order: Tracked, answer: { status: number; json?: { order?: { version: number } } }) {
    order.busy = false;
    const version = answer.json?.order?.version;
    if (answer.status >= 300 || version === undefined) {
      order.stage = 'dropped';
      return;
    }
    order.version = version;
    if (kind === 'claim') {
      order.stage = 'claimed';
      this.pools.claimed.push(order);
    } else if (kind === 'tick') {
      order.stage = 'ticked';
      this.pools.ticked.push(order);
    } else if (kind === 'resolve') {
      order.stage = 'resolved';
    }
  }

  /** Files an order as one of the requesters, and follows it from then on. */
  async file(): Promise<{ status: number }> {
    const requester = this.pick(REQUESTERS);
    const answer = await this.http('POST', '/orders', requester, CERTIFICATE);
    if (answer.status === 201 && answer.json?.order) {
      const { number, version } = answer.json.order;
      const tracked: Tracked = { number, requester, version, stage: 'open', busy: false };
      this.pools.open.push(tracked);
      this.remember(tracked);
    }
    return answer;
  }

  backlogOfTransitions(): { open: number; claimed: number; ticked: number } {
    return { open: this.pools.open.length, claimed: this.pools.claimed.length, ticked: this.pools.ticked.length };
  }

  close(): void {
    this.agent.destroy();
  }
}

// ---------- load ----------

/** Closed loop: `concurrency` callers, each sending its next request when the last is answered. */
async function closedLoop(traffic: Traffic, concurrency: number, seconds: number): Promise<Outcome[]> {
  const end = performance.now() + seconds * 1000;
  const outcomes: Outcome[] = [];
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) outcomes.push(await traffic.send(traffic.nextKind(), performance.now()));
    }),
  );
  return outcomes;
}

/** Open loop: request i starts at start + i / rate, whatever happened to the ones before. */
async function openLoop(
  traffic: Traffic,
  start: number,
  rate: number,
  seconds: number,
  onOutcome: (outcome: Outcome, slotSeconds: number) => void,
): Promise<void> {
  const total = Math.round(rate * seconds);
  const inflight = new Set<Promise<void>>();
  let next = 0;
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      const now = performance.now();
      for (; next < total; next++) {
        const at = start + (next * 1000) / rate;
        if (at > now) break;
        const sent = traffic.send(traffic.nextKind(), at).then((outcome) => onOutcome(outcome, (at - start) / 1000));
        inflight.add(sent);
        void sent.finally(() => inflight.delete(sent));
      }
      if (next >= total) {
        clearInterval(timer);
        resolve();
      }
    }, 2);
  });
  await Promise.all(inflight);
}

interface Tallied {
  sent: number;
  ok: number;
  /** Status ≥ 500, or no answer (network error, timeout). */
  errors: number;
  conflicts: number;
  /** 4xx other than 409, by status. */
  other4xx: Map<number, number>;
  latencies: number[];
  lags: number[];
  errorSamples: string[];
}

function newTallied(): Tallied {
  return { sent: 0, ok: 0, errors: 0, conflicts: 0, other4xx: new Map(), latencies: [], lags: [], errorSamples: [] };
}

function add(t: Tallied, o: Outcome): void {
  t.sent++;
  t.latencies.push(o.latencyMs);
  t.lags.push(o.lagMs);
  if (o.status >= 200 && o.status < 300) t.ok++;
  else if (o.status === 0 || o.status >= 500) {
    t.errors++;
    const what = `${ROUTES[o.kind]}: ${o.status === 0 ? o.error : `HTTP ${o.status}`}`;
    if (t.errorSamples.length < 5 && !t.errorSamples.includes(what)) t.errorSamples.push(what);
  } else if (o.status === 409) t.conflicts++;
  else t.other4xx.set(o.status, (t.other4xx.get(o.status) ?? 0) + 1);
}

const other4xxText = (m: Map<number, number>) =>
  m.size === 0 ? '0' : [...m].map(([status, n]) => `${n} × ${status}`).join(', ');

// ---------- the outbox ----------

/** Messages still in the outbox partition of the dueWork index (pending, or held by a delivery lease). */
async function countIndexed(deps: Deps, which: 'pending' | 'failed'): Promise<number> {
  const pk = which === 'pending' ? partitions.outboxDue().gsi3pk : partitions.outboxFailed().gsi3pk;
  return countAll(deps.db, {
    IndexName: INDEX.dueWork.name,
    KeyConditionExpression: 'gsi3pk = :pk',
    ExpressionAttributeValues: { ':pk': pk },
  });
}

/** What the messages left in the outbox are waiting for (first 100). */
async function describeBacklog(deps: Deps): Promise<string> {
  const out = await deps.db.doc.send(
    new QueryCommand({
      TableName: deps.db.tableName,
      IndexName: INDEX.dueWork.name,
      KeyConditionExpression: 'gsi3pk = :pk',
      ExpressionAttributeValues: { ':pk': partitions.outboxDue().gsi3pk },
      Limit: 100,
    }),
  );
  const items = out.Items ?? [];
  const retrying = items.filter((i) => Number(i.attempts ?? 0) > 0);
  const errors = [...new Set(retrying.map((i) => String(i.lastError ?? '').slice(0, 120)).filter(Boolean))];
  return (
    `of the first ${items.length}: ${items.length - retrying.length} never attempted, ${retrying.length} waiting ` +
    `for a retry${errors.length ? ` (${errors.slice(0, 3).join('; ')})` : ''}`
  );
}

// ---------- the run ----------

interface Sample {
  /** Seconds since the soak started. */
  t: number;
  apiRss?: number;
  apiHeapUsed?: number;
  dynamoRss?: number;
}

interface Interval {
  index: number;
  tallied: Tallied;
  apiRss?: number;
  heapLow?: number;
  heapHigh?: number;
  dynamoRss?: number;
  jvm?: { used: number; committed: number };
  backlog?: number;
  /** The machine's 1-minute load average at the end of the interval. */
  load?: number;
}

const mib = (n: number | undefined) => (n === undefined ? 'n/a' : `${n.toFixed(0)} MiB`);
const pct = (n: number) => `${n >= 0 ? '+' : ''}${(n * 100).toFixed(1)} %`;
const count = (n: number) => n.toLocaleString('en');

function clock(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = Math.round(seconds % 60);
  return `${m}:${String(s).padStart(2, '0')}`;
}

/**
 * The emulator's first requests after its start can pass the storage deadline on a busy machine (a
 * cold JVM): setting up is tried again, on a new table, before the measured part begins.
 */
async function settled<T>(setUp: () => Promise<T>, ctx: BenchContext): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await setUp();
    } catch (error) {
      if (attempt >= 3) throw error;
      ctx.log(`  setting up failed (${(error as Error).message}); again…`);
      await sleep(2_000);
    }
  }
}

export async function runSoak(ctx: BenchContext): Promise<Section> {
  const opts = soakOptions(ctx.quick);
  const loadBefore = loadavg();
  const { deps, env } = await settled(() => freshEnv(ctx.dynamo.endpoint, ctx.ses.endpoint), ctx);
  const api = await startApi(env);
  const dynamo = dynamoPid(ctx.dynamo.port);
  const dynamoRss = () => (dynamo !== undefined ? residentMib(dynamo) : ctx.dynamo.residentMb?.());
  const tokens = new Map<string, string>();
  const signIn = async () => {
    for (const id of [...REQUESTERS, ...AGENTS]) tokens.set(id, await tokenFor(deps, id));
  };
  await signIn();
  // Access tokens live minutes (10 at the local provider): sign in again well before they expire, as
  // the portal refreshes its session.
  const refresh = setInterval(
    () => void signIn().catch((error: Error) => ctx.log(`  signing in again failed: ${error.message}`)),
    4 * 60_000,
  );
  const traffic = new Traffic(api.url, tokens);

  try {
    // Lists with more than a page before anything is measured.
    ctx.log('  API process started; filing 60 orders so every list has a full page…');
    for (let i = 0; i < 60; i++) {
      const { status } = await traffic.file();
      if (status !== 201) throw new Error(`Filing an order answered HTTP ${status}.`);
    }
    const idle = { apiRss: residentMib(api.pid), heap: (await api.memory())?.heapUsed, dynamoRss: dynamoRss() };

    // ---- capacity for this mix ----
    let rate = opts.rate;
    let capacity: { rate: number; p50: number; p99: number; tallied: Tallied } | undefined;
    if (rate === undefined) {
      const { concurrency, warmSeconds, seconds } = opts.probe;
      ctx.log(`  capacity: ${concurrency} callers back to back, ${warmSeconds} s warm-up + ${seconds} s…`);
      await closedLoop(traffic, concurrency, warmSeconds);
      const started = performance.now();
      const outcomes = await closedLoop(traffic, concurrency, seconds);
      const elapsed = (performance.now() - started) / 1000;
      const tallied = newTallied();
      for (const o of outcomes) add(tallied, o);
      capacity = {
        rate: tallied.ok / elapsed,
        p50: quantile(tallied.latencies, 0.5),
        p99: quantile(tallied.latencies, 0.99),
        tallied,
      };
      rate = Math.max(1, Math.round(capacity.rate * LOAD_FRACTION));
      ctx.log(`  capacity ${capacity.rate.toFixed(0)} req/s (p99 ${ms(capacity.p99, 0)}) → soak at ${rate} req/s`);
    }

    // The capacity run leaves mail behind: the soak starts once the workers have caught up (bounded).
    for (let waited = 0; waited < 60 && (await countIndexed(deps, 'pending')) > 0; waited += 2) await sleep(2_000);

    // ---- the soak ----
    const seconds = opts.minutes * 60;
    const intervalCount = Math.ceil(seconds / opts.intervalSeconds);
    const intervals: Interval[] = Array.from({ length: intervalCount }, (_, index) => ({
      index,
      tallied: newTallied(),
    }));
    const total = newTallied();
    const byKind = new Map<Kind, Tallied>();
    const samples: Sample[] = [];
    ctx.log(`  soak: ${rate} req/s for ${opts.minutes} min (${count(Math.round(rate * seconds))} requests)…`);
    const start = performance.now();
    const since = () => (performance.now() - start) / 1000;

    const sampler = setInterval(() => {
      const t = since();
      void api.memory().then((usage) =>
        samples.push({
          t,
          apiRss: residentMib(api.pid),
          ...(usage ? { apiHeapUsed: usage.heapUsed / MIB } : {}),
          dynamoRss: dynamoRss(),
        }),
      );
    }, opts.sampleEveryMs);
    // At the end of every interval: the outbox backlog and the emulator's JVM heap.
    const boundaries = (async () => {
      for (const interval of intervals) {
        const due = start + (interval.index + 1) * opts.intervalSeconds * 1000;
        await sleep(Math.max(0, due - performance.now()));
        const [backlog, jvm] = await Promise.all([countIndexed(deps, 'pending'), jvmHeap(dynamo)]);
        interval.backlog = backlog;
        interval.load = loadavg()[0];
        if (jvm) interval.jvm = jvm;
        const t = interval.tallied;
        ctx.log(
          `    ${clock(Math.min(seconds, (interval.index + 1) * opts.intervalSeconds))} ${count(t.sent)} requests, ` +
            `${t.errors} errors, p50 ${ms(quantile(t.latencies, 0.5), 0)}, p99 ${ms(quantile(t.latencies, 0.99), 0)}, ` +
            `API RSS ${mib(residentMib(api.pid))}, DynamoDB Local ${mib(dynamoRss())}, outbox ${backlog}`,
        );
      }
    })();
    try {
      await openLoop(traffic, start, rate, seconds, (outcome, slot) => {
        add(total, outcome);
        const kind = byKind.get(outcome.kind) ?? newTallied();
        byKind.set(outcome.kind, kind);
        add(kind, outcome);
        add(intervals[Math.min(intervalCount - 1, Math.floor(slot / opts.intervalSeconds))]!.tallied, outcome);
      });
    } finally {
      clearInterval(sampler);
    }
    const loadSeconds = since();
    await boundaries;
    for (const interval of intervals) {
      const from = interval.index * opts.intervalSeconds;
      const inside = samples.filter((s) => s.t >= from && s.t < from + opts.intervalSeconds);
      const heaps = inside.map((s) => s.apiHeapUsed).filter((n): n is number => n !== undefined);
      const last = inside.at(-1);
      if (last?.apiRss !== undefined) interval.apiRss = last.apiRss;
      if (last?.dynamoRss !== undefined) interval.dynamoRss = last.dynamoRss;
      if (heaps.length > 0) {
        interval.heapLow = Math.min(...heaps);
        interval.heapHigh = Math.max(...heaps);
      }
    }

    // ---- grace: the workers catch up ----
    ctx.log(`  load stopped; waiting up to ${opts.graceSeconds} s for the outbox to drain…`);
    const graceStart = performance.now();
    const backlogAtStop = await countIndexed(deps, 'pending');
    let backlog = backlogAtStop;
    while (backlog > 0 && performance.now() - graceStart < opts.graceSeconds * 1000) {
      await sleep(2_000);
      backlog = await countIndexed(deps, 'pending');
    }
    const drainSeconds = (performance.now() - graceStart) / 1000;
    const failedMail = await countIndexed(deps, 'failed');
    const backlogWhy = backlog > 0 ? await describeBacklog(deps) : '';
    const after = { apiRss: residentMib(api.pid), heap: (await api.memory())?.heapUsed, dynamoRss: dynamoRss() };
    const logged = api.logged();
    const pools = traffic.backlogOfTransitions();
    traffic.close();
    await api.stop();

    return report({
      ctx,
      opts,
      rate,
      ...(capacity ? { capacity } : {}),
      total,
      byKind,
      intervals,
      loadSeconds,
      backlogAtStop,
      backlog,
      backlogWhy,
      drainSeconds,
      failedMail,
      idle,
      after,
      logged,
      pools,
      loadBefore,
      dynamoFound: dynamo !== undefined,
    });
  } finally {
    clearInterval(refresh);
    traffic.close();
    await api.stop();
  }
}

// ---------- the section ----------

function report(r: {
  ctx: BenchContext;
  opts: SoakOptions;
  rate: number;
  capacity?: { rate: number; p50: number; p99: number; tallied: Tallied };
  total: Tallied;
  byKind: Map<Kind, Tallied>;
  intervals: Interval[];
  loadSeconds: number;
  backlogAtStop: number;
  backlog: number;
  backlogWhy: string;
  drainSeconds: number;
  failedMail: number;
  idle: { apiRss?: number; heap?: number; dynamoRss?: number };
  after: { apiRss?: number; heap?: number; dynamoRss?: number };
  logged: { count: number; first: string[] };
  pools: { open: number; claimed: number; ticked: number };
  loadBefore: number[];
  dynamoFound: boolean;
}): Section {
  const { opts, total, intervals } = r;
  const unit = opts.intervalSeconds === 60 ? 'minute' : `${opts.intervalSeconds} s interval`;
  const second = intervals[1];
  const last = intervals.at(-1)!;
  const growth = (pick: (i: Interval) => number | undefined) => {
    const a = second ? pick(second) : undefined;
    const b = pick(last);
    return a !== undefined && b !== undefined ? (b - a) / a : Number.NaN;
  };
  const flat = (g: number) => Number.isFinite(g) && g <= FLAT;
  const apiRssGrowth = growth((i) => i.apiRss);
  const heapGrowth = growth((i) => i.heapLow);
  const dynamoGrowth = growth((i) => i.dynamoRss);
  const p50 = quantile(total.latencies, 0.5);
  const p99 = quantile(total.latencies, 0.99);
  const worst = intervals.reduce((a, b) =>
    quantile(b.tallied.latencies, 0.99) > quantile(a.tallied.latencies, 0.99) ? b : a,
  );
  const lastLabel = opts.intervalSeconds === 60 ? `minute ${intervals.length}` : `the last ${opts.intervalSeconds} s`;
  const secondLabel = opts.intervalSeconds === 60 ? 'minute 2' : `the second ${opts.intervalSeconds} s`;
  const flatTarget = `flat: ${lastLabel} at most ${FLAT * 100} % above ${secondLabel}`;
  const minutes = `${opts.minutes} min`;
  const achieved = total.ok / r.loadSeconds;

  const rows: Row[] = [
    {
      figure: `soak: errors (HTTP ≥ 500, no answer) in ${minutes} of mixed traffic at ${r.rate} req/s`,
      target: '0',
      measured:
        `${count(total.errors)} of ${count(total.sent)} requests` +
        ` (refused as expected: 409 × ${total.conflicts}; other 4xx: ${other4xxText(total.other4xx)})`,
      verdict: verdict(total.errors === 0),
    },
    {
      figure: 'soak: latency over the run, from the scheduled start',
      target: 'report p50 and p99',
      measured:
        `p50 ${ms(p50, 0)}, p99 ${ms(p99, 0)}; worst ${unit} p99 ${ms(quantile(worst.tallied.latencies, 0.99), 0)} ` +
        `(${unit} ${worst.index + 1})`,
      verdict: 'report',
    },
    {
      figure: 'soak: arrival rate held',
      target: 'report',
      measured:
        `${r.rate} req/s scheduled${r.capacity ? ` (${LOAD_FRACTION * 100} % of the ${r.capacity.rate.toFixed(0)} req/s measured for the mix)` : ' (set with --soak-rate)'}, ` +
        `${achieved.toFixed(1)} answered 2xx per second`,
      verdict: 'report',
    },
    {
      figure: 'soak: API process memory after warm-up (resident; heap used, low of each interval)',
      target: flatTarget,
      measured:
        `RSS ${mib(second?.apiRss)} → ${mib(last.apiRss)} (${pct(apiRssGrowth)}); ` +
        `heap ${mib(second?.heapLow)} → ${mib(last.heapLow)} (${pct(heapGrowth)})`,
      verdict: verdict(flat(apiRssGrowth) && flat(heapGrowth)),
    },
    {
      figure: 'soak: DynamoDB Local memory after warm-up (resident)',
      target: flatTarget,
      measured: `${mib(second?.dynamoRss)} → ${mib(last.dynamoRss)} (${pct(dynamoGrowth)})`,
      verdict: verdict(flat(dynamoGrowth)),
    },
    {
      figure: `soak: outbox backlog ${opts.graceSeconds} s after the load stopped`,
      target: '0',
      measured:
        `${r.backlog} pending (${r.backlogAtStop} when the load stopped${r.backlogAtStop > 0 && r.backlog === 0 ? `, drained in ${r.drainSeconds.toFixed(0)} s` : ''}); ` +
        `${r.failedMail} given up as failed`,
      verdict: verdict(r.backlog === 0 && r.failedMail === 0),
    },
  ];

  const unmet: string[] = [];
  if (total.errors > 0) {
    unmet.push(
      `${total.errors} requests failed (${total.errorSamples.join('; ')}; per interval in the table below). The API ` +
        `process logged ${r.logged.count} warnings or errors` +
        `${r.logged.first.length ? `, first: ${r.logged.first.map((l) => `\`${l}\``).join(', ')}` : ''}. ` +
        'Fix: what those lines name; under load the stack may answer slowly or refuse with a clear 503, but never fail ' +
        'a request or leave it without an answer.',
    );
  }
  if (!flat(apiRssGrowth) || !flat(heapGrowth)) {
    unmet.push(
      `The API process grew from ${secondLabel} to ${lastLabel}: resident ${pct(apiRssGrowth)}, heap ${pct(heapGrowth)} ` +
        '(per interval in the table below). Growth of the heap floor under a steady load points at something ' +
        'kept per request (a cache without a bound, listeners, timers); compare two heap snapshots of the API process (`node --heapsnapshot-signal`) taken minutes apart.',
    );
  }
  if (!flat(dynamoGrowth)) {
    unmet.push(
      `DynamoDB Local grew ${pct(dynamoGrowth)} from ${secondLabel} to ${lastLabel}. The emulator keeps the table in ` +
        'memory (SQLite outside the Java heap) and every filing adds an order, its timeline and its mail, so some growth ' +
        'is data, not a leak; the JVM heap column shows how much is the Java heap. This is the emulator, not Ordo: in ' +
        'AWS the table is DynamoDB.',
    );
  }
  if (r.backlog > 0 || r.failedMail > 0) {
    unmet.push(
      `${r.backlog} mails still pending and ${r.failedMail} given up ${opts.graceSeconds} s after the load stopped ` +
        `(${r.backlogAtStop} when it stopped; ${r.backlogWhy}). The local poller delivers at most 50 mails per round, ` +
        'one round a second, one mail at a time; in AWS the stream-triggered mail worker scales with the writes.',
    );
  }

  const kinds = (Object.keys(MIX) as Kind[]).filter((k) => r.byKind.has(k));
  const minuteRows = intervals.map((i) => {
    const t = i.tallied;
    const from = i.index * opts.intervalSeconds;
    return [
      opts.intervalSeconds === 60 ? String(i.index + 1) : `${clock(from)}–${clock(from + opts.intervalSeconds)}`,
      count(t.sent),
      String(t.errors),
      `${t.conflicts} / ${other4xxText(t.other4xx)}`,
      ms(quantile(t.latencies, 0.5), 0),
      ms(quantile(t.latencies, 0.99), 0),
      mib(i.apiRss),
      i.heapLow !== undefined ? `${i.heapLow.toFixed(0)}–${i.heapHigh!.toFixed(0)} MiB` : 'n/a',
      mib(i.dynamoRss),
      i.jvm ? `${i.jvm.used.toFixed(0)} / ${i.jvm.committed.toFixed(0)} MiB` : 'n/a',
      i.backlog === undefined ? 'n/a' : String(i.backlog),
      i.load === undefined ? 'n/a' : i.load.toFixed(1),
    ];
  });
  const lags = total.lags;
  const details = [
    `The API runs in its own Node process, as \`npm start\` runs it: the local server (functions/local/server.ts, ` +
      'the same Hono app as in Lambda) with the outbox poller (every second, up to 50 mails a round) and the SLA ' +
      'timer and digest loop (every 10 s) of functions/local/workers.ts; its memory is that process alone. ' +
      "DynamoDB Local (in memory, the run's own JVM) and the SES stand-in are the ones every benchmark uses; the " +
      'benchmark process is the client (node:http, keep-alive, up to 64 connections), signed in (`tokenFor`, ' +
      'bench/api.ts; again every 4 minutes, before the tokens expire) as three requesters (Anna, Carl, Ben) and two ' +
      'HR agents (Hana, Olivia), on a fresh table with the demo company and 60 orders filed first.',
    `Mix per 100 requests: ${kinds.map((k) => `${ROUTES[k]} ${MIX[k]}`).join(', ')}. Every order's life is ` +
      'filed → claimed → deliverable ticked → resolved (with the survey invitation), each step by the client that saw ' +
      'its last version, and commented on by its requester meanwhile; no two writes on one order are in flight at ' +
      'once, so a 409 would be a real race. A step with no order in the right state is sent as an order page instead.',
    r.capacity
      ? `Capacity: ${opts.probe.concurrency} callers sending the same mix back to back (closed loop) for ` +
        `${opts.probe.seconds} s after ${opts.probe.warmSeconds} s of warm-up: ${r.capacity.rate.toFixed(0)} req/s ` +
        `answered 2xx, p50 ${ms(r.capacity.p50, 0)}, p99 ${ms(r.capacity.p99, 0)}, ${r.capacity.tallied.errors} errors. ` +
        `The soak runs at ${LOAD_FRACTION * 100} % of it: ${r.rate} req/s, starting once the workers have ` +
        "delivered the capacity run's mail."
      : `Rate set with --soak-rate: ${r.rate} req/s (no capacity run).`,
    `Open loop: request i starts at i / ${r.rate} s whatever the answers before it, and its latency runs from that ` +
      `slot to the end of the answer, so waiting for a connection counts. The client kept its schedule: requests left ` +
      `a median ${ms(quantile(lags, 0.5), 1)} and at p99 ${ms(quantile(lags, 0.99), 0)} after their slot. ` +
      `${count(total.sent)} requests in ${(r.loadSeconds / 60).toFixed(1)} min; a request without an answer within ` +
      `${REQUEST_TIMEOUT_MS / 1000} s counts as an error. Errors: HTTP ≥ 500 or no answer. Refusals are listed apart: ` +
      '409 (a version race) is expected under concurrency; any other 4xx would mean the benchmark sent something wrong.',
    `Per ${unit}: memory is sampled every ${opts.sampleEveryMs / 1000} s — the API process's resident set ` +
      '(/proc VmRSS) and V8 heap used (the lowest sample of the interval is about what survives a collection), ' +
      "DynamoDB Local's resident set (VmRSS of its java process) — and at the end of each interval the JVM heap " +
      `(\`jstat -gc\`: used / committed), the outbox backlog (messages in the index the poller reads) and the ` +
      'machine\'s 1-minute load average (other work on the machine shows there). "Flat": ' +
      `${lastLabel} at most ${FLAT * 100} % above ${secondLabel}; the first ${unit} is warm-up (JIT, caches, heaps ` +
      'growing to their working size), and shrinking is fine.',
    table(
      [
        unit,
        'requests',
        'errors',
        '409 / other 4xx',
        'p50',
        'p99',
        'API RSS',
        'API heap used',
        'DynamoDB Local RSS',
        'JVM heap used / committed',
        'outbox backlog',
        'load',
      ],
      minuteRows,
    ),
    `Idle before the capacity run → after the grace period: API RSS ${mib(r.idle.apiRss)} → ${mib(r.after.apiRss)}, ` +
      `heap used ${mib(r.idle.heap === undefined ? undefined : r.idle.heap / MIB)} → ` +
      `${mib(r.after.heap === undefined ? undefined : r.after.heap / MIB)}; DynamoDB Local ${mib(r.idle.dynamoRss)} → ` +
      `${mib(r.after.dynamoRss)}${r.dynamoFound ? '' : ' (its process was not found by port; the figures are from bench/env.ts)'}.`,
    table(
      ['request', 'share', 'sent', 'p50', 'p99', 'errors', '409 / other 4xx'],
      kinds.map((k) => {
        const t = r.byKind.get(k)!;
        return [
          ROUTES[k],
          `${MIX[k]} %`,
          count(t.sent),
          ms(quantile(t.latencies, 0.5), 0),
          ms(quantile(t.latencies, 0.99), 0),
          String(t.errors),
          `${t.conflicts} / ${other4xxText(t.other4xx)}`,
        ];
      }),
    ),
    `Outbox: ${r.backlogAtStop} mails pending when the load stopped, ${r.backlog} after ` +
      `${r.backlog === 0 ? `${r.drainSeconds.toFixed(0)} s` : `the ${opts.graceSeconds} s grace period`}` +
      `${r.backlogWhy ? ` (${r.backlogWhy})` : ''}; ${r.failedMail} given up as failed. Orders left in the client's ` +
      `pipeline at the end: ${r.pools.open} open, ${r.pools.claimed} claimed, ${r.pools.ticked} ticked. ` +
      `The API process logged ${r.logged.count} warnings or errors` +
      `${r.logged.first.length ? `: ${r.logged.first.map((l) => `\`${l}\``).join(', ')}` : '.'} ` +
      `Load average (1/5/15 min) before the part: ${r.loadBefore.map((n) => n.toFixed(2)).join(' / ')}, after: ` +
      `${loadavg()
        .map((n) => n.toFixed(2))
        .join(' / ')}.`,
  ];
  return { id: 'soak', title: 'Sustained load (soak)', rows, unmet, details };
}
