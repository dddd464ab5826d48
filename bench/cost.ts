/**
 * What Ordo costs to run on AWS: `npm run bench -- --only=cost` (standalone; a few minutes).
 *
 * Measured here, on the benchmark's DynamoDB Local and SES stand-in, through the real Hono app in-process
 * (as the api Lambda runs it) and the product's workers:
 * - DynamoDB capacity each operation consumes (ReturnConsumedCapacity, bench/capacity.ts), and the size
 *   of every item written;
 * - time per request and per worker run, in-process: wall time on this machine and the CPU time of the
 *   process — a proxy for Lambda duration, turned into an estimate for a 256 MB arm64 function (it gets
 *   256/1,769 of a vCPU) plus DynamoDB's round trips;
 * - mails (and recipients) per order, counted at the SES stand-in; the log bytes each request writes at
 *   the production level (info).
 * Then a monthly bill for companies of 1,000, 10,000 and 100,000 employees at stated order rates, with
 * on-demand list prices of one region, next to per-agent licences of ServiceNow and Jira Service
 * Management for the same teams. Every assumption is printed with the figures.
 */
import { apiConfigFrom } from '../functions/config.ts';
import { createDeps, type Deps } from '../functions/deps.ts';
import { MailDelivery } from '../functions/mail/delivery.ts';
import { createLogger, silentLogger } from '../functions/observability/logger.ts';
import { outboxIdOf, partitions } from '../functions/storage/keys.ts';
import { queryAll } from '../functions/storage/query-all.ts';
import { INDEX } from '../functions/storage/table-definition.ts';
import { clearMailbox, readMailbox } from '../scripts/local/ses.ts';
import type { OrderView } from '../shared/api.ts';
import type { User } from '../shared/model.ts';
import { appFor, type Caller, CERTIFICATE, callerFor, expectOk, tokensFor } from './api.ts';
import { type Capacity, meterCapacity, newCapacity, topItemBytes, withCapacity } from './capacity.ts';
import type { BenchContext } from './context.ts';
import { freshEnv, median, quantile } from './env.ts';
import { rawOrder } from './loader.ts';
import { watch } from './probe.ts';
import { type Row, type Section, table } from './results.ts';

/** Active orders in the HR queue before measuring (a page holds 50). */
const QUEUE_BACKLOG = 60;

// ---------- prices and assumptions (stated in the section) ----------

const PRICES_AS_OF = '2025 (list prices, after DynamoDB’s November 2024 on-demand reduction); verify before use';
const REGION = 'US East (N. Virginia), us-east-1';
const PRICE = {
  /** DynamoDB on-demand, Standard table class. */
  writeUnit: 0.625 / 1e6,
  readUnit: 0.125 / 1e6,
  storageGbMonth: 0.25,
  pitrGbMonth: 0.2,
  /** Lambda, arm64. */
  gbSecond: 0.0000133334,
  lambdaRequest: 0.2 / 1e6,
  /** API Gateway HTTP API, first 300 million a month. */
  httpApiRequest: 1.0 / 1e6,
  /** SES outbound, per message per recipient. */
  mail: 0.1 / 1000,
  /** CloudWatch Logs ingestion (standard), per GB. */
  logGb: 0.5,
  /** X-Ray traces recorded, per trace (first 100,000 a month free). */
  trace: 5.0 / 1e6,
  /** Cognito user pool, Plus feature plan (prod), per monthly active user; Essentials 0.015 with 10,000 free. */
  cognitoPlusMau: 0.02,
  cognitoEssentialsMau: 0.015,
  /** Fixed: one secret (link keys), one KMS key (alarm topic), ~15 alarms. */
  fixedMonthly: 0.4 + 1.0 + 15 * 0.1,
};
const LAMBDA_MB = 256;
/** Lambda gives a function CPU in proportion to its memory: a full vCPU at 1,769 MB. */
const CPU_SHARE = LAMBDA_MB / 1769;
/** DynamoDB's own latency per request inside a region, for the duration estimate. */
const DYNAMO_MS = 5;
const COMPANIES = [1_000, 10_000, 100_000];
const ASSUME = {
  ordersPerEmployeeMonth: 1,
  /** Monthly active users: employees who sign in at least once in a month, plus every agent. */
  activeShare: 0.6,
  employeesPerAgent: 100,
  /** Orders kept in the table (storage). */
  retentionMonths: 24,
  /** API Gateway access log line plus Lambda's START/END/REPORT lines per request, bytes. */
  platformLogBytes: 600,
  /** Share of requests traced by X-Ray (the default rule: 1 a second, then 5 %), at these low rates. */
  tracedShare: 1,
  // Licences of the peers, per agent per month (list prices as published or commonly quoted, 2025; verify).
  jsmStandard: 20,
  jsmPremium: 50,
  serviceNow: 100,
};

