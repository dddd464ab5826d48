import { DeleteCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { partitions } from '#functions/storage/keys.ts';
import { backfillReportMonths } from '#functions/workflows/backfill-report-months.ts';
import type {
  HandoffMapView,
  LivingCanvasView,
  OrderSummary,
  OrderView,
  Problem,
  ProcessMapView,
  RankingView,
  SipocResponse,
} from '#shared/api.ts';
import { bucketBounds, logBucket } from '#shared/histogram.ts';
import { type Caller, createHarness, type Harness } from './harness.ts';

/**
 * A hand-made day of HR onboarding (Warsaw, UTC+1; HR works 08:00–12:00 and 12:30–16:30; Facilities
 * 09:00–17:00). Stages of the service: triage → paperwork → handover. On Monday 2026-11-02:
 *
 *   09:00  Anna files O1, O2, O3 (all open at triage)
 *   09:30  Hana claims O1;  10:00 moves it to paperwork                  triage O1: 60 min
 *   11:00  Hana claims O2 and moves it to paperwork                      triage O2: 120 min
 *   11:00  Hana returns O1's manager input for rework                    paperwork O1: 60 min
 *   12:00  Hana rejects O3 as a duplicate                                triage O3: 180 min
 *   13:30  Anna hands the input back: O1 is open at paperwork again      awaiting inputs O1: 120 min
 *   14:00  Hana asks Anna about O2; 14:20 Anna answers (stays in paperwork)
 *   14:30  Hana claims O1 and moves it to handover                       paperwork O1: 60 min
 *   15:00  Hana hands O2 off to Facilities (desk); ticks O1's deliverables (one with a note)
 *   15:30  Hana moves O2 to handover                                     paperwork O2: 240 min
 *   15:30  Hana resolves O1                                              handover O1: 60 min
 *   16:00  Felix (Facilities) claims the hand-off                        boundary: 60 min
 */
let now = new Date('2026-11-02T08:00:00Z');
const at = (localTime: string) => {
  now = new Date(`2026-11-02T${localTime}:00+01:00`);
};

let h: Harness;
let anna: Caller;
let hana: Caller;
let henry: Caller;
let felix: Caller;
let numbers: { o1: string; o2: string; o3: string; child: string };

const SERVICE = 'hr-onboarding';
const PERIOD = 'from=2026-11-01&to=2026-11-30';

async function version(number: string): Promise<number> {
  return (await hana.json<OrderView>('GET', `/api/v1/orders/${number}`)).body.order.version;
}

async function act(who: Caller, number: string, body: Record<string, unknown>) {
  const res = await who.json<OrderView>('POST', `/api/v1/orders/${number}/transitions`, {
    version: await version(number),
    ...body,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

async function stage(number: string, to: string) {
  const res = await hana.json('POST', `/api/v1/orders/${number}/stage`, { version: await version(number), stage: to });
  expect(res.status).toBe(200);
}

async function file(): Promise<string> {
  const res = await anna.json<OrderView>('POST', '/api/v1/orders', {
    serviceId: SERVICE,
    answers: {
      fullName: 'Maria Nowak',
      startDate: '2026-12-01',
      contractType: 'Permanent',
      contractEnd: '2027-12-01',
      managerEmail: 'henry@example.com',
    },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.order.number;
}

beforeAll(async () => {
  h = await createHarness({ now: () => new Date(now) });
  [anna, hana, henry, felix] = [await h.as('anna'), await h.as('hana'), await h.as('henry'), await h.as('felix')];

  at('09:00');
  const o1 = await file();
  const o2 = await file();
  const o3 = await file();
  at('09:30');
  await act(hana, o1, { action: 'claim' });
  at('10:00');
  await stage(o1, 'paperwork');
  at('11:00');
  await act(hana, o2, { action: 'claim' });
  await stage(o2, 'paperwork');
  await act(hana, o1, { action: 'return_inputs', inputs: ['manager'], comment: 'Which manager?' });
  at('12:00');
  await act(hana, o3, { action: 'reject', reason: 'duplicate' });
  at('13:30');
  const handed = await anna.json('POST', `/api/v1/orders/${o1}/inputs/manager`, {
    version: await version(o1),
    done: true,
    note: 'Henry',
  });
  expect(handed.status).toBe(200);
  at('14:00');
  await act(hana, o2, { action: 'request_clarification', comment: 'Which building?' });
  at('14:20');
  await act(anna, o2, { action: 'answer_clarification', comment: 'Kraków' });
  at('14:30');
  await act(hana, o1, { action: 'claim' });
  await stage(o1, 'handover');
  at('15:00');
  const child = await hana.json<OrderView>('POST', `/api/v1/orders/${o2}/handoffs`, {
    version: await version(o2),
    serviceId: 'fac-desk',
    answers: { person: 'Maria Nowak', startDate: '2027-01-11', building: 'Kraków' },
  });
  expect(child.status, JSON.stringify(child.body)).toBe(201);
  for (const [id, note] of [
    ['record', 'Filed in the blue folder'],
    ['payroll', undefined],
    ['welcome', undefined],
  ] as const) {
    const res = await hana.json('POST', `/api/v1/orders/${o1}/deliverables/${id}`, {
      version: await version(o1),
      done: true,
      ...(note ? { note } : {}),
    });
    expect(res.status).toBe(200);
  }
  at('15:30');
  await stage(o2, 'handover');
  await act(hana, o1, { action: 'resolve' });
  at('16:00');
  const childNumber = child.body.order.number;
  const v = (await felix.json<OrderView>('GET', `/api/v1/orders/${childNumber}`)).body.order.version;
  expect(
    (await felix.json('POST', `/api/v1/orders/${childNumber}/transitions`, { version: v, action: 'claim' })).status,
  ).toBe(200);
  at('16:10');
  numbers = { o1, o2, o3, child: childNumber };
});
afterAll(() => h?.close());

/** The figure lies in the histogram bucket of the exact one. */
function nearly(figure: number | undefined, exact: number) {
  const [lower, upper] = bucketBounds(logBucket(exact));
  expect(figure).toBeGreaterThanOrEqual(lower);
  expect(figure).toBeLessThanOrEqual(upper);
}

describe('process map of a service', () => {
  let map: ProcessMapView;
  beforeAll(async () => {
    const res = await henry.json<ProcessMapView>('GET', `/api/v1/departments/HR/services/${SERVICE}/process?${PERIOD}`);
    expect(res.status).toBe(200);
    map = res.body;
  });
  const step = (id: string) => map.steps.find((s) => s.id === id)!;

  it('draws the steps in the flow’s order', () => {
    expect(map.steps.map((s) => s.id)).toEqual([
      'filed',
      'awaiting_inputs',
      'stage:triage',
      'stage:paperwork',
      'stage:handover',
      'resolved',
      'closed',
      'rejected',
    ]);
    expect(map.created).toBe(3);
  });

  it('says how many orders are at each step now', () => {
    expect(map.steps.map((s) => [s.id, s.now?.orders])).toEqual([
      ['filed', undefined],
      ['awaiting_inputs', 0],
      ['stage:triage', 0],
      ['stage:paperwork', 0],
      ['stage:handover', 1],
      ['resolved', 1],
      ['closed', undefined],
      ['rejected', undefined],
    ]);
  });

  it('times each step from hand-computed visits (median and p90 within their bucket)', () => {
    // triage 60, 120, 180; paperwork 60, 240, 60; awaiting inputs 120; handover 60.
    expect([step('stage:triage').timed, step('stage:triage').averageMinutes]).toEqual([3, 120]);
    nearly(step('stage:triage').medianMinutes, 120);
    nearly(step('stage:triage').p90Minutes, 180);
    expect([step('stage:paperwork').timed, step('stage:paperwork').averageMinutes]).toEqual([3, 120]);
    nearly(step('stage:paperwork').medianMinutes, 60);
    nearly(step('stage:paperwork').p90Minutes, 240);
    expect(step('stage:paperwork').targetMinutes).toBe(960);
    expect([step('awaiting_inputs').timed, step('awaiting_inputs').averageMinutes]).toEqual([1, 120]);
    expect([step('stage:handover').timed, step('stage:handover').averageMinutes]).toEqual([1, 60]);
    expect(step('stage:paperwork').entered).toBe(3);
  });

  it('counts the deviations leaving each step and the moves between steps', () => {
    expect(step('stage:triage').deviations).toEqual([{ kind: 'rejected', reason: 'duplicate', count: 1 }]);
    expect(step('stage:paperwork').deviations).toEqual([
      { kind: 'rework', count: 1 },
      { kind: 'clarification', count: 1 },
    ]);
    const flows = Object.fromEntries(map.flows.map((f) => [`${f.from}>${f.to}`, [f.count, f.kind]]));
    expect(flows).toEqual({
      'filed>stage:triage': [3, 'forward'],
      'stage:triage>stage:paperwork': [2, 'forward'],
      'stage:triage>rejected': [1, 'reject'],
      'stage:paperwork>awaiting_inputs': [1, 'rework'],
      'awaiting_inputs>stage:paperwork': [1, 'forward'],
      'stage:paperwork>stage:handover': [2, 'forward'],
      'stage:handover>resolved': [1, 'forward'],
    });
  });

  it('lists the orders of a step now', async () => {
    const res = await henry.json<OrderSummary[]>(
      'GET',
      `/api/v1/departments/HR/services/${SERVICE}/process/${encodeURIComponent('stage:handover')}`,
    );
    expect(res.status).toBe(200);
    expect(res.body.map((o) => o.number)).toEqual([numbers.o2]);
  });

  it('lists the resolved orders awaiting closure, the one the map counts there', async () => {
    expect(map.steps.filter((s) => s.listable).map((s) => s.id)).toEqual([
      'awaiting_inputs',
      'stage:triage',
      'stage:paperwork',
      'stage:handover',
      'resolved',
    ]);
    const res = await henry.json<OrderSummary[]>('GET', `/api/v1/departments/HR/services/${SERVICE}/process/resolved`);
    expect(res.status).toBe(200);
    expect(res.body.map((o) => o.status)).toEqual(['resolved']);
    expect(res.body.map((o) => o.number)).not.toContain(numbers.o2);
  });

  it('is read-only for the team and hidden from another department’s head', async () => {
    expect((await hana.json('GET', `/api/v1/departments/HR/services/${SERVICE}/process`)).status).toBe(200);
    const iris = await h.as('iris');
    expect((await iris.json('GET', `/api/v1/departments/HR/services/${SERVICE}/process`)).status).toBe(404);
    expect((await henry.json('GET', '/api/v1/departments/HR/services/it-laptop/process')).status).toBe(404);
  });

  it('reads the service, its process rows and its gauge row: never an order', async () => {
    await henry.json('GET', `/api/v1/departments/HR/services/${SERVICE}/process?${PERIOD}`);
    h.deps.db.calls.reset();
    await henry.json('GET', `/api/v1/departments/HR/services/${SERVICE}/process?${PERIOD}`);
    expect(h.deps.db.calls.snapshot()).toEqual({ GetItemCommand: 2, QueryCommand: 1 });
  });
});

describe('SIPOC of a service', () => {
  it('fills suppliers, inputs, process, outputs and customers from the same day', async () => {
    const res = await hana.json<SipocResponse>('GET', `/api/v1/departments/HR/services/${SERVICE}/sipoc?${PERIOD}`);
    expect(res.status).toBe(200);
    const sipoc = res.body;
    expect([sipoc.created, sipoc.resolved]).toEqual([3, 1]);
    expect(sipoc.words.outputs).toContain(''); // the head's words are the department canvas
    expect(sipoc.suppliers.segments).toEqual([{ value: 'Sales', count: 3, share: 1 }]);
    expect(sipoc.inputs.map((i) => [i.id, i.missing, i.returned])).toEqual([
      ['identity', 0, 0],
      ['manager', 0, 1],
    ]);
    expect(sipoc.inputs[1]!.returnedShare).toBeCloseTo(1 / 3);
    expect(sipoc.outputs.map((o) => [o.id, o.delivered, o.late, o.withNote])).toEqual([
      ['record', 1, 0, 1],
      ['payroll', 1, 0, 0],
      ['welcome', 1, 0, 0],
    ]);
    expect(sipoc.process.map((p) => p.id)).toEqual([
      'awaiting_inputs',
      'stage:triage',
      'stage:paperwork',
      'stage:handover',
    ]);
    expect(sipoc.customers.handoffsTo).toEqual([{ value: 'FAC', count: 1, share: 1 }]);
    expect(sipoc.customers.segments.department).toEqual([{ value: 'Sales', count: 3, share: 1 }]);

    const desk = await felix.json<SipocResponse>('GET', `/api/v1/departments/FAC/services/fac-desk/sipoc?${PERIOD}`);
    expect(desk.body.suppliers.handoffsFrom).toEqual([{ value: 'HR', count: 1, share: 1 }]);
  });

  it('reads the service and its process rows', async () => {
    await hana.json('GET', `/api/v1/departments/HR/services/${SERVICE}/sipoc?${PERIOD}`);
    h.deps.db.calls.reset();
    await hana.json('GET', `/api/v1/departments/HR/services/${SERVICE}/sipoc?${PERIOD}`);
    expect(h.deps.db.calls.snapshot()).toEqual({ GetItemCommand: 1, QueryCommand: 1 });
  });
});

describe('hand-off map of the company', () => {
  it('shows the department pair with its volume, rework and boundary time', async () => {
    const res = await henry.json<HandoffMapView>('GET', `/api/v1/handoffs?${PERIOD}`);
    expect(res.status).toBe(200);
    expect(res.body.pairs).toHaveLength(1);
    const pair = res.body.pairs[0]!;
    expect(pair).toMatchObject({ from: 'HR', to: 'FAC', handoffs: 1, reworked: 0, reworkShare: 0, claimed: 1 });
    nearly(pair.medianBoundaryMinutes, 60);
    expect(res.body.departments.map((d) => [d.code, d.name, d.sent, d.received])).toEqual([
      ['FAC', 'Facilities', 0, 1],
      ['HR', 'Human Resources', 1, 0],
    ]);
  });

  it('gives the pairs as CSV, to heads and administrators only', async () => {
    const csv = await henry.request('GET', `/api/v1/handoffs?${PERIOD}&format=csv`);
    expect(csv.status).toBe(200);
    const lines = (await csv.text()).split('\r\n');
    expect(lines[0]).toContain('from_department,to_department,handoffs');
    expect(lines[1]).toMatch(/^HR,FAC,1,0,0,,1,/);
    expect((await (await h.as('ada')).json('GET', '/api/v1/handoffs')).status).toBe(200);
    expect((await hana.json('GET', '/api/v1/handoffs')).status).toBe(403);
    expect((await anna.json('GET', '/api/v1/handoffs')).status).toBe(403);
  });

  it('reads the hand-off rows and the departments', async () => {
    await henry.json('GET', `/api/v1/handoffs?${PERIOD}`);
    h.deps.db.calls.reset();
    await henry.json('GET', `/api/v1/handoffs?${PERIOD}`);
    expect(h.deps.db.calls.snapshot()).toEqual({ QueryCommand: 2 });
  });
});

/**
 * The living canvas and the service ranking, on the same day plus HR certificates: two filed through
 * an API token on Wednesday 2026-10-14 (the period before November, and the canvas's first week), one
 * through the portal on 2026-11-02 at 16:20. So HR has, from 2026-10-12 to 2026-11-02: 6 orders (4 by
 * the portal, 2 by the API), all Anna's; in November onboarding 3 (none in October) and certificates
 * 1 (2 in October).
 */
describe('living canvas and service ranking', () => {
  beforeAll(async () => {
    const token = await henry.json<{ secret: string }>('POST', '/api/v1/departments/HR/api-tokens', {
      name: 'HR system',
      scopes: ['orders:file'],
      services: ['hr-certificate'],
      expiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    });
    expect(token.status).toBe(201);
    const system = h.withAuthorization(`Bearer ${token.body.secret}`);
    const certificate = { serviceId: 'hr-certificate', answers: { purpose: 'Bank' } };
    now = new Date('2026-10-14T10:00:00+02:00');
    for (let i = 0; i < 2; i++) {
      const res = await system.json('POST', '/api/v1/integration/orders', {
        ...certificate,
        requesterEmail: 'Anna.Kowalska@example.com',
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    }
    at('16:20');
    expect((await anna.json('POST', '/api/v1/orders', certificate)).status).toBe(201);
  });

  it('answers each section of the canvas with hand-computed figures', async () => {
    const res = await henry.json<LivingCanvasView>('GET', '/api/v1/departments/HR/canvas?weeks=4');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const canvas = res.body;
    expect([canvas.from, canvas.to, canvas.weeks]).toEqual([
      '2026-10-12',
      '2026-11-02',
      ['2026-10-12', '2026-10-19', '2026-10-26', '2026-11-02'],
    ]);
    expect(canvas.value).toEqual({
      created: 6,
      resolved: 1,
      topServices: [{ serviceId: SERVICE, name: expect.any(String), resolved: 1 }],
    });
    expect(canvas.customers).toMatchObject({
      customers: 1,
      orders: 6,
      segments: [{ value: 'Sales', orders: 6, share: 1 }],
      stopped: [],
    });
    expect(canvas.ordering).toEqual({
      orders: 6,
      channels: [
        { channel: 'portal', orders: 4, share: 4 / 6 },
        { channel: 'api', orders: 2, share: 2 / 6 },
      ],
      unrecorded: 0,
    });
    // O1, O2 claimed and O3 rejected: three first responses, all within the standard.
    expect(canvas.delivery).toMatchObject({ measured: 3, firstResponseOnTime: 1 });
    expect(canvas.processes.services.map((s) => [s.serviceId, s.created, s.reworks, s.clarifications]).sort()).toEqual([
      ['hr-certificate', 3, 0, 0],
      [SERVICE, 3, 1, 1],
    ]);
    // No rating yet: the satisfaction goal (85 %) has no figure to meet; O1 was resolved on time (goal 90 %).
    expect(canvas.quality).toEqual({ responses: 0, goal: { metric: 'csat', target: 0.85 } });
    expect(canvas.standards).toEqual({
      measured: 1,
      resolutionOnTime: 1,
      goal: { metric: 'resolution_on_time', target: 0.9, met: true },
    });
    // Complete weeks 12, 19 and 26 October: 2, 0, 0 orders; mean 0.7, slope −1 a week, forecast 0.
    // Open now: O2 and the three certificates; nobody resolved in those weeks.
    expect(canvas.resources).toEqual({
      averagePerWeek: 0.7,
      trendPerWeek: -1,
      forecastPerWeek: 0,
      open: 4,
      activeAgents: 0,
    });
    expect(canvas.partners).toEqual({ handsTo: [{ code: 'FAC', handoffs: 1, reworkShare: 0 }], receivesFrom: [] });
    expect(canvas.departmentNames).toEqual({ FAC: 'Facilities' });
  });

  it('is the head’s: the team and another head are refused', async () => {
    expect((await hana.json('GET', '/api/v1/departments/HR/canvas')).status).toBe(403);
    expect((await (await h.as('iris')).json('GET', '/api/v1/departments/HR/canvas')).status).toBe(404);
    expect((await hana.json('GET', '/api/v1/departments/HR/ranking')).status).toBe(403);
  });

  it('reads six aggregates for the canvas: never an order', async () => {
    await henry.json('GET', '/api/v1/departments/HR/canvas?weeks=4');
    h.deps.db.calls.reset();
    await henry.json('GET', '/api/v1/departments/HR/canvas?weeks=4');
    expect(h.deps.db.calls.snapshot()).toEqual({ QueryCommand: 6 });
  });

  /** The ranking's services as [id, rank, quality, penalty, score]. */
  async function ranked(query: string) {
    const res = await henry.json<RankingView>('GET', `/api/v1/departments/HR/ranking?${query}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.services.map((s) => [s.serviceId, s.rank, s.quality, s.penalty, s.score]);
  }

  // Over a year nothing came before: growth is 1 for both. Onboarding as over November (85.7);
  // certificates 3 after 0: quality 100, no penalty.
  const YEAR_SCORES = [
    [SERVICE, 1, 100, 14.3, 85.7],
    ['hr-certificate', 2, 100, 0, 100],
  ];

  it('ranks a year of whole months from the month rows alone: the services and one Query of months', async () => {
    expect(await ranked('from=2025-12-01&to=2026-11-30')).toEqual(YEAR_SCORES);
    h.deps.db.calls.reset();
    await ranked('from=2025-12-01&to=2026-11-30');
    expect(h.deps.db.calls.snapshot()).toEqual({ QueryCommand: 2 });
  });

  it('ranks 365 days to today from month rows and the partial months’ days: five Queries, whatever the history', async () => {
    // Certificates: October's month row (2) and today's day row (1); onboarding: today's day row.
    // The period before (2024-11-03 … 2025-11-02) shares November 2025 with the period: its days.
    expect(await ranked('from=2025-11-03&to=2026-11-02')).toEqual(YEAR_SCORES);
    h.deps.db.calls.reset();
    await ranked('from=2025-11-03&to=2026-11-02');
    // Services, month rows (December 2024 … October 2026), and the days of November 2024 (from the
    // 3rd), November 2025 and November 2026 (to the 2nd).
    expect(h.deps.db.calls.snapshot()).toEqual({ QueryCommand: 5 });
  });

  it('ranks the services by hand-computed scores and turns round when the head changes the weights', async () => {
    const res = await henry.json<RankingView>('GET', `/api/v1/departments/HR/ranking?${PERIOD}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const ranking = res.body;
    expect([ranking.previousFrom, ranking.previousTo, ranking.tuned]).toEqual(['2026-10-02', '2026-10-31', false]);
    // W = 3 + 3 + 1 = 7. Onboarding: on time 1/1, satisfaction assumed 1 (no ratings anywhere), growth 3
    // after 0 → 1: quality 100; penalties 100 × (2 × 1/3 + 1 × 1/3) ÷ 7 = 14.3; score 85.7.
    // Certificates: on time assumed 1 (the department's), satisfaction assumed 1, growth 1 after 2 → 0.25:
    // quality 100 × (3 + 3 + 0.25) ÷ 7 = 89.3; no penalty.
    expect(ranking.services.map((s) => [s.serviceId, s.rank, s.quality, s.penalty, s.score])).toEqual([
      [SERVICE, 1, 100, 14.3, 85.7],
      ['hr-certificate', 2, 89.3, 0, 89.3],
    ]);
    expect(ranking.services[1]!.indicators.onTime).toEqual({ value: 1, assumed: true, points: 42.9 });
    expect(ranking.services[0]!.penalties.rework).toEqual({ count: 1, rate: 0.333, points: 9.5 });

    const weights = { ...ranking.weights, rework: 0, clarifications: 0 };
    const bad = await henry.json<Problem>('PUT', `/api/v1/departments/HR/ranking?${PERIOD}`, {
      version: ranking.version,
      weights: { ...weights, onTime: 11 },
    });
    expect([bad.status, Object.keys(bad.body.fields ?? {})]).toEqual([400, ['weights.onTime']]);
    const saved = await henry.json<RankingView>('PUT', `/api/v1/departments/HR/ranking?${PERIOD}`, {
      version: ranking.version,
      weights,
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.tuned).toBe(true);
    expect(saved.body.services.map((s) => [s.serviceId, s.score])).toEqual([
      ['hr-certificate', 89.3],
      [SERVICE, 100],
    ]);
    const stale = await henry.json('PUT', `/api/v1/departments/HR/ranking?${PERIOD}`, {
      version: ranking.version,
      weights,
    });
    expect(stale.status).toBe(409);
    const again = await henry.json<RankingView>('GET', `/api/v1/departments/HR/ranking?${PERIOD}`);
    expect(again.body.weights).toEqual(weights);
  });

  it('reads the services and the report rows of both periods for the ranking', async () => {
    await henry.json('GET', `/api/v1/departments/HR/ranking?${PERIOD}`);
    h.deps.db.calls.reset();
    await henry.json('GET', `/api/v1/departments/HR/ranking?${PERIOD}`);
    expect(h.deps.db.calls.snapshot()).toEqual({ QueryCommand: 2 });
  });
});

/**
 * Report rows written before month rows existed: HR's month rows are taken away, so the year's ranking
 * misses them, and the backfill puts them back from the day rows.
 */
describe('month rows backfilled from the day rows', () => {
  const YEAR = 'from=2025-12-01&to=2026-11-30';
  const monthItems = async () => {
    const { pk, skPrefix } = partitions.reportMonthRows('HR');
    const out = await h.deps.db.doc.send(
      new QueryCommand({
        TableName: h.deps.db.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': pk, ':prefix': skPrefix },
        ConsistentRead: true,
      }),
    );
    return out.Items ?? [];
  };
  const scores = async () =>
    (await henry.json<RankingView>('GET', `/api/v1/departments/HR/ranking?${YEAR}`)).body.services.map((s) => [
      s.serviceId,
      s.score,
    ]);
  const backfill = (stats: Parameters<typeof backfillReportMonths>[0]['stats'] = h.deps.stats) => {
    const attempts: number[] = [];
    return backfillReportMonths(
      { departments: h.deps.departments, stats },
      { departments: ['HR'], progress: (p) => attempts.push(p.attempts) },
    ).then((result) => ({ ...result, attempts }));
  };

  it('puts month rows equal to the ones the changes wrote, and the same again on a second run', async () => {
    const written = await monthItems();
    // October and November of both services.
    expect(written.map((i) => i.sk).sort()).toEqual([
      'M#2026-10#S#hr-certificate',
      'M#2026-11#S#hr-certificate',
      `M#2026-11#S#${SERVICE}`,
    ]);
    const before = await scores();
    for (const item of written) {
      await h.deps.db.doc.send(
        new DeleteCommand({ TableName: h.deps.db.tableName, Key: { pk: item.pk, sk: item.sk } }),
      );
    }
    // Without month rows the year has no orders: no service to rank.
    expect(await scores()).toEqual([]);

    expect(await backfill()).toEqual({ departments: 1, monthRows: 3, attempts: [1] });
    const { writes: _w, ...counters } = written.find((i) => i.sk === `M#2026-11#S#${SERVICE}`)!;
    const put = await monthItems();
    expect(put.find((i) => i.sk === `M#2026-11#S#${SERVICE}`)).toEqual({ ...counters, writes: 0 });
    expect(await scores()).toEqual(before);

    expect(await backfill()).toEqual({ departments: 1, monthRows: 3, attempts: [1] });
    expect(await monthItems()).toEqual(put);
  });

  it('reads again when a change adds to a month row while it runs, and counts that change', async () => {
    let filed = false;
    const racing: Parameters<typeof backfillReportMonths>[0]['stats'] = {
      monthSnapshot: async (code) => {
        const snapshot = await h.deps.stats.monthSnapshot(code);
        if (!filed) {
          filed = true;
          const res = await anna.json('POST', '/api/v1/orders', {
            serviceId: 'hr-certificate',
            answers: { purpose: 'Visa' },
          });
          expect(res.status).toBe(201);
        }
        return snapshot;
      },
      putMonthRow: (code, row, seen) => h.deps.stats.putMonthRow(code, row, seen),
    };
    expect((await backfill(racing)).attempts).toEqual([2]);
    const november = (await monthItems()).find((i) => i.sk === 'M#2026-11#S#hr-certificate')!;
    // Two certificates filed in November (16:20 and now), the change counted once.
    expect([november.created, november.writes]).toEqual([2, 1]);
  });
});
