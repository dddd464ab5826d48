/**
 * Request Tracker 5 as the peer of the comparison (bench/peer.ts): its set-up, seeding and REST2 calls.
 *
 * Ordo does not install Request Tracker itself. It takes a set-up directory (`--rt-setup=DIR` or
 * `ORDO_RT_SETUP`) holding the scripts that do: `env.sh` (settings: RT_URL, RT_APIUSER/RT_APIPASS,
 * RT_STATE, PG_VER/PG_CLUSTER/PG_PORT, RT_DB, RT_DBUSER, RT_PIDFILE), `setup.sh` (installs Request Tracker
 * 5 and PostgreSQL 15 from Debian packages with apt when missing, configures them and starts both;
 * `--fresh` empties the database) and `stop.sh --rt-only`. The rt-peer kit kept with the team's shared
 * tooling (peer/rt/) is such a directory; its README lists the settings and the pitfalls.
 *
 * Request Tracker runs in its fastest mode for this API: a session cookie from one web sign-in (a REST2
 * token or basic auth costs a bcrypt check, ~220 ms, on every request), 4 Starlet workers, its e-mail
 * notification scrips on as shipped (written to an mbox), PostgreSQL 15 stock.
 *
 * Seeding tops the queue HR up to N *open* tickets through REST2's bulk create (50 per request, 4 in
 * flight; Request Tracker creates about 7 a second here), 20 % on the `urgent` SLA, 200 requestors. The
 * seeded database is then kept as a PostgreSQL template, so a later run clones it in seconds.
 */
import { execFile } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface RtSetup {
  dir: string;
  env: Record<string, string>;
}

export const RT_SETUP_HELP =
  'Request Tracker is set up by an external kit: pass --rt-setup=DIR or ORDO_RT_SETUP=DIR, a directory with ' +
  'env.sh, setup.sh and stop.sh (the rt-peer kit: peer/rt/ of the shared tooling). Its setup.sh installs ' +
  'Request Tracker 5 and PostgreSQL 15 from Debian packages with apt when missing; it needs root.';

