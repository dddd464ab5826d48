/**
 * Month rollups of the report's service rows, so a long period reads a row per month and service
 * instead of one per day.
 *
 * Every change that adds to a service's day row adds the same counters to that service's month row
 * (`withMonthRows`, in the same transaction), so a month row always equals the sum of its day rows
 * (`monthRowsOf` computes it from them, for the backfill of months written before the rollups).
 * A long period is read as month rows for its whole months and day rows for the partial months at its
 * edges (`planReads`); `sumPlanned` adds them up per service, exactly as summing every day would. A
 * short span is read as days only (one Query; the edges of a long one are as long).
 */
import type { StatsRow } from './reports.ts';
import { addCounters, addDays, type Counters, type StatsDelta } from './stats.ts';

/** Local days, both included, YYYY-MM-DD. */
export interface Period {
  from: string;
  to: string;
}

/** A service's counters of a local month (YYYY-MM). */
export interface MonthRow {
  month: string;
  key: string;
  counters: Counters;
}

/**
 * Spans (first day of the earliest period to the last of the latest) up to this many days are read as
 * day rows in one Query: the day rows at the edges of a longer span are as many (three partial
 * months), so month rows only pay beyond it.
 */
export const DAYS_READ_DIRECTLY = 93;

/** The month of a local day, YYYY-MM. */
export function monthOf(day: string): string {
  return day.slice(0, 7);
}

function firstDay(month: string): string {
  return `${month}-01`;
}

function lastDay(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, m, 0)).toISOString().slice(0, 10);
}

function nextMonth(month: string): string {
  return monthOf(addDays(lastDay(month), 1));
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1;
}

/**
 * The deltas of a change with, for each service day row it adds to, the same counters for the
 * service's month row. A change adds one item to its transaction per service and month it touches:
 * one, in practice (an order's change counts on one day; a bundle's parts on one per service).
 */
export function withMonthRows(deltas: readonly StatsDelta[]): StatsDelta[] {
  const months: StatsDelta[] = deltas
    .filter((d) => d.kind === 'service' && d.day !== '')
    .map((d) => ({ ...d, kind: 'serviceMonth', day: monthOf(d.day), counters: { ...d.counters } }));
  return [...deltas, ...months];
}

/** The month rows of a set of day rows (service rows only; agent rows have none). */
export function monthRowsOf(rows: readonly StatsRow[]): MonthRow[] {
  const byRow = new Map<string, MonthRow>();
  for (const row of rows) {
    if (row.kind !== 'service') continue;
    const month = monthOf(row.day);
    const id = `${month}|${row.key}`;
    const found = byRow.get(id) ?? { month, key: row.key, counters: {} };
    addCounters(found.counters, row.counters);
    byRow.set(id, found);
  }
  return [...byRow.values()];
}

/** The whole months inside a period, in order. */
export function wholeMonths(period: Period): string[] {
  const months: string[] = [];
  let month = monthOf(period.from);
  if (firstDay(month) < period.from) month = nextMonth(month);
  while (lastDay(month) <= period.to) {
    months.push(month);
    month = nextMonth(month);
  }
  return months;
}

/** What to read for the periods: month rows of `monthRange`, day rows of each of `dayRanges`. */
export interface ReadPlan {
  /** Per period, its whole months, taken from month rows. */
  months: string[][];
  /** The month rows to read (months from … to), when any period has a whole month. */
  monthRange?: { from: string; to: string };
  /** The day rows to read: the periods' days outside their whole months, adjacent ranges joined. */
  dayRanges: Period[];
}

/**
 * The reads that give the service sums of each period: month rows for the whole months of each
 * period, day rows for the rest (a partial month at an edge of a period, a month two periods share).
 * A span of at most DAYS_READ_DIRECTLY days is read as days alone.
 */
export function planReads(periods: readonly Period[]): ReadPlan {
  const valid = periods.filter((p) => p.from <= p.to);
  if (valid.length === 0) return { months: periods.map(() => []), dayRanges: [] };
  const from = valid.map((p) => p.from).sort()[0]!;
  const to = valid
    .map((p) => p.to)
    .sort()
    .at(-1)!;
  if (daysBetween(from, to) <= DAYS_READ_DIRECTLY) {
    return { months: periods.map(() => []), dayRanges: joined(valid) };
  }
  const months = periods.map((p) => (p.from <= p.to ? wholeMonths(p) : []));
  const rest: Period[] = [];
  periods.forEach((p, i) => {
    if (p.from > p.to) return;
    const whole = months[i]!;
    if (whole.length === 0) {
      rest.push(p);
      return;
    }
    const start = firstDay(whole[0]!);
    const end = lastDay(whole.at(-1)!);
    if (p.from < start) rest.push({ from: p.from, to: addDays(start, -1) });
    if (end < p.to) rest.push({ from: addDays(end, 1), to: p.to });
  });
  const all = months.flat().sort();
  return {
    months,
    ...(all.length > 0 ? { monthRange: { from: all[0]!, to: all.at(-1)! } } : {}),
    dayRanges: joined(rest),
  };
}

/** Ranges of days sorted, overlapping or adjacent ones joined. */
function joined(ranges: readonly Period[]): Period[] {
  const sorted = [...ranges].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const out: Period[] = [];
  for (const r of sorted) {
    const last = out.at(-1);
    if (last && r.from <= addDays(last.to, 1)) {
      if (r.to > last.to) last.to = r.to;
    } else out.push({ ...r });
  }
  return out;
}

/**
 * Each period's counters per service, from the month rows and day rows the plan read: a month row
 * counts for a period whose whole month it is, a day row for a period it lies in outside those months.
 */
export function sumPlanned(
  periods: readonly Period[],
  plan: ReadPlan,
  monthRows: readonly MonthRow[],
  dayRows: readonly StatsRow[],
): Array<Map<string, Counters>> {
  return periods.map((period, i) => {
    const whole = new Set(plan.months[i] ?? []);
    const sums = new Map<string, Counters>();
    const add = (key: string, counters: Counters) => {
      const found = sums.get(key) ?? {};
      addCounters(found, counters);
      sums.set(key, found);
    };
    for (const row of monthRows) if (whole.has(row.month)) add(row.key, row.counters);
    for (const row of dayRows) {
      if (row.kind !== 'service' || row.day < period.from || row.day > period.to) continue;
      if (!whole.has(monthOf(row.day))) add(row.key, row.counters);
    }
    return sums;
  });
}