/** API requests behind one order, beyond filing it (the portal's pattern, stated in the section). */
const PER_ORDER: Array<[op: string, count: number]> = [
  ['sign-in', 1],
  ['catalog', 1],
  ['service form', 1],
  ['create order', 1],
  ['order view (requester)', 3],
  ['my orders page', 2],
  ['queue page (agent)', 5],
  ['order view (agent)', 3],
  ['claim', 1],
  ['tick deliverable', 1],
  ['comment', 1],
  ['resolve (with survey invitation)', 1],
  ['survey answer', 0.3],
];

// ---------- measuring ----------

interface Measured {
  op: string;
  route: string;
  runs: number;
  capacity: Capacity;
  wallMs: number[];
  cpuMs: number[];
  logBytes: number;
}

interface Meter {
  logBytes: number;
}

async function timed<T>(
  meter: Meter,
  fn: () => Promise<T>,
): Promise<{ value: T; capacity: Capacity; wallMs: number; cpuMs: number; logBytes: number }> {
  const logBefore = meter.logBytes;
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  const { value, capacity } = await withCapacity(fn);
  const wallMs = performance.now() - t0;
  const used = process.cpuUsage(cpu);
  return { value, capacity, wallMs, cpuMs: (used.user + used.system) / 1000, logBytes: meter.logBytes - logBefore };
}

function add(into: Capacity, c: Capacity): void {
  into.requests += c.requests;
  into.readUnits += c.readUnits;
  into.writeUnits += c.writeUnits;
  for (const [k, v] of Object.entries(c.byPlace)) into.byPlace[k] = (into.byPlace[k] ?? 0) + v;
  into.puts.push(...c.puts);
}

class Recorder {
  readonly results: Measured[] = [];
  constructor(private readonly meter: Meter) {}

  /** Runs `fn(i)` `runs` times after one untimed warm-up call, recording each run. */
  async op(op: string, route: string, runs: number, fn: (i: number) => Promise<unknown>): Promise<void> {
    await fn(-1);
    const m: Measured = { op, route, runs, capacity: newCapacity(), wallMs: [], cpuMs: [], logBytes: 0 };
    for (let i = 0; i < runs; i++) {
      const t = await timed(this.meter, () => fn(i));
      add(m.capacity, t.capacity);
      m.wallMs.push(t.wallMs);
      m.cpuMs.push(t.cpuMs);
      m.logBytes += t.logBytes;
    }
    this.results.push(m);
  }

  get(op: string): Measured {
    const m = this.results.find((r) => r.op === op);
    if (!m) throw new Error(`Not measured: ${op}`);
    return m;
  }
}

/** Lambda duration estimate for one run: CPU at a 256 MB share of a vCPU plus DynamoDB's round trips. */
function lambdaMs(m: Measured): number {
  return median(m.cpuMs) / CPU_SHARE + (m.capacity.requests / m.runs) * DYNAMO_MS;
}

async function pendingOutbox(deps: Deps): Promise<string[]> {
  const items = await queryAll(deps.db, {
    IndexName: INDEX.dueWork.name,
    KeyConditionExpression: 'gsi3pk = :pk',
    ExpressionAttributeValues: { ':pk': partitions.outboxDue().gsi3pk },
  });
  return items.map((item) => outboxIdOf(String(item.pk)) ?? '');
}

