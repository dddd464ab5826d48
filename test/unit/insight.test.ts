import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildCapacity,
  buildCustomers,
  type CustomerRow,
  goalProgress,
  type LoadRow,
  linearForecast,
  weeklyBusinessMinutes,
  weeksEnding,
} from '#shared/insight.ts';
import type { DepartmentGoal, OrderStatus } from '#shared/model.ts';
import type { StatsRow } from '#shared/reports.ts';
import { mergeDeltas, orderDeltas, type StatsDelta, UNASSIGNED, weekStart } from '#shared/stats.ts';

describe('weeks', () => {
  it('starts weeks on Monday and counts back whole weeks', () => {
    expect(weekStart('2026-11-29')).toBe('2026-11-23'); // a Sunday
    expect(weekStart('2026-11-23')).toBe('2026-11-23');
    expect(weekStart('2027-01-01')).toBe('2026-12-28'); // across the year
    expect(weeksEnding('2026-11-23', 3)).toEqual(['2026-11-09', '2026-11-16', '2026-11-23']);
  });

  it('measures a working week from the calendar', () => {
    const day = [
      { start: '08:00', end: '12:00' },
      { start: '12:30', end: '16:30' },
    ];
    expect(weeklyBusinessMinutes({ timeZone: 'UTC', holidays: [], hours: { '1': day, '2': day, '5': day } })).toBe(
      3 * 480,
    );
    expect(weeklyBusinessMinutes({ timeZone: 'UTC', holidays: [], hours: {}, always: true })).toBe(10_080);
    expect(
      weeklyBusinessMinutes({ timeZone: 'UTC', holidays: [], hours: { '6': [{ start: '22:00', end: '24:00' }] } }),
    ).toBe(120);
  });
});

describe('linear forecast', () => {
  it('extends a straight line exactly and never goes below zero', () => {
    expect(linearForecast([2, 4, 6, 8], 2)).toEqual({ averagePerWeek: 5, trendPerWeek: 2, forecast: [10, 12] });
    expect(linearForecast([9, 6, 3, 0], 3).forecast).toEqual([0, 0, 0]);
    expect(linearForecast([], 2)).toEqual({ averagePerWeek: 0, trendPerWeek: 0, forecast: [0, 0] });
    expect(linearForecast([5], 1)).toEqual({ averagePerWeek: 5, trendPerWeek: 0, forecast: [5] });
  });

  it('keeps the mean and follows any line (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 20 }),
        fc.integer({ min: 0, max: 50 }),
        fc.integer({ min: 0, max: 5 }),
        (n, a, b) => {
          const weekly = Array.from({ length: n }, (_, t) => a + b * t);
          const { averagePerWeek, trendPerWeek, forecast } = linearForecast(weekly, 1);
          expect(trendPerWeek).toBeCloseTo(b, 5);
          expect(averagePerWeek).toBeCloseTo(a + (b * (n - 1)) / 2, 0);
          expect(forecast[0]).toBeCloseTo(a + b * n, 0);
        },
      ),
    );
  });
});

const person = (week: string, key: string, label: string, counters: Record<string, number>): CustomerRow => ({
  week,
  kind: 'person',
  key,
  label,
  counters,
});

describe('customers', () => {
  const weeks = ['2026-10-26', '2026-11-02', '2026-11-09', '2026-11-16'];
  const options = { weeks, dimension: 'department' as const, quietWeeks: 2, regularWeeks: 2, top: 10 };

  it('finds who stopped: regular before the quiet weeks, nothing in them', () => {
    const rows = [
      person('2026-10-26', 'eve', 'Eve', { created: 3 }),
      person('2026-11-02', 'eve', 'Eve', { created: 1 }),
      person('2026-10-26', 'once', 'Once', { created: 5 }), // one busy week is not a pattern
      person('2026-10-26', 'still', 'Still', { created: 1 }),
      person('2026-11-02', 'still', 'Still', { created: 1 }),
      person('2026-11-16', 'still', 'Still', { created: 1 }),
      person('2026-11-16', 'rater', 'Rater', { responses: 1, score5: 1 }), // a rating is not an order
      person('2026-10-26', 'rater', 'Rater', { created: 1 }),
      person('2026-11-02', 'rater', 'Rater', { created: 1 }),
    ];
    const view = buildCustomers(rows, options);
    // Eve: 4 orders in the 2 weeks before the quiet ones: 2 a week, 4 missed.
    expect(view.stopped.map((p) => [p.personId, p.activeWeeks, p.ordersPerWeek, p.missedOrders])).toEqual([
      ['eve', 2, 2, 4],
      ['rater', 2, 1, 2],
    ]);
    expect(view.totals).toMatchObject({ orders: 14, customers: 4, responses: 1, csat: 1 });
  });

  it('ignores rows outside the window and segments of other dimensions', () => {
    const rows: CustomerRow[] = [
      person('2026-10-19', 'old', 'Old', { created: 9 }),
      { week: '2026-11-02', kind: 'segment', key: 'department:Sales', label: 'Sales', counters: { created: 2 } },
      { week: '2026-11-02', kind: 'segment', key: 'location:Warsaw', label: 'Warsaw', counters: { created: 2 } },
      { week: '2026-11-02', kind: 'segment', key: 'department:', label: '', counters: { created: 1 } },
      person('2026-11-02', 'a', 'A', { created: 3 }),
    ];
    const view = buildCustomers(rows, options);
    expect(view.segments.map((s) => [s.value, s.orders, s.weekly])).toEqual([
      ['Sales', 2, [0, 2, 0, 0]],
      ['', 1, [0, 1, 0, 0]],
    ]);
    expect(view.topCustomers.map((p) => p.personId)).toEqual(['a']);
  });
});

