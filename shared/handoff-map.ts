/**
 * The company's hand-off map: departments as nodes, hand-offs between them as arrows with their
 * volume, the share returned for rework with the inputs most often missing, and the business time
 * lost at the boundary (from the hand-off until the receiving team claims it). Pure: from the
 * company's hand-off rows of a period (process-stats.ts), never from orders.
 */
import { bucketCounts, histogramQuantileOf } from './histogram.ts';
import { addCounters, type Counters } from './stats.ts';

export interface HandoffRow {
  /** The receiving department's local day, YYYY-MM-DD. */
  day: string;
  from: string;
  to: string;
  counters: Counters;
  /** `lbl|<service>|<input>` → the input's label. */
  labels: Record<string, string>;
}

export interface MissingInput {
  serviceId: string;
  inputId: string;
  label: string;
  count: number;
}

export interface HandoffPair {
  from: string;
  to: string;
  handoffs: number;
  reworked: number;
  reworkShare?: number;
  topMissing: MissingInput[];
  claimed: number;
  medianBoundaryMinutes?: number;
  p90BoundaryMinutes?: number;
}

export interface HandoffMap {
  from: string;
  to: string;
  departments: Array<{ code: string; sent: number; received: number }>;
  pairs: HandoffPair[];
  maxVolume: number;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

export function buildHandoffMap(
  rows: readonly HandoffRow[],
  period: { from: string; to: string },
  top = 3,
): HandoffMap {
  const byPair = new Map<string, { from: string; to: string; c: Counters; labels: Record<string, string> }>();
  for (const row of rows) {
    if (row.day < period.from || row.day > period.to) continue;
    const id = `${row.from}#${row.to}`;
    const pair = byPair.get(id) ?? { from: row.from, to: row.to, c: {}, labels: {} };
    addCounters(pair.c, row.counters);
    Object.assign(pair.labels, row.labels);
    byPair.set(id, pair);
  }
  const pairs: HandoffPair[] = [...byPair.values()]
    .map(({ from, to, c, labels }) => {
      const handoffs = c.n ?? 0;
      const reworked = c.rw ?? 0;
      const counts = bucketCounts(c, 'b');
      const median = histogramQuantileOf(counts, 0.5);
      const p90 = histogramQuantileOf(counts, 0.9);
      const topMissing = Object.entries(c)
        .filter(([name, count]) => name.startsWith('miss|') && count > 0)
        .map(([name, count]) => {
          const [, serviceId, inputId] = name.split('|') as [string, string, string];
          return { serviceId, inputId, label: labels[`lbl|${serviceId}|${inputId}`] ?? inputId, count };
        })
        .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label))
        .slice(0, top);
      const pair: HandoffPair = { from, to, handoffs, reworked, topMissing, claimed: c.claimed ?? 0 };
      if (handoffs > 0) pair.reworkShare = reworked / handoffs;
      if (median !== undefined) pair.medianBoundaryMinutes = round1(median);
      if (p90 !== undefined) pair.p90BoundaryMinutes = round1(p90);
      return pair;
    })
    .filter((p) => p.handoffs > 0 || p.claimed > 0 || p.reworked > 0)
    .sort((a, b) => b.handoffs - a.handoffs || a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
  const departments = new Map<string, { code: string; sent: number; received: number }>();
  const node = (code: string) => {
    const found = departments.get(code) ?? { code, sent: 0, received: 0 };
    departments.set(code, found);
    return found;
  };
  for (const p of pairs) {
    node(p.from).sent += p.handoffs;
    node(p.to).received += p.handoffs;
  }
  return {
    from: period.from,
    to: period.to,
    departments: [...departments.values()].sort((a, b) => a.code.localeCompare(b.code)),
    pairs,
    maxVolume: Math.max(0, ...pairs.map((p) => p.handoffs)),
  };
}

/** The department pairs as CSV rows (toCsv in reports.ts quotes them). */
export function handoffCsvRows(view: HandoffMap): Array<Record<string, unknown>> {
  return view.pairs.map((p) => ({
    from_department: p.from,
    to_department: p.to,
    handoffs: p.handoffs,
    returned_for_rework: p.reworked,
    rework_share_pct: p.reworkShare === undefined ? '' : Math.round(p.reworkShare * 1000) / 10,
    top_missing_inputs: p.topMissing.map((m) => `${m.label} (${m.count})`).join('; '),
    claimed: p.claimed,
    median_boundary_business_minutes: p.medianBoundaryMinutes ?? '',
    p90_boundary_business_minutes: p.p90BoundaryMinutes ?? '',
  }));
}
