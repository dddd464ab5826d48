/**
 * Reads per live process view as history grows (npm run bench -- --only=process): the process map
 * and SIPOC of a service, the company's hand-off map, the department's living canvas and its service
 * ranking, on a table holding the aggregates of 1k and of 100k orders.
 *
 * The aggregates are made, not filed: each synthetic order walks its service's flow (filed, some
 * awaiting inputs, the stages, some returned for rework, asked for clarification, rejected or handed
 * off, resolved, closed) and every step of the walk goes through the product's own `orderDeltas`
 * (shared/stats.ts: report, customer, gauge and process rows, with the services' month rows of
 * shared/report-months.ts), summed per item as DynamoDB's ADD would, and written
 * with the product key builder (`keys.statsRow`). Filing 100k orders through the API would take
 * about an hour on this machine; the rows are the same items either way (the integration test
 * test/integration/process-views.test.ts checks that the workflows write them). Business minutes
 * are counted 24×7 here to keep the walk fast; the reads do not depend on it.
 */

import { seedIfEmpty } from '../functions/local/seed.ts';
import { keys } from '../functions/storage/keys.ts';
import type { ProcessMapView } from '../shared/api.ts';
import type { BusinessCalendar } from '../shared/model.ts';
import type { ProcessOrder } from '../shared/process-stats.ts';
import { withMonthRows } from '../shared/report-months.ts';
import { addDays, addToRows, orderDeltas, type StatsDelta } from '../shared/stats.ts';
import { appFor, callerFor, expectOk } from './api.ts';
import type { BenchContext } from './context.ts';
import { benchConfigEnv, benchOidc, createBenchTable, depsFor, median, ms, quantile } from './env.ts';
import { BulkWriter, type Item } from './loader.ts';
import { measure, totalCalls } from './probe.ts';
import { type Row, type Section, table, verdict } from './results.ts';

const ALWAYS: BusinessCalendar = { timeZone: 'Europe/Warsaw', hours: {}, holidays: [], always: true };
const SERVICES = [
  { id: 'hr-onboarding', stages: ['triage', 'paperwork', 'handover'], inputs: ['identity', 'manager'] },
  { id: 'hr-certificate', stages: ['in_progress'], inputs: [] },
  { id: 'hr-contract-change', stages: ['preparation', 'signature'], inputs: ['budget'] },
  { id: 'hr-new-joiner', stages: ['coordination'], inputs: ['identity'] },
];
const DEPARTMENTS = ['IT', 'FIN', 'FAC'];
const SEGMENTS = ['Sales', 'Marketing', 'Engineering', 'Finance', 'HR', 'Legal'];
const CHANNELS = ['portal', 'portal', 'portal', 'email', 'api'];
const REQUESTERS = 200;

/** What a synthetic order carries for the report, customer and gauge rows besides its process step. */
type BenchOrder = ProcessOrder & {
  department: string;
  serviceId: string;
  serviceVersion: number;
  requesterId: string;
  requesterName: string;
  channel: string;
  status: string;
  createdAt: string;
  updatedAt: string;
  clocks?: {
    firstResponse: { stoppedAt?: string; outcome?: 'met' | 'breached'; usedMinutes: number; pausedMinutes: number };
    resolution: { stoppedAt?: string; outcome?: 'met' | 'breached'; usedMinutes: number; pausedMinutes: number };
  };
};

