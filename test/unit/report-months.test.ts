import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keys, partitions } from '#functions/storage/keys.ts';
import {
  DAYS_READ_DIRECTLY,
  type MonthRow,
  monthRowsOf,
  type Period,
  planReads,
  sumPlanned,
  wholeMonths,
  withMonthRows,
} from '#shared/report-months.ts';
import type { StatsRow } from '#shared/reports.ts';
import { addCounters, addDays, type Counters, mergeDeltas, type StatsDelta } from '#shared/stats.ts';

const FIRST = '2024-01-01';
const LAST_OFFSET = 3 * 366;
const day = (offset: number) => addDays(FIRST, offset);

/** The table as the transactions leave it: every change's deltas (with month rows) added up per row. */
function store(changes: StatsDelta[][]): { days: StatsRow[]; months: MonthRow[] } {
  const rows = new Map<string, StatsDelta>();
  for (const change of changes) {
    for (const d of mergeDeltas(withMonthRows(change))) {
      const id = `${d.kind}|${d.day}|${d.key}`;
      const found = rows.get(id);
      if (found) addCounters(found.counters, d.counters);
      else rows.set(id, { ...d, counters: { ...d.counters } });
    }
  }
  const all = [...rows.values()];
  return {
    days: all
      .filter((d) => d.kind === 'service' || d.kind === 'agent')
      .map((d) => ({ day: d.day, kind: d.kind as StatsRow['kind'], key: d.key, counters: d.counters })),
    months: all
      .filter((d) => d.kind === 'serviceMonth')
      .map((d) => ({ month: d.day, key: d.key, counters: d.counters })),
  };
}

/** What the Queries of a plan return: month rows of its month range, day rows of its day ranges. */
function read(plan: ReturnType<typeof planReads>, table: { days: StatsRow[]; months: MonthRow[] }) {
  const range = plan.monthRange;
  return {
    months: range ? table.months.filter((m) => m.month >= range.from && m.month <= range.to) : [],
    days: plan.dayRanges.flatMap((r) => table.days.filter((d) => d.day >= r.from && d.day <= r.to)),
  };
}

/** The sums the long way: every service day row of each period. */
function sumDays(periods: readonly Period[], days: readonly StatsRow[]): Array<Map<string, Counters>> {
  return periods.map((p) => {
    const sums = new Map<string, Counters>();
    for (const row of days) {
      if (row.kind !== 'service' || row.day < p.from || row.day > p.to) continue;
      sums.set(row.key, addCounters(sums.get(row.key) ?? {}, row.counters));
    }
    return sums;
  });
}

const counters = fc.dictionary(
  fc.constantFrom('created', 'resolved', 'resMet', 'h3', 'score5', 'sampledOut', 'std_v1'),
  fc.integer({ min: -3, max: 20 }),
  { minKeys: 1, maxKeys: 4 },
);
const change = fc
  .record({
    offset: fc.integer({ min: 0, max: LAST_OFFSET }),
    service: fc.constantFrom('s1', 's2', 's3'),
    agent: fc.option(fc.constantFrom('a1', 'a2'), { nil: undefined }),
    counters,
  })
  .map(({ offset, service, agent, counters: c }): StatsDelta[] => [
    { department: 'HR', day: day(offset), kind: 'service', key: service, counters: c },
    ...(agent ? [{ department: 'HR', day: day(offset), kind: 'agent' as const, key: agent, counters: { ...c } }] : []),
  ]);
const period = fc
  .record({ start: fc.integer({ min: 0, max: LAST_OFFSET }), days: fc.integer({ min: 1, max: 400 }) })
  .map(({ start, days }): Period => ({ from: day(start), to: day(start + days - 1) }));
/** The ranking's periods: one and the period of equal length just before it. */
const periodAndBefore = period.map((p): Period[] => {
  const days = Math.round((Date.parse(p.to) - Date.parse(p.from)) / 86_400_000) + 1;
  return [p, { from: addDays(p.from, -days), to: addDays(p.from, -1) }];
});