/** The set-up directory from the command line or the environment, with the settings of its env.sh. */
export async function rtSetup(argv: string[]): Promise<RtSetup> {
  const dir = argv.find((a) => a.startsWith('--rt-setup='))?.slice('--rt-setup='.length) ?? process.env.ORDO_RT_SETUP;
  if (!dir) throw new Error(RT_SETUP_HELP);
  const { stdout } = await run('bash', ['-c', 'set -a; source "$1/env.sh" >/dev/null; env -0', 'env', dir]);
  const env: Record<string, string> = {};
  for (const pair of stdout.split('\0')) {
    const eq = pair.indexOf('=');
    if (eq > 0 && /^(RT|PG)_/.test(pair)) env[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  for (const name of ['RT_URL', 'RT_APIUSER', 'RT_APIPASS', 'RT_STATE', 'PG_PORT', 'RT_DB', 'RT_DBUSER']) {
    if (!env[name]) throw new Error(`${dir}/env.sh does not set ${name}. ${RT_SETUP_HELP}`);
  }
  if (!/^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/.test(env.RT_URL!)) {
    throw new Error(`Refusing a Request Tracker that is not on this machine: ${env.RT_URL}`);
  }
  return { dir, env };
}

async function script(
  setup: RtSetup,
  name: string,
  args: string[] = [],
  env: Record<string, string> = {},
): Promise<string> {
  try {
    const { stdout } = await run(join(setup.dir, name), args, {
      maxBuffer: 16 * 2 ** 20,
      timeout: 30 * 60_000,
      env: { ...process.env, ...env },
    });
    return stdout;
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${name} ${args.join(' ')} failed: ${e.message}\n${e.stdout ?? ''}${e.stderr ?? ''}`);
  }
}

async function psql(setup: RtSetup, sql: string, db = 'postgres'): Promise<string> {
  const { stdout } = await run('runuser', [
    '-u',
    'postgres',
    '--',
    'psql',
    '-p',
    setup.env.PG_PORT!,
    '-d',
    db,
    '-X',
    '-q',
    '-v',
    'ON_ERROR_STOP=1',
    '-Atc',
    sql,
  ]);
  return stdout.trim();
}

// ---------- REST2 ----------

export interface Answer {
  status: number;
  ms: number;
  // biome-ignore lint/suspicious/noExplicitAny: REST2's JSON, read field by field
  data: any;
}

const REQUESTORS = 200;
const CATEGORIES = [
  'leave request',
  'payroll question',
  'equipment',
  'onboarding',
  'contract change',
  'benefits',
  'access badge',
  'training',
];
export const RT_LIST_QUERY = "Queue='HR' AND Status='open'";
const LIST_FIELDS = 'Subject,Status,Due,Created,SLA,Requestor';

export class RtClient {
  private cookie = '';
  private sequence = 0;
  readonly base: string;

  constructor(private readonly setup: RtSetup) {
    this.base = setup.env.RT_URL!;
  }

  /** One web sign-in; REST2 then accepts the session cookie (writes also need an Origin of RT's own). */
  async login(): Promise<void> {
    const res = await fetch(`${this.base}/NoAuth/Login.html`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ user: this.setup.env.RT_APIUSER!, pass: this.setup.env.RT_APIPASS! }).toString(),
    });
    await res.arrayBuffer();
    const sid = res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0]!)
      .find((c) => c.startsWith('RT_SID_'));
    if (!sid) throw new Error(`Request Tracker's sign-in failed (HTTP ${res.status}).`);
    this.cookie = sid;
  }

  async call(method: string, path: string, body?: unknown, timeoutMs = 60_000): Promise<Answer> {
    const t0 = performance.now();
    const res = await fetch(this.base + path, {
      method,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
      headers: {
        cookie: this.cookie,
        ...(method !== 'GET' ? { origin: this.base } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    const ms = performance.now() - t0;
    let data: unknown = null;
    try {
      data = JSON.parse(text);
    } catch {
      data = text.slice(0, 300);
    }
    return { status: res.status, ms, data };
  }

  async must(method: string, path: string, body: unknown, want: number): Promise<Answer> {
    const answer = await this.call(method, path, body);
    if (answer.status !== want) {
      throw new Error(`Request Tracker: ${method} ${path} answered ${answer.status}: ${JSON.stringify(answer.data)}`);
    }
    return answer;
  }

  async up(): Promise<boolean> {
    try {
      await this.login();
      return (await this.call('GET', '/REST/2.0/rt', undefined, 5_000)).status === 200;
    } catch {
      return false;
    }
  }

  async version(): Promise<string> {
    return String((await this.must('GET', '/REST/2.0/rt', undefined, 200)).data.Version);
  }

  private search(query: string, extra: string): string {
    return `/REST/2.0/tickets?query=${encodeURIComponent(query)}${extra}`;
  }

  async count(query: string): Promise<number> {
    return Number((await this.must('GET', this.search(query, '&per_page=1&fields=id'), undefined, 200)).data.total);
  }

  /** Lowest and highest id of the open HR tickets (reads pick at random between them). */
  async openIds(): Promise<{ min: number; max: number }> {
    const first = async (order: string) =>
      Number(
        (await this.must('GET', this.search(RT_LIST_QUERY, `&orderby=id&order=${order}&per_page=1`), undefined, 200))
          .data.items[0]?.id,
      );
    return { min: await first('ASC'), max: await first('DESC') };
  }

  private ticket(tag: string, i: number, extra: Record<string, string> = {}) {
    const category = CATEGORIES[i % CATEGORIES.length]!;
    return {
      Queue: 'HR',
      Subject: `${tag} ${i}: ${category}`,
      Requestor: `employee${i % REQUESTORS}@example.test`,
      Content: `Request ${i}.\nPlease handle my ${category}.`,
      ContentType: 'text/plain',
      ...extra,
    };
  }

  create(): Promise<Answer> {
    return this.call('POST', '/REST/2.0/ticket', this.ticket('Benchmark request', this.sequence++));
  }

  read(id: number): Promise<Answer> {
    return this.call('GET', `/REST/2.0/ticket/${id}`);
  }

  list(): Promise<Answer> {
    return this.call(
      'GET',
      this.search(RT_LIST_QUERY, `&orderby=Due&order=ASC&per_page=50&page=1&fields=${LIST_FIELDS}`),
    );
  }

  /** Creates open HR tickets until there are `n`; returns how many it made and how long it took. */
  async seedOpen(n: number, log: (message: string) => void): Promise<{ created: number; seconds: number }> {
    const have = await this.count(RT_LIST_QUERY);
    const t0 = performance.now();
    let next = have;
    let created = 0;
    let reported = 0;
    const worker = async () => {
      while (next < n) {
        const from = next;
        const to = Math.min(n, from + 50);
        next = to;
        const batch = [];
        for (let i = from; i < to; i++) {
          batch.push(this.ticket('Seed', i, { Status: 'open', ...(i % 5 === 0 ? { SLA: 'urgent' } : {}) }));
        }
        // Under load one bulk request of 50 can take half a minute while RT still creates its tickets.
        const answer = await this.call('POST', '/REST/2.0/tickets/bulk', batch, 600_000);
        if (answer.status !== 201 || !Array.isArray(answer.data)) {
          throw new Error(`Seeding Request Tracker: HTTP ${answer.status} ${JSON.stringify(answer.data)}`);
        }
        created += answer.data.filter((t: { id?: string }) => t?.id).length;
        if (created - reported >= 1000) {
          reported = created;
          const rate = created / ((performance.now() - t0) / 1000);
          log(`    Request Tracker: ${created} of ${n - have} seeded (${rate.toFixed(1)}/s)`);
        }
      }
    };
    if (n > have) await Promise.all(Array.from({ length: 4 }, worker));
    return { created, seconds: (performance.now() - t0) / 1000 };
  }
}

// ---------- a database with exactly N open tickets ----------

export interface Prepared {
  /** How the database came to hold N open tickets, with the seeding time (now or when the template was made). */
  seed: {
    created: number;
    seconds: number;
    when: string;
    from: 'seeded now' | 'template';
    /** Whether the notification scrips ran while seeding (templates made before this switch say nothing). */
    scrips?: 'off';
  };
  openTickets: number;
  allTickets: number;
}

/**
 * Makes sure Request Tracker runs and its queue HR holds `n` open tickets: restores the template of an
 * earlier run when there is one, otherwise tops the current database up (or starts a fresh one when it
 * already holds more) and keeps the result as a template.
 */
export async function prepareRt(setup: RtSetup, n: number, log: (message: string) => void): Promise<Prepared> {
  const client = new RtClient(setup);
  const template = `${setup.env.RT_DB}_ordo_open_${n}`;
  // RT_NOTIFY is the kit's switch for Request Tracker's e-mail notification scrips (on unless 0).
  const setupQuiet = async (args: string[] = [], notify = true) => {
    const t0 = performance.now();
    const out = await script(setup, 'setup.sh', args, { RT_NOTIFY: notify ? '1' : '0' });
    log(
      `    setup.sh ${args.join(' ')} (${((performance.now() - t0) / 1000).toFixed(0)} s): ${out.trim().split('\n').at(-1)}`,
    );
  };
  if (!(await client.up())) {
    log('  Request Tracker is not answering: running its setup (installs it with apt when missing)…');
    await setupQuiet();
  }
  const exists = async (db: string) => (await psql(setup, `SELECT 1 FROM pg_database WHERE datname='${db}'`)) === '1';
  let seed: Prepared['seed'];
  if (await exists(template)) {
    log(`  Request Tracker: restoring the database of ${n.toLocaleString('en')} open tickets (template ${template})…`);
    await script(setup, 'stop.sh', ['--rt-only']);
    await psql(setup, `DROP DATABASE IF EXISTS ${setup.env.RT_DB}`);
    await psql(setup, `CREATE DATABASE ${setup.env.RT_DB} TEMPLATE ${template} OWNER ${setup.env.RT_DBUSER}`);
    // Its auth token lives in the database: setup.sh makes a new one.
    if (setup.env.RT_TOKEN_FILE) rmSync(setup.env.RT_TOKEN_FILE, { force: true });
    await setupQuiet();
    const note = await psql(
      setup,
      `SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname='${template}'`,
    );
    seed = { ...(JSON.parse(note || '{}') as Omit<Prepared['seed'], 'from'>), from: 'template' };
  } else {
    await client.login();
    const fresh = (await client.count(RT_LIST_QUERY)) > n;
    if (fresh) log(`  Request Tracker holds more than ${n} open tickets: starting from an empty database…`);
    // Seeding with the notification scrips off halves the time; they only build mail nobody reads (the
    // seeded tickets then lack their outgoing-mail transactions). They are on again for the measurements.
    log('  Request Tracker: notification scrips off while seeding…');
    await setupQuiet(fresh ? ['--fresh'] : [], false);
    await client.login();
    log(`  Request Tracker: seeding queue HR up to ${n.toLocaleString('en')} open tickets through REST2…`);
    const seeded = await client.seedOpen(n, log);
    seed = { ...seeded, when: new Date().toISOString(), from: 'seeded now', scrips: 'off' };
    log(
      `  Request Tracker: ${seeded.created} tickets in ${seeded.seconds.toFixed(0)} s; keeping the database as ${template}…`,
    );
    await setupQuiet([], true);
    await script(setup, 'stop.sh', ['--rt-only']);
    await run('runuser', [
      '-u',
      'postgres',
      '--',
      'vacuumdb',
      '-p',
      setup.env.PG_PORT!,
      '-q',
      '--analyze',
      setup.env.RT_DB!,
    ]);
    await psql(setup, `CREATE DATABASE ${template} TEMPLATE ${setup.env.RT_DB} OWNER ${setup.env.RT_DBUSER}`);
    const note = JSON.stringify({ created: seeded.created, seconds: seeded.seconds, when: seed.when, scrips: 'off' });
    await psql(setup, `COMMENT ON DATABASE ${template} IS '${note}'`);
    await setupQuiet();
  }
  await client.login();
  return { seed, openTickets: await client.count(RT_LIST_QUERY), allTickets: await client.count("Queue='HR'") };
}

/** The rt-server (Starlet master, whose children are the workers) and the PostgreSQL postmaster. */
export function rtRootPids(setup: RtSetup): { rt?: number; pg?: number } {
  const first = (path: string) => {
    try {
      return Number(readFileSync(path, 'utf8').split('\n')[0]) || undefined;
    } catch {
      return undefined;
    }
  };
  const rt = first(setup.env.RT_PIDFILE ?? join(setup.env.RT_STATE!, 'rt-server.pid'));
  const pg = first(
    `/var/lib/postgresql/${setup.env.PG_VER ?? '15'}/${setup.env.PG_CLUSTER ?? 'rtpeer'}/postmaster.pid`,
  );
  return { ...(rt ? { rt } : {}), ...(pg ? { pg } : {}) };
}

/** Database size and row counts, for the report. */
export async function rtDatabase(setup: RtSetup): Promise<{ sizeMiB: number; tickets: number; transactions: number }> {
  const db = setup.env.RT_DB!;
  const size = Number(await psql(setup, `SELECT pg_database_size('${db}')`));
  const tickets = Number(await psql(setup, 'SELECT count(*) FROM tickets', db));
  const transactions = Number(await psql(setup, 'SELECT count(*) FROM transactions', db));
  return { sizeMiB: size / 2 ** 20, tickets, transactions };
}