/** A small deterministic random source, so every run makes the same history. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function historyDays(size: number): number {
  return size <= 1_000 ? 120 : 730;
}

/** The process items of `size` synthetic orders over `days` days up to `today`. */
export function processHistory(size: number, today: string): Item[] {
  const random = rng(size);
  const days = historyDays(size);
  const rows = new Map<string, StatsDelta>();
  // The services' month rows beside their day rows, as the order's transaction writes them.
  const add = (deltas: StatsDelta[]) => addToRows(rows, withMonthRows(deltas));
  const end = Date.parse(`${today}T16:00:00Z`);
  for (let i = 0; i < size; i++) {
    const service = SERVICES[i % SERVICES.length]!;
    let t = end - Math.floor(random() * days) * 86_400_000 - Math.floor(random() * 8) * 3_600_000;
    const iso = () => new Date(t).toISOString();
    const handoff = random() < 0.1;
    const from = DEPARTMENTS[Math.floor(random() * DEPARTMENTS.length)]!;
    const missing = service.inputs.length > 0 && random() < 0.2;
    const requester = Math.floor(random() * REQUESTERS);
    let order: BenchOrder = {
      department: 'HR',
      serviceId: service.id,
      serviceVersion: 1,
      requesterId: `person-${requester}`,
      requesterName: `Person ${requester}`,
      channel: handoff ? 'handoff' : CHANNELS[Math.floor(random() * CHANNELS.length)]!,
      status: missing ? 'awaiting_inputs' : 'open',
      stage: service.stages[0]!,
      createdAt: iso(),
      updatedAt: iso(),
      stepSince: iso(),
      reworks: 0,
      inputs: service.inputs.map((id, k) => ({ id, label: id, required: true, done: !(missing && k === 0) })),
      deliverables: [{ id: 'done', label: 'Done', required: true, done: false }],
      requesterProfile: { department: SEGMENTS[Math.floor(random() * SEGMENTS.length)]! },
      ...(handoff ? { handoffFrom: { department: from, serviceId: 'x', number: `${from}-${i}` } } : {}),
    };
    add(orderDeltas(undefined, order, 'submitted', ALWAYS));
    // The order is still open when filed in the last days of the history.
    const open = t > end - 3 * 86_400_000 && random() < 0.5;
    const move = (patch: Partial<BenchOrder>, action: string) => {
      t += Math.floor(10 + random() * 600) * 60_000;
      const next: BenchOrder = { ...order, ...patch, updatedAt: iso() };
      next.stepSince = next.status === order.status && next.stage === order.stage ? order.stepSince : iso();
      add(orderDeltas(order, next, action, ALWAYS));
      order = next;
    };
    const clock = (minutes: number, limit: number) => ({
      stoppedAt: iso(),
      outcome: minutes <= limit ? ('met' as const) : ('breached' as const),
      usedMinutes: minutes,
      pausedMinutes: 0,
    });
    if (missing) move({ status: 'open', inputs: order.inputs?.map((x) => ({ ...x, done: true })) }, 'hand_input');
    const respondedIn = Math.floor(10 + random() * 300);
    move(
      {
        status: 'in_progress',
        assigneeId: 'hana',
        clocks: {
          firstResponse: clock(respondedIn, 240),
          resolution: { usedMinutes: respondedIn, pausedMinutes: 0 },
        },
      },
      'claim',
    );
    if (open) continue;
    if (random() < 0.05) {
      move({ status: 'rejected', closure: { reason: random() < 0.5 ? 'duplicate' : 'out_of_scope' } }, 'reject');
      continue;
    }
    for (const [k, stage] of service.stages.entries()) {
      if (k > 0) move({ stage }, 'stage_changed');
      if (random() < 0.08 && service.inputs.length) {
        move(
          {
            status: 'awaiting_inputs',
            reworks: (order.reworks ?? 0) + 1,
            inputs: order.inputs?.map((x, j) => (j === 0 ? { ...x, done: false } : x)),
          },
          'return_inputs',
        );
        move({ status: 'in_progress', inputs: order.inputs?.map((x) => ({ ...x, done: true })) }, 'hand_input');
      }
      if (random() < 0.1) {
        move({ status: 'waiting_for_customer' }, 'request_clarification');
        move({ status: 'in_progress' }, 'answer_clarification');
      }
    }
    const late = random() < 0.1;
    move(
      {
        status: 'resolved',
        clocks: {
          firstResponse: order.clocks!.firstResponse,
          resolution: clock(Math.round((t - Date.parse(order.createdAt)) / 60_000), 2400),
        },
        deliverables: [
          { id: 'done', label: 'Done', required: true, done: true, at: iso(), ...(late ? { note: 'late' } : {}) },
        ],
      },
      'resolve',
    );
    if (random() < 0.9) move({ status: 'closed' }, 'confirm');
  }
  return [...rows.values()].map((d) => {
    const item: Item = {
      ...keys.statsRow(d.department, d.day, d.kind, d.key),
      type: 'stats',
      kind: d.kind,
      key: d.key,
      day: d.day,
      ...d.labels,
    };
    for (const [name, value] of Object.entries(d.counters)) if (value !== 0) item[name] = value;
    return item;
  });
}