describe('month rollups of the report rows', () => {
  it('sums months and edge days exactly as every day, for random rows and periods', () => {
    fc.assert(
      fc.property(
        fc.array(change, { maxLength: 120 }),
        fc.oneof(periodAndBefore, fc.array(period, { minLength: 1, maxLength: 3 })),
        (changes, periods) => {
          const table = store(changes);
          const plan = planReads(periods);
          const { months, days } = read(plan, table);
          expect(sumPlanned(periods, plan, months, days)).toEqual(sumDays(periods, table.days));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('writes month rows that equal the backfill’s sums of the day rows', () => {
    fc.assert(
      fc.property(fc.array(change, { maxLength: 120 }), (changes) => {
        const table = store(changes);
        const byId = (rows: MonthRow[]) => new Map(rows.map((r) => [`${r.month}|${r.key}`, r.counters]));
        expect(byId(monthRowsOf(table.days))).toEqual(byId(table.months));
      }),
    );
  });

  it('reads each day of a period at most once and no day of its whole months', () => {
    fc.assert(
      fc.property(periodAndBefore, (periods) => {
        const plan = planReads(periods);
        const days = plan.dayRanges.flatMap((r) => {
          const n = Math.round((Date.parse(r.to) - Date.parse(r.from)) / 86_400_000) + 1;
          return Array.from({ length: n }, (_, i) => addDays(r.from, i));
        });
        expect(new Set(days).size).toBe(days.length);
        const whole = new Set(plan.months.flat());
        expect(days.filter((d) => whole.has(d.slice(0, 7)))).toEqual([]);
        // At most three partial months (the edges and the month the two periods share), 93 days.
        expect(plan.dayRanges.length).toBeLessThanOrEqual(3);
        expect(days.length).toBeLessThanOrEqual(DAYS_READ_DIRECTLY);
      }),
    );
  });

  it('plans the 365-day ranking as month rows and three partial months', () => {
    const periods = [
      { from: '2025-12-05', to: '2026-12-04' },
      { from: '2024-12-05', to: '2025-12-04' },
    ];
    const plan = planReads(periods);
    expect(plan.monthRange).toEqual({ from: '2025-01', to: '2026-11' });
    expect(plan.months.map((m) => [m[0], m.at(-1), m.length])).toEqual([
      ['2026-01', '2026-11', 11],
      ['2025-01', '2025-11', 11],
    ]);
    expect(plan.dayRanges).toEqual([
      { from: '2024-12-05', to: '2024-12-31' },
      { from: '2025-12-01', to: '2025-12-31' },
      { from: '2026-12-01', to: '2026-12-04' },
    ]);
  });

  it('reads a short span as days in one range, a whole month as its month row', () => {
    expect(
      planReads([
        { from: '2026-11-01', to: '2026-11-30' },
        { from: '2026-10-02', to: '2026-10-31' },
      ]),
    ).toEqual({ months: [[], []], dayRanges: [{ from: '2026-10-02', to: '2026-11-30' }] });
    expect(wholeMonths({ from: '2024-02-01', to: '2024-02-29' })).toEqual(['2024-02']);
    expect(wholeMonths({ from: '2024-02-02', to: '2024-03-30' })).toEqual([]);
    expect(wholeMonths({ from: '2025-12-31', to: '2026-03-31' })).toEqual(['2026-01', '2026-02', '2026-03']);
  });

  it('adds a service’s month row beside its day row, none for agents, customers or gauges', () => {
    const deltas: StatsDelta[] = [
      { department: 'HR', day: '2026-11-30', kind: 'service', key: 's1', counters: { created: 1 } },
      { department: 'HR', day: '2026-11-30', kind: 'agent', key: 'a1', counters: { resolved: 1 } },
      { department: 'HR', day: '2026-11-30', kind: 'person', key: 'p1', counters: { created: 1 } },
      { department: 'HR', day: '', kind: 'serviceLoad', key: 's1', counters: { open: 1 } },
    ];
    expect(withMonthRows(deltas).filter((d) => d.kind === 'serviceMonth')).toEqual([
      { department: 'HR', day: '2026-11', kind: 'serviceMonth', key: 's1', counters: { created: 1 } },
    ]);
  });

  it('keeps month rows in the report partition, after every day row', () => {
    const month = keys.statsRow('HR', '2026-11', 'serviceMonth', 's1');
    const { pk, skPrefix } = partitions.reportMonthRows('HR');
    expect(month.pk).toBe(pk);
    expect(month.pk).toBe(partitions.reportRows('HR').pk);
    expect(month.sk.startsWith(skPrefix)).toBe(true);
    // A Query of days reads sk BETWEEN from# AND to#~: never a month row.
    expect(month.sk > '9999-12-31#~').toBe(true);
    expect(keys.statsRow('HR', '2026-11-30', 'service', 's1').sk.startsWith(skPrefix)).toBe(false);
  });
});
