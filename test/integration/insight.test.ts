import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CapacityResponse, CustomersResponse, GoalsView, OrderView, Problem } from '#shared/api.ts';
import { type Caller, createHarness, type Harness } from './harness.ts';

/**
 * A small, hand-computed month of HR certificates (Warsaw, UTC+1 in November; HR works 08:00–12:00
 * and 12:30–16:30, 2,400 minutes a week; the certificate's resolution standard is 2 working days).
 *
 *   week of 11-02: Anna and Ben order; Anna's is resolved, she rates it 2
 *   week of 11-09: Anna and Carl order; both resolved, rated 5 (Anna) and 3 (Carl)
 *   week of 11-16: Anna and Carl order; Hana claims both, Carl's waits for his answer
 *   week of 11-23: Anna orders                                 — and it is now Tue 11-24
 *
 * Every claim comes 30 working minutes after filing, every resolution 60.
 */
let now = new Date('2026-11-02T08:00:00Z');
const at = (day: string, localTime: string) => {
  now = new Date(`${day}T${localTime}:00+01:00`);
};

let h: Harness;
let anna: Caller;
let ben: Caller;
let carl: Caller;
let hana: Caller;
let henry: Caller;

beforeAll(async () => {
  h = await createHarness({ now: () => new Date(now) });
  [anna, ben, carl, hana, henry] = [
    await h.as('anna'),
    await h.as('ben'),
    await h.as('carl'),
    await h.as('hana'),
    await h.as('henry'),
  ];
});
afterAll(() => h?.close());

async function file(who: Caller): Promise<string> {
  const res = await who.json<OrderView>('POST', '/api/v1/orders', {
    serviceId: 'hr-certificate',
    answers: { purpose: 'Bank' },
  });
  expect(res.status).toBe(201);
  return res.body.order.number;
}

async function act(who: Caller, number: string, body: Record<string, unknown>) {
  const v = (await hana.json<OrderView>('GET', `/api/v1/orders/${number}`)).body.order.version;
  const res = await who.json<OrderView>('POST', `/api/v1/orders/${number}/transitions`, { version: v, ...body });
  expect(res.status).toBe(200);
}

async function resolve(day: string, number: string) {
  at(day, '09:30');
  await act(hana, number, { action: 'claim' });
  at(day, '10:00');
  const v = (await hana.json<OrderView>('GET', `/api/v1/orders/${number}`)).body.order.version;
  await hana.json('POST', `/api/v1/orders/${number}/deliverables/scan`, { version: v, done: true });
  await act(hana, number, { action: 'resolve' });
}

async function rate(who: Caller, day: string, number: string, score: number) {
  at(day, '10:05');
  expect((await who.json('POST', `/api/v1/orders/${number}/survey`, { score })).status).toBe(200);
}

beforeAll(async () => {
  at('2026-11-02', '09:00');
  const a1 = await file(anna);
  await file(ben);
  await resolve('2026-11-02', a1);
  await rate(anna, '2026-11-02', a1, 2);

  at('2026-11-09', '09:00');
  const a2 = await file(anna);
  const c2 = await file(carl);
  await resolve('2026-11-09', a2);
  await resolve('2026-11-09', c2);
  await rate(anna, '2026-11-09', a2, 5);
  await rate(carl, '2026-11-09', c2, 3);

  at('2026-11-16', '09:00');
  const a3 = await file(anna);
  const c3 = await file(carl);
  at('2026-11-16', '09:30');
  await act(hana, a3, { action: 'claim' });
  await act(hana, c3, { action: 'claim' });
  at('2026-11-16', '09:40');
  await act(hana, c3, { action: 'request_clarification', comment: 'Which bank?' });

  at('2026-11-23', '09:00');
  await file(anna);
  at('2026-11-24', '10:00');
});