interface ViewFigures {
  calls: number;
  commands: string;
  itemsRead: number;
  p50: number;
  p95: number;
}

export async function runProcessViews(ctx: BenchContext): Promise<Section> {
  const sizes = [1_000, 100_000];
  const runs = ctx.quick ? 10 : 40;
  const results: Array<{ size: number; rows: number; load: number; views: Record<string, ViewFigures> }> = [];
  const today = new Date().toISOString().slice(0, 10);
  const views: Array<[string, (days: number) => string]> = [
    [
      'process map, 30 days',
      () => `/departments/HR/services/hr-onboarding/process?from=${addDays(today, -29)}&to=${today}`,
    ],
    [
      'process map, 365 days',
      () => `/departments/HR/services/hr-onboarding/process?from=${addDays(today, -364)}&to=${today}`,
    ],
    ['SIPOC, 30 days', () => `/departments/HR/services/hr-onboarding/sipoc?from=${addDays(today, -29)}&to=${today}`],
    ['hand-off map, 30 days', () => `/handoffs?from=${addDays(today, -29)}&to=${today}`],
    ['living canvas, 8 weeks', () => '/departments/HR/canvas?weeks=8'],
    ['service ranking, 30 days', () => `/departments/HR/ranking?from=${addDays(today, -29)}&to=${today}`],
    ['service ranking, 365 days', () => `/departments/HR/ranking?from=${addDays(today, -364)}&to=${today}`],
  ];
  for (const size of sizes) {
    // A table of its own per size; a storage budget of 5 s instead of the product's 1 s, since the
    // figures are requests (counted, not timed) and this machine is shared.
    const tableName = `ordo-bench-process-${process.pid}-${size}`;
    await createBenchTable(ctx.dynamo.endpoint, tableName);
    const env = {
      ...benchConfigEnv(ctx.dynamo.endpoint, ctx.ses.endpoint, tableName, await benchOidc()),
      STORAGE_ATTEMPT_MS: '5000',
    };
    const deps = depsFor(env);
    await seedIfEmpty(deps);
    const started = Date.now();
    const items = processHistory(size, today);
    const writer = new BulkWriter(ctx.dynamo.endpoint, tableName, 6);
    await writer.write(items);
    const load = (Date.now() - started) / 1000;
    ctx.log(`process views: ${size} orders → ${items.length} aggregate items in ${load.toFixed(1)} s`);
    const app = appFor(deps);
    const henry = await callerFor(app, deps, 'henry');
    const figures: Record<string, ViewFigures> = {};
    for (const [name, path] of views) {
      const url = path(0);
      const view = expectOk(name, await henry.json<ProcessMapView>('GET', url));
      if (name.startsWith('process map') && view.created === 0) throw new Error(`${name}: no orders in the map`);
      deps.db.calls.reset();
      const { tally } = await measure(() => henry.json('GET', url));
      const product = deps.db.calls.total();
      if (product !== totalCalls(tally))
        throw new Error(`${name}: the product counted ${product}, the probe ${totalCalls(tally)}`);
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const t0 = performance.now();
        await henry.json('GET', url);
        times.push(performance.now() - t0);
      }
      figures[name] = {
        calls: product,
        commands: Object.entries(tally.calls)
          .map(([c, n]) => `${c.replace(/Command$/, '')} ${n}`)
          .join(', '),
        itemsRead: tally.itemsRead,
        p50: median(times),
        p95: quantile(times, 0.95),
      };
    }
    results.push({ size, rows: items.length, load, views: figures });
  }
  const constant = views.every(([name]) =>
    results.every((r) => r.views[name]!.calls === results[0]!.views[name]!.calls),
  );
  const rows: Row[] = [
    {
      figure: 'DynamoDB requests per process view, 1k → 100k orders',
      target: 'constant',
      measured: views.map(([name]) => `${name}: ${results.map((r) => r.views[name]!.calls).join(' → ')}`).join('; '),
      verdict: verdict(constant),
    },
  ];
  const details = [
    "The aggregates of 1k orders over 120 days and of 100k orders over 730 days (four HR services, 10 % handed off from IT, FIN or FAC, some returned for rework, asked for clarification or rejected), made by walking each synthetic order (200 requesters; by portal, email, API or hand-off) through its flow with the product's `orderDeltas` (report, customer, gauge and process rows) and written with `keys.statsRow` (bench/process-views.ts; filing 100k orders through the API would take about an hour here). Every request goes through the whole app in-process as Henry (head of HR), on warm caches; requests are counted by the product's counter and the benchmark probe, which agree.",
    '',
    table(
      ['orders', 'history', 'aggregate items written', 'made and loaded in'],
      results.map((r) => [
        r.size.toLocaleString('en'),
        `${historyDays(r.size)} days`,
        r.rows.toLocaleString('en'),
        `${r.load.toFixed(1)} s`,
      ]),
    ),
    '',
    table(
      ['view', ...results.map((r) => `${r.size.toLocaleString('en')} orders: requests (items read), p50 / p95`)],
      views.map(([name]) => [
        name,
        ...results.map((r) => {
          const f = r.views[name]!;
          return `${f.calls}: ${f.commands} (${f.itemsRead}), ${ms(f.p50)} / ${ms(f.p95)}`;
        }),
      ]),
    ),
    '',
    "The process map reads the service (GetItem), its process rows of the period (one Query, one item per day with activity) and its gauge row (GetItem); the department comes from the 30-second cache. SIPOC reads the service and the process rows. The hand-off map reads the company's hand-off rows of the period (one Query) and the department list. A longer history adds items outside the period, which no view reads; items read are bounded by the days of the period (× department pairs for the hand-off map), not by orders: the 365-day map reads 121 items at 1k only because that history is 120 days long, and the hand-off map reads more rows at 100k because more department pairs hand off on each day (at most 12 pairs × 30 days here). A 365-day period stays one Query page below 1 MB. Listing a step's orders is the one read that grows: it pages through the department's queue (1 request per 100 active orders), like the at-risk list. The living canvas reads the department's services, its report rows and customer rows of the window, its gauge rows, the company's hand-off rows of the window and the department list (six Queries); the ranking reads the services and the services' sums of the period and the one before it: over 30 days (60 days of report rows) one Query of day rows (two Queries in all); over 365 days the services' month rows of the whole months (one Query, ~23 rows per service) and the day rows of the partial months at the edges only (the first month of the period before, the month the two periods share, the current month: three small Queries, in parallel), five Queries in all. Both are bounded by days × services (× requesters active in the window for the customer rows), not by orders; the 365-day ranking reads at most 93 days of day rows whatever the period's length, where it read all 730 days (3,654 rows and a second 1 MB page at 100k orders) before month rows.",
  ];
  return {
    id: 'process',
    title: 'Live process views: reads as history grows',
    rows,
    details,
    unmet: constant ? [] : ['The number of requests changed with the size of the history.'],
  };
}