describe('queue gauges follow every change of an order (property)', () => {
  const statuses: OrderStatus[] = [
    'awaiting_approval',
    'awaiting_inputs',
    'open',
    'in_progress',
    'waiting_for_customer',
    'resolved',
    'closed',
    'cancelled',
  ];
  const base = {
    department: 'HR',
    serviceId: 'svc',
    serviceVersion: 1,
    createdAt: '2026-11-02T08:00:00Z',
    updatedAt: '2026-11-02T08:00:00Z',
  };

  it('sums to the orders in the queue now, per assignee and per service', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.array(
            fc.record({
              status: fc.constantFrom(...statuses),
              assigneeId: fc.option(fc.constantFrom('hana', 'olivia'), { nil: undefined }),
            }),
            { minLength: 1, maxLength: 6 },
          ),
          { minLength: 1, maxLength: 5 },
        ),
        (histories) => {
          const deltas: StatsDelta[] = [];
          const last: Array<{ status: OrderStatus; assigneeId?: string }> = [];
          for (const history of histories) {
            let before: (typeof base & { status: OrderStatus; assigneeId?: string }) | undefined;
            for (const step of history) {
              const after = {
                ...base,
                status: step.status,
                ...(step.assigneeId ? { assigneeId: step.assigneeId } : {}),
              };
              deltas.push(...orderDeltas(before, after, 'x', 'UTC'));
              before = after;
            }
            last.push(history.at(-1)!);
          }
          const gauges = mergeDeltas(deltas).filter((d) => d.kind === 'agentLoad' || d.kind === 'serviceLoad');
          const active = new Set([
            'awaiting_approval',
            'awaiting_inputs',
            'open',
            'in_progress',
            'waiting_for_customer',
          ]);
          const open = last.filter((o) => active.has(o.status));
          const gauge = (kind: string, key: string) =>
            gauges.filter((g) => g.kind === kind && g.key === key).reduce((n, g) => n + (g.counters.open ?? 0), 0);
          expect(gauge('serviceLoad', 'svc')).toBe(open.length);
          for (const agent of ['hana', 'olivia', UNASSIGNED]) {
            const expected = open.filter((o) => (o.assigneeId ?? UNASSIGNED) === agent).length;
            expect(gauge('agentLoad', agent)).toBe(expected);
          }
        },
      ),
    );
  });
});

const day = (d: string, key: string, counters: Record<string, number>): StatsRow => ({
  day: d,
  kind: 'service',
  key,
  counters,
});

describe('goals', () => {
  const goal = (over: Partial<DepartmentGoal>): DepartmentGoal => ({
    id: 'g',
    metric: 'median_resolution',
    target: 60,
    from: '2026-11-01',
    to: '2026-11-30',
    ...over,
  });

  it('judges times as at most the target and names the services over it', () => {
    const rows = [
      day('2026-11-03', 'fast', { resolved: 4, h1: 4 }), // 15–30 min
      day('2026-11-04', 'slow', { resolved: 2, h4: 2 }), // 120–240 min
      day('2026-10-30', 'slow', { resolved: 50, h8: 50 }), // before the period
    ];
    const progress = goalProgress(goal({}), rows, '2026-11-16');
    // 6 resolved: rank 3 falls in the 15–30 bucket (4 of them): 15 + 3/4 × 15.
    expect(progress).toMatchObject({ status: 'met', value: 26.3, sample: 6, elapsed: 0.53 });
    // Over the 60-minute target: median of "slow" is 180, (180 − 60) ÷ 60 = 2 × 2 resolved = 4.
    expect(progress.pullingDown).toEqual([{ serviceId: 'slow', value: 180, sample: 2, impact: 4 }]);
    expect(goalProgress(goal({ target: 20 }), rows, '2026-11-16').status).toBe('missed');
    expect(goalProgress(goal({ serviceId: 'fast', target: 20 }), rows, '2026-11-16').pullingDown).toEqual([]);
  });

  it('says when there is nothing to judge yet', () => {
    expect(goalProgress(goal({ metric: 'csat', target: 0.9 }), [], '2026-11-16')).toMatchObject({
      status: 'no_data',
      sample: 0,
      trend: [],
    });
    expect(goalProgress(goal({ from: '2027-01-01', to: '2027-01-31' }), [], '2026-11-16')).toMatchObject({
      status: 'not_started',
      elapsed: 0,
    });
    expect(goalProgress(goal({ to: '2026-11-10' }), [], '2026-11-16').elapsed).toBe(1);
  });
});

describe('capacity', () => {
  it('needs no one when there is no demand, and says nothing without throughput', () => {
    const load: LoadRow[] = [{ kind: 'agentLoad', key: UNASSIGNED, counters: { open: 2 } }];
    const view = buildCapacity([], load, {
      weeks: ['2026-11-02', '2026-11-09'],
      horizon: 2,
      services: [{ id: 's', name: 'S', standardWeeks: 0.4 }],
      businessMinutesPerWeek: 2400,
      utilisation: 0.85,
    });
    expect(view.total.peopleNeeded).toBeUndefined();
    expect(view.total.resolvedPerPersonWeek).toBeUndefined();
    expect(view.unassigned).toBe(2);
    expect(view.services).toEqual([]);
  });
});