describe('customers: who orders, who stopped, who is least satisfied', () => {
  it('answers the hand-computed figures from week rows only', async () => {
    await henry.json('GET', '/api/v1/departments/HR/customers'); // warms the department cache
    h.deps.db.calls.reset();
    const res = await henry.json<CustomersResponse>(
      'GET',
      '/api/v1/departments/HR/customers?weeks=4&quietWeeks=1&regularWeeks=2',
    );
    expect(res.status).toBe(200);
    expect(h.deps.db.calls.snapshot()).toEqual({ QueryCommand: 1 });
    const v = res.body;
    expect(v.weeks).toEqual(['2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23']);
    expect(v.totals).toEqual({ orders: 7, customers: 3, responses: 3, csat: 1 / 3 });
    expect(v.segments).toEqual([
      { value: 'Sales', orders: 4, share: 4 / 7, weekly: [1, 1, 1, 1], responses: 2, csat: 0.5, averageScore: 3.5 },
      { value: 'Marketing', orders: 2, share: 2 / 7, weekly: [0, 1, 1, 0], responses: 1, csat: 0, averageScore: 3 },
      { value: 'Engineering', orders: 1, share: 1 / 7, weekly: [1, 0, 0, 0], responses: 0 },
    ]);
    expect(v.topCustomers.map((p) => [p.name, p.orders, p.lastOrderWeek])).toEqual([
      ['Anna Kowalska', 4, '2026-11-23'],
      ['Carl Jensen', 2, '2026-11-16'],
      ['Ben Carter', 1, '2026-11-02'],
    ]);
    // Carl ordered in the 2 weeks before the last one and not since: 2 orders in 2 weeks, 1 a week.
    expect(v.stopped).toEqual([
      expect.objectContaining({ name: 'Carl Jensen', activeWeeks: 2, ordersPerWeek: 1, missedOrders: 1 }),
    ]);
    // Anna: 4 orders × ½ unhappy = 2; Carl: 2 orders × 1 = 2; ties go to the bigger customer.
    expect(v.leastSatisfied.map((p) => [p.name, p.unhappy, p.impact])).toEqual([
      ['Anna Kowalska', 1, 2],
      ['Carl Jensen', 1, 2],
    ]);
    expect(v.stoppedRule).toContain('at least 2 different weeks');
  });

  it('segments by location or job role on request', async () => {
    const byLocation = await henry.json<CustomersResponse>(
      'GET',
      '/api/v1/departments/HR/customers?weeks=4&segment=location',
    );
    expect(byLocation.body.segments.map((s) => [s.value, s.orders])).toEqual([
      ['Warsaw', 6],
      ['Kraków', 1],
    ]);
    const byRole = await henry.json<CustomersResponse>(
      'GET',
      '/api/v1/departments/HR/customers?weeks=4&segment=jobRole',
    );
    expect(byRole.body.segments.map((s) => s.value)).toEqual([
      'Account manager',
      'Marketing specialist',
      'Software engineer',
    ]);
  });

  it('refuses bad windows with field messages, and everyone but the head', async () => {
    const bad = await henry.json<Problem>('GET', '/api/v1/departments/HR/customers?weeks=4&quietWeeks=4');
    expect(bad.status).toBe(400);
    expect(bad.body.fields).toHaveProperty('quietWeeks');
    const segment = await henry.json<Problem>('GET', '/api/v1/departments/HR/customers?segment=shoe_size');
    expect(segment.status).toBe(400);
    expect(segment.body.fields).toHaveProperty('segment');
    expect((await hana.json('GET', '/api/v1/departments/HR/customers')).status).toBe(403);
    expect((await anna.json('GET', '/api/v1/departments/HR/customers')).status).toBe(404);
    expect((await henry.json('GET', '/api/v1/departments/IT/customers')).status).toBe(404);
  });
});

describe('capacity: demand, forecast, workload and the team the standard needs', () => {
  it('answers the hand-computed figures from counters and gauges only', async () => {
    h.deps.db.calls.reset();
    const res = await henry.json<CapacityResponse>('GET', '/api/v1/departments/HR/capacity?weeks=4&horizon=2');
    expect(res.status).toBe(200);
    // Services, report rows and queue gauges (the department is cached).
    expect(h.deps.db.calls.snapshot()).toEqual({ QueryCommand: 3 });
    const v = res.body;
    expect(v.weeks).toEqual(['2026-10-26', '2026-11-02', '2026-11-09', '2026-11-16']);
    expect(v.forecastWeeks).toEqual(['2026-11-23', '2026-11-30']);
    expect(v.businessMinutesPerWeek).toBe(2400);
    const certificate = v.services.find((s) => s.serviceId === 'hr-certificate')!;
    // Weekly 0,2,2,2: the empty first week is before any order (no history, not no demand), so
    // the line is fitted to 2,2,2: 2 a week, flat.
    expect(certificate).toMatchObject({
      weekly: [0, 2, 2, 2],
      averagePerWeek: 2,
      trendPerWeek: 0,
      forecast: [2, 2],
      open: 4,
      waiting: 1,
      resolved: 3,
      businessMinutes: 180,
      averageBusinessMinutes: 60,
      standardMinutes: 960,
    });
    // One agent resolved 3 in 4 weeks: 0.75 a week. Keeping up: 2 ÷ (0.75 × 0.85) ≈ 3.14;
    // clearing the 3 orders not waiting within the 0.4-week standard: 3 ÷ (0.75 × 0.4) = 10.
    expect(certificate.peopleNeeded).toBe(10);
    expect(v.total).toMatchObject({
      open: 4,
      resolved: 3,
      activeAgents: 1,
      resolvedPerPersonWeek: 0.8,
      peopleNeeded: 10,
    });
    expect(v.agents).toEqual([{ agentId: 'hana', open: 2, waiting: 1, resolved: 3, resolvedPerWeek: 0.8 }]);
    expect(v.unassigned).toBe(2);
    expect(v.peopleRule).toContain('85 %');
  });

  it('keeps the gauges equal to the queue as orders move', async () => {
    const before = (await henry.json<CapacityResponse>('GET', '/api/v1/departments/HR/capacity')).body;
    const number = await file(ben);
    at('2026-11-24', '10:30');
    await act(hana, number, { action: 'claim' });
    const during = (await henry.json<CapacityResponse>('GET', '/api/v1/departments/HR/capacity')).body;
    expect(during.agents.find((a) => a.agentId === 'hana')?.open).toBe(2 + 1);
    expect(during.unassigned).toBe(before.unassigned);
    await act(ben, number, { action: 'cancel', reason: 'Not needed after all' });
    const after = (await henry.json<CapacityResponse>('GET', '/api/v1/departments/HR/capacity')).body;
    expect(after.agents.find((a) => a.agentId === 'hana')?.open).toBe(2);
    expect(after.total.open).toBe(before.total.open);
  });
});