export async function runCost(ctx: BenchContext): Promise<Section> {
  const runs = ctx.quick ? 5 : 15;
  const { env } = await freshEnv(ctx.dynamo.endpoint, ctx.ses.endpoint);
  const meter: Meter = { logBytes: 0 };
  // The production log level (info), written nowhere but counted.
  const log = createLogger('info', { stage: 'prod' }, (line) => {
    meter.logBytes += Buffer.byteLength(line, 'utf8') + 1;
  });
  const deps = createDeps(apiConfigFrom(env), { log });
  watch(deps.db.doc);
  meterCapacity(deps.db.doc);
  const app = appFor(deps);
  const anna = await callerFor(app, deps, 'anna');
  const hana = await callerFor(app, deps, 'hana');
  const rec = new Recorder(meter);
  const delivery = new MailDelivery(deps.outbox, deps.mailer, silentLogger, deps.now);

  // A department queue as it looks in use: more active orders than a page holds, so a queue page reads
  // 50 orders. Filed by someone else than the measured requester; their mail is delivered before counting.
  const carl = (await deps.users.get('carl')) as User;
  for (let i = 0; i < QUEUE_BACKLOG; i++) await deps.orderWorkflow.create(carl, CERTIFICATE);
  while ((await delivery.deliverDue(50)) > 0) {
    // until nothing is due
  }

  // runs + 1 orders (the warm-up call of each step takes the last one), and every one goes the whole way:
  // create → comment → claim → tick → resolve (with the survey invitation) → survey answer.
  const orders: OrderView[] = [];
  await clearMailbox(ctx.ses.endpoint);
  await rec.op('create order', 'POST /orders', runs, async () => {
    orders.push(expectOk('create', await anna.json<OrderView>('POST', '/orders', CERTIFICATE)));
  });
  const total = orders.length;
  const numbers = orders.map((o) => o.order.number);
  const at = (i: number) => (i < 0 ? orders.length - 1 : i);
  const view = (who: Caller) => async (i: number) =>
    expectOk('view', await who.json('GET', `/orders/${numbers[at(i)]}`));
  await rec.op('order view (requester)', 'GET /orders/:n', runs, view(anna));
  await rec.op('order view (agent)', 'GET /orders/:n', runs, view(hana));
  await rec.op('my orders page', 'GET /orders/mine?limit=50', runs, async () =>
    expectOk('mine', await anna.json('GET', '/orders/mine?limit=50')),
  );
  await rec.op('queue page (agent)', 'GET /departments/HR/queue?limit=50', runs, async () =>
    expectOk('queue', await hana.json('GET', '/departments/HR/queue?limit=50')),
  );
  await rec.op('catalog', 'GET /catalog', runs, async () => expectOk('catalog', await anna.json('GET', '/catalog')));
  await rec.op('service form', 'GET /services/:id', runs, async () =>
    expectOk('service', await anna.json('GET', `/services/${CERTIFICATE.serviceId}`)),
  );
  const idToken = (await tokensFor(deps, 'anna')).idToken;
  await rec.op('sign-in', 'POST /me/sign-in', runs, async () =>
    expectOk('sign-in', await anna.json('POST', '/me/sign-in', { idToken })),
  );

  // The lifecycle, on the orders in turn (index i; the warm-up call takes the last order).
  const versions = new Map(orders.map((o) => [o.order.number, o.order.version]));
  const step = async (
    who: Caller,
    what: string,
    path: (n: string) => string,
    body: (v: number) => unknown,
    i: number,
  ) => {
    const n = numbers[at(i)]!;
    const answer = expectOk(what, await who.json<OrderView>('POST', path(n), body(versions.get(n)!)));
    if (answer?.order) versions.set(n, answer.order.version);
  };
  await rec.op('comment', 'POST /orders/:n/comments', runs, (i) =>
    step(
      anna,
      'comment',
      (n) => `/orders/${n}/comments`,
      () => ({ text: 'Any news?' }),
      i,
    ),
  );
  // Comments change the version: read it again before the agent acts.
  for (const n of numbers) {
    const v = expectOk('view', await hana.json<OrderView>('GET', `/orders/${n}`));
    versions.set(n, v.order.version);
  }
  await rec.op('claim', 'POST /orders/:n/transitions', runs, (i) =>
    step(
      hana,
      'claim',
      (n) => `/orders/${n}/transitions`,
      (version) => ({ action: 'claim', version }),
      i,
    ),
  );
  await rec.op('tick deliverable', 'POST /orders/:n/deliverables/scan', runs, (i) =>
    step(
      hana,
      'tick',
      (n) => `/orders/${n}/deliverables/scan`,
      (version) => ({ version, done: true }),
      i,
    ),
  );
  await rec.op('resolve (with survey invitation)', 'POST /orders/:n/transitions', runs, (i) =>
    step(
      hana,
      'resolve',
      (n) => `/orders/${n}/transitions`,
      (version) => ({ action: 'resolve', version, comment: 'Done.' }),
      i,
    ),
  );
  await rec.op('survey answer', 'POST /orders/:n/survey', runs, async (i) =>
    expectOk('survey', await anna.json('POST', `/orders/${numbers[at(i)]}/survey`, { score: 5 })),
  );

  // Item sizes: every Put during the run, by type; the stored partition of a finished order.
  const allPuts = rec.results.flatMap((r) => r.capacity.puts);
  const byType = new Map<string, number[]>();
  for (const p of allPuts) byType.set(p.type, [...(byType.get(p.type) ?? []), p.bytes]);
  const finished = await rawOrder(deps, numbers[0]!);
  const orderBytes = topItemBytes(finished.order);
  const eventBytes = finished.events.map((e) => topItemBytes(e));

  // Mail: every message the lifecycle queued, delivered one at a time as the mail worker does per stream record.
  const pending = await pendingOutbox(deps);
  const mailRuns: Measured = {
    op: 'mail worker: one message',
    route: 'stream record → claim, send, mark',
    runs: pending.length,
    capacity: newCapacity(),
    wallMs: [],
    cpuMs: [],
    logBytes: 0,
  };
  for (const id of pending) {
    const t = await timed(meter, () => delivery.deliver(id));
    add(mailRuns.capacity, t.capacity);
    mailRuns.wallMs.push(t.wallMs);
    mailRuns.cpuMs.push(t.cpuMs);
  }
  const mailbox = await readMailbox(ctx.ses.endpoint);
  const recipients = mailbox.reduce(
    (sum, m) => sum + m.destination.to.length + m.destination.cc.length + m.destination.bcc.length,
    0,
  );
  const mailsPerOrder = {
    messages: mailbox.length / total,
    recipients: recipients / total,
  };

  // The SLA timer (every minute in AWS) with nothing due, the usual case between events.
  const timerRuns: Measured = {
    op: 'SLA timer run (nothing due)',
    route: 'schedule, every minute',
    runs,
    capacity: newCapacity(),
    wallMs: [],
    cpuMs: [],
    logBytes: 0,
  };
  await deps.slaTimers.run();
  for (let i = 0; i < runs; i++) {
    const t = await timed(meter, async () => {
      await deps.slaTimers.run();
      await deps.digest.run();
    });
    add(timerRuns.capacity, t.capacity);
    timerRuns.wallMs.push(t.wallMs);
    timerRuns.cpuMs.push(t.cpuMs);
  }

  return report({
    rec,
    mailRuns,
    timerRuns,
    mailsPerOrder,
    mailsSeen: mailbox.length,
    ordersFiled: total,
    byType,
    orderBytes,
    eventBytes,
  });
}