describe('goals: targets with a period, progress and what pulls them down', () => {
  it('saves the goals, shows progress, and puts them on the department page', async () => {
    const empty = await henry.json<GoalsView>('GET', '/api/v1/departments/HR/goals');
    expect(empty.status).toBe(200);
    const put = await henry.json<GoalsView>('PUT', '/api/v1/departments/HR/goals', {
      version: empty.body.version,
      goals: [
        { id: 'csat', metric: 'csat', target: 0.8, from: '2026-11-01', to: '2026-11-30' },
        { id: 'on-time', metric: 'resolution_on_time', target: 0.95, from: '2026-11-01', to: '2026-11-30' },
        {
          metric: 'median_first_response',
          target: 60,
          serviceId: 'hr-certificate',
          from: '2026-11-01',
          to: '2026-12-31',
        },
        { id: 'next-year', metric: 'csat', target: 0.9, from: '2027-01-01', to: '2027-03-31' },
      ],
    });
    expect(put.status).toBe(200);
    h.deps.db.calls.reset();
    const res = await henry.json<GoalsView>('GET', '/api/v1/departments/HR/goals');
    expect(h.deps.db.calls.snapshot()).toEqual({ QueryCommand: 2 });
    const [csat, onTime, firstResponse, nextYear] = res.body.goals;
    // Ratings 2, 5, 3: one in three is 4–5, below 80 %; all of it from certificates.
    expect(csat).toMatchObject({ status: 'missed', value: 1 / 3, sample: 3, elapsed: 0.8 });
    expect(csat!.pullingDown).toEqual([{ serviceId: 'hr-certificate', value: 1 / 3, sample: 3, impact: 140 }]);
    expect(onTime).toMatchObject({ status: 'met', value: 1, sample: 3, pullingDown: [] });
    // Six first responses (five above, one in the gauge test), each 30 working minutes: all in the
    // 15–30 bucket, so the median interpolates to 22.5.
    expect(firstResponse).toMatchObject({ goal: { id: 'goal-3' }, status: 'met', value: 22.5, sample: 6 });
    expect(firstResponse!.trend.map((t) => t.week)).toEqual(['2026-W45', '2026-W46', '2026-W47', '2026-W48']);
    expect(nextYear).toMatchObject({ status: 'not_started', elapsed: 0 });
    expect(res.body.serviceNames['hr-certificate']).toBe('Employment certificate');

    const page = await anna.json<{ department: { goals?: Array<{ id: string }> } }>('GET', '/api/v1/departments/HR');
    expect(page.body.department.goals?.map((g) => g.id)).toEqual(['csat', 'on-time', 'goal-3', 'next-year']);
  });

  it('refuses bad goals field by field, stale versions, and everyone but the head', async () => {
    const { version } = (await henry.json<GoalsView>('GET', '/api/v1/departments/HR/goals')).body;
    const bad = await henry.json<Problem>('PUT', '/api/v1/departments/HR/goals', {
      version,
      goals: [
        { metric: 'csat', target: 90, from: '2026-11-01', to: '2026-11-30' },
        { metric: 'resolution_on_time', target: 0.9, from: '2026-12-01', to: '2026-11-30' },
        { metric: 'happiness', target: 1, from: '2026-11-01', to: '2026-11-30' },
      ],
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.fields ?? {}).sort()).toEqual(['goals.0.target', 'goals.1.to', 'goals.2.metric']);
    const unknown = await henry.json<Problem>('PUT', '/api/v1/departments/HR/goals', {
      version,
      goals: [{ metric: 'csat', target: 0.9, serviceId: 'it-laptop', from: '2026-11-01', to: '2026-11-30' }],
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.fields).toHaveProperty(['goals.0.serviceId']);
    const stale = await henry.json('PUT', '/api/v1/departments/HR/goals', { version: version - 1, goals: [] });
    expect(stale.status).toBe(409);
    expect((await hana.json('PUT', '/api/v1/departments/HR/goals', { version, goals: [] })).status).toBe(403);
    expect((await carl.json('GET', '/api/v1/departments/HR/goals')).status).toBe(404);
    // Nothing was lost by the refusals.
    expect((await henry.json<GoalsView>('GET', '/api/v1/departments/HR/goals')).body.goals).toHaveLength(4);
  });
});