// ---------- the section ----------

const money = (x: number) =>
  x >= 100 ? `$${Math.round(x).toLocaleString('en')}` : x >= 1 ? `$${x.toFixed(2)}` : `$${x.toFixed(3)}`;
const f1 = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : 'n/a');
const f2 = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : 'n/a');

function report(r: {
  rec: Recorder;
  mailRuns: Measured;
  timerRuns: Measured;
  mailsPerOrder: { messages: number; recipients: number };
  mailsSeen: number;
  ordersFiled: number;
  byType: Map<string, number[]>;
  orderBytes: number;
  eventBytes: number[];
}): Section {
  const { rec } = r;
  const per = (m: Measured) => ({
    read: m.capacity.readUnits / m.runs,
    write: m.capacity.writeUnits / m.runs,
    requests: m.capacity.requests / m.runs,
    wall: median(m.wallMs),
    wallP95: quantile(m.wallMs, 0.95),
    cpu: median(m.cpuMs),
    lambda: lambdaMs(m),
    logBytes: m.logBytes / m.runs,
  });
  const opRows = [...rec.results, r.mailRuns, r.timerRuns].map((m) => {
    const p = per(m);
    const places = Object.entries(m.capacity.byPlace)
      .filter(([, v]) => v > 0)
      .map(([k, v]) => `${k} ${f2(v / m.runs)}`)
      .join(', ');
    return [
      m.op,
      m.route,
      f1(p.requests),
      f2(p.read),
      f2(p.write),
      places || '—',
      `${f1(p.wall)} / ${f1(p.wallP95)} ms`,
      `${f1(p.cpu)} ms`,
      `${Math.ceil(p.lambda)} ms`,
      m.runs > 0 && m.logBytes > 0 ? `${Math.round(p.logBytes)} B` : '—',
    ];
  });

  // Per order: API requests, capacity, Lambda time, log bytes.
  let apiRequests = 0;
  let readUnits = 0;
  let writeUnits = 0;
  let lambdaGbS = 0;
  let logBytes = 0;
  for (const [op, count] of PER_ORDER) {
    const p = per(rec.get(op));
    apiRequests += count;
    readUnits += count * p.read;
    writeUnits += count * p.write;
    lambdaGbS += (count * Math.ceil(p.lambda) * LAMBDA_MB) / 1024 / 1000;
    logBytes += count * (p.logBytes + ASSUME.platformLogBytes);
  }
  const mail = per(r.mailRuns);
  const mailsPerOrder = r.mailsPerOrder.messages;
  readUnits += mailsPerOrder * mail.read;
  writeUnits += mailsPerOrder * mail.write;
  // The mail worker takes stream records in batches of up to 10; counted here as one invocation per mail (at most).
  const mailInvocations = mailsPerOrder;
  lambdaGbS += (mailsPerOrder * Math.ceil(mail.lambda) * LAMBDA_MB) / 1024 / 1000;
  const timer = per(r.timerRuns);
  const timerRunsMonth = 60 * 24 * 30;

  // Storage per order: the finished order, its events, its mail, plus the order's copy in byCollection
  // (every index projects ALL) and 100 bytes of index overhead per item and per index entry.
  const outboxBytes = median(r.byType.get('outbox') ?? [0]) * mailsPerOrder;
  const items = 1 + r.eventBytes.length + mailsPerOrder;
  const storedBytes = r.orderBytes * 2 + r.eventBytes.reduce((a, b) => a + b, 0) + outboxBytes + 100 * (items + 1);

  const rows: string[][] = [];
  const totals: Array<{
    employees: number;
    total: number;
    perEmployee: number;
    jsm: number;
    jsmP: number;
    snow: number;
  }> = [];
  const line = (label: string, values: number[], format = money) => rows.push([label, ...values.map(format)]);
  const bills = COMPANIES.map((employees) => {
    const orders = employees * ASSUME.ordersPerEmployeeMonth;
    const agents = Math.max(1, Math.round(employees / ASSUME.employeesPerAgent));
    const mau = employees * ASSUME.activeShare + agents;
    const storedGb = (orders * ASSUME.retentionMonths * storedBytes) / 1e9;
    const requests = orders * apiRequests;
    const bill = {
      orders,
      agents,
      mau,
      requests,
      dynamoRequests:
        orders * (readUnits * PRICE.readUnit + writeUnits * PRICE.writeUnit) +
        timerRunsMonth * (timer.read * PRICE.readUnit + timer.write * PRICE.writeUnit),
      dynamoStorage: storedGb * (PRICE.storageGbMonth + PRICE.pitrGbMonth),
      storedGb,
      lambda:
        (orders * lambdaGbS + (timerRunsMonth * Math.ceil(timer.lambda) * LAMBDA_MB) / 1024 / 1000) * PRICE.gbSecond +
        (requests + orders * mailInvocations + timerRunsMonth) * PRICE.lambdaRequest,
      apiGateway: requests * PRICE.httpApiRequest,
      ses: orders * r.mailsPerOrder.recipients * PRICE.mail,
      logs: ((orders * logBytes + timerRunsMonth * ASSUME.platformLogBytes) / 1e9) * PRICE.logGb,
      xray: Math.max(0, requests * ASSUME.tracedShare - 100_000) * PRICE.trace,
      cognito: mau * PRICE.cognitoPlusMau,
      fixed: PRICE.fixedMonthly,
    };
    const total =
      bill.dynamoRequests +
      bill.dynamoStorage +
      bill.lambda +
      bill.apiGateway +
      bill.ses +
      bill.logs +
      bill.xray +
      bill.cognito +
      bill.fixed;
    totals.push({
      employees,
      total,
      perEmployee: total / employees,
      jsm: agents * ASSUME.jsmStandard,
      jsmP: agents * ASSUME.jsmPremium,
      snow: agents * ASSUME.serviceNow,
    });
    return bill;
  });
  const count = (x: number) => Math.round(x).toLocaleString('en');
  // The bill's lines in the table's order: what each counts (whole numbers) or costs (money).
  const billLines: Array<[label: string, field: keyof (typeof bills)[number], format?: (x: number) => string]> = [
    ['orders a month', 'orders', count],
    ['API requests a month', 'requests', count],
    ['agents (1 per 100 employees)', 'agents', count],
    ['monthly active users (60 % of employees + agents)', 'mau', count],
    ['DynamoDB requests (on demand)', 'dynamoRequests'],
    [`DynamoDB storage + backups (${ASSUME.retentionMonths} months of orders)`, 'dynamoStorage'],
    ['Lambda (requests + GB-s, arm64 256 MB)', 'lambda'],
    ['API Gateway (HTTP API)', 'apiGateway'],
    ['SES (per recipient)', 'ses'],
    ['CloudWatch Logs (ingestion)', 'logs'],
    ['X-Ray traces', 'xray'],
    ['Cognito (Plus plan, per MAU)', 'cognito'],
    ['fixed (secret, KMS key, alarms)', 'fixed'],
  ];
  for (const [label, field, format] of billLines) {
    const values = bills.map((b) => b[field]);
    line(label, values, format);
  }
  rows.push(['**Ordo on AWS, total a month**', ...totals.map((t) => `**${money(t.total)}**`)]);
  rows.push(['— per employee', ...totals.map((t) => money(t.perEmployee))]);
  rows.push(['— without Cognito', ...totals.map((t, i) => money(t.total - bills[i]!.cognito))]);
  rows.push([`Jira Service Management Standard (~$${ASSUME.jsmStandard}/agent)`, ...totals.map((t) => money(t.jsm))]);
  rows.push([`Jira Service Management Premium (~$${ASSUME.jsmPremium}/agent)`, ...totals.map((t) => money(t.jsmP))]);
  rows.push([`ServiceNow ITSM / HRSD (~$${ASSUME.serviceNow}/agent)`, ...totals.map((t) => money(t.snow))]);

  const sizeRows = [...r.byType]
    .sort((a, b) => median(b[1]) - median(a[1]))
    .map(([type, sizes]) => [type, String(sizes.length), `${Math.round(median(sizes))} B`, `${Math.max(...sizes)} B`]);

  const rowsOut: Row[] = [
    {
      figure: 'DynamoDB capacity per order (all API steps of the stated mix, and its mail)',
      target: 'report',
      measured: `${f1(readUnits)} read units, ${f1(writeUnits)} write units; create ${f2(per(rec.get('create order')).write)} WRU, order view ${f2(per(rec.get('order view (agent)')).read)} RRU, queue page ${f2(per(rec.get('queue page (agent)')).read)} RRU`,
      verdict: 'report',
    },
    {
      figure: 'mails per order (create → comment → claim → tick → resolve with survey)',
      target: 'report',
      measured: `${f1(r.mailsPerOrder.messages)} messages, ${f1(r.mailsPerOrder.recipients)} recipients (${r.mailsSeen} mails for ${r.ordersFiled} orders)`,
      verdict: 'report',
    },
    {
      figure: 'Lambda duration estimate per API request (mix) and per mail',
      target: 'report',
      measured: `${f1((lambdaGbS / apiRequests) * 1000 * (1024 / LAMBDA_MB))} ms a request on average, ${Math.ceil(mail.lambda)} ms a mail, ${Math.ceil(timer.lambda)} ms a timer run`,
      verdict: 'report',
    },
    ...totals.map((t) => ({
      figure: `monthly cost on AWS, ${t.employees.toLocaleString('en')} employees`,
      target: 'report (vs per-agent licences)',
      measured: `${money(t.total)} (${money(t.perEmployee)} per employee); JSM Standard ${money(t.jsm)}, ServiceNow ${money(t.snow)}`,
      verdict: 'report' as const,
    })),
  ];

  const details = [
    `Prices: on-demand list prices of ${REGION}, as of ${PRICES_AS_OF}: DynamoDB $0.625 per million write request ` +
      'units, $0.125 per million read request units, $0.25 per GB-month stored and $0.20 per GB-month of ' +
      'continuous backups (point-in-time recovery is on); Lambda arm64 $0.0000133334 per GB-second and $0.20 per ' +
      'million requests; API Gateway HTTP API $1.00 per million requests; SES $0.10 per 1,000 mails (per ' +
      'recipient); CloudWatch Logs $0.50 per GB ingested; X-Ray $5.00 per million traces recorded (100,000 free); ' +
      'Cognito Plus (the prod feature plan in infra/auth.ts) $0.02 per monthly active user (Essentials: $0.015, ' +
      'first 10,000 free); Secrets Manager $0.40 a secret, KMS $1 a key, CloudWatch alarms $0.10 each. Free tiers ' +
      "are left out except X-Ray's. DynamoDB Streams reads by the mail worker's trigger are free; EventBridge " +
      'Scheduler (one run a minute, 43,200 a month) stays within its free 14 million.',
    `Assumptions: ${ASSUME.ordersPerEmployeeMonth} order per employee per month (HR, IT, finance and facilities ` +
      `together); ${Math.round(ASSUME.activeShare * 100)} % of employees sign in at least once a month; one agent per ` +
      `${ASSUME.employeesPerAgent} employees; orders kept ${ASSUME.retentionMonths} months; per order the portal makes ` +
      `these API requests: ${PER_ORDER.map(([op, count]) => `${op} × ${count}`).join(', ')} (${f1(apiRequests)} in all); ` +
      `every request traced by X-Ray (the default sampling rule traces 1 a second and 5 % beyond, which at these ` +
      `rates is nearly all); ${ASSUME.platformLogBytes} bytes of platform log lines per request (API Gateway access ` +
      `log, Lambda's START/END/REPORT) on top of Ordo's own lines, measured. Lambda duration is estimated from ` +
      `in-process timings (a proxy, not a Lambda measurement): the process's CPU time per request divided by the ` +
      `CPU share of a ${LAMBDA_MB} MB function (${LAMBDA_MB}/1,769 of a vCPU), plus ${DYNAMO_MS} ms per DynamoDB ` +
      'request; cold starts are left out (a cold start bills ~0.25 GB × its init time, about $0.000003 each, so even ' +
      "one in ten requests cold would add less than a tenth to the Lambda line). Licences of the peers: Jira Service Management's published " +
      `per-agent prices (~$${ASSUME.jsmStandard} Standard, ~$${ASSUME.jsmPremium} Premium a month; less per agent at large ` +
      `volumes), ServiceNow's commonly quoted ~$${ASSUME.serviceNow} per fulfiller a month (it publishes no list ` +
      "price); all to verify. Their own infrastructure is included in the licence; Ordo's bill above is all of its infrastructure.",
    table(['', ...COMPANIES.map((c) => `${c.toLocaleString('en')} employees`)], rows),
    'Per operation, measured through the real Hono app in-process on DynamoDB Local, with ' +
      `${QUEUE_BACKLOG} other active orders in the HR queue so that a queue page reads a full 50 (warm: each ran once before ` +
      'the counted runs). Capacity as DynamoDB reports it (ReturnConsumedCapacity INDEXES: the table and each index; ' +
      'transactional writes counted at 2 units per KB, as DynamoDB documents — DynamoDB Local reports 4); wall time ' +
      'on this machine (p50 / p95) and the CPU time of the process (p50); the Lambda estimate as above; log bytes ' +
      "Ordo's own logger writes at the production level (info), per request.",
    table(
      [
        'operation',
        'route',
        'DynamoDB requests',
        'read units',
        'write units',
        'units by table / index',
        'wall (p50 / p95)',
        'CPU',
        'Lambda estimate',
        'log',
      ],
      opRows,
    ),
    `Item sizes (DynamoDB's rules: names and values in UTF-8, numbers ~1 byte per 2 digits), of every item written ` +
      `with a Put during the run, by type; a finished order item is ${r.orderBytes} B with ${r.eventBytes.length} ` +
      `timeline events (${r.eventBytes.reduce((a, b) => a + b, 0)} B). Stored per order with its mail and index copies: ~${Math.round(storedBytes)} B.`,
    table(['item type', 'written', 'median', 'largest'], sizeRows),
  ];
  return { id: 'cost', title: 'What Ordo costs to run on AWS', rows: rowsOut, unmet: [], details };
}
