/**
 * Aggregates maintained on write (SPEC §8): per department, day and service, and per department,
 * day and agent. Each change to an order adds a few counters in the same transaction, so a report
 * over any period reads O(days × services) small items and never an order.
 *
 * Counters are flat numeric attributes (DynamoDB ADD works on them directly):
 *   created, resolved, rejected, cancelled, reopened, clarifications, reworks,
 *   frMet / frBreached, resMet / resBreached  (first response / resolution outcome when the clock stops)
 *   resolveBiz, resolveCal, resolvePaused      (sums of minutes to resolve: business time the team
 *                                              controlled (pauses excluded), calendar time, paused time)
 *   std_<ref>                                  (orders filed under each standard, e.g. std_v3_from_2026_12_01)
 *   h0 … h{N}                                  (histogram of business minutes to resolve, fixed buckets)
 *   f0 … f{N}                                  (the same histogram for business minutes to first response)
 *   rej_<reason>, breach_<stage>, low_<category>
 *   stage_<id>_min, stage_<id>_n               (business minutes held in a stage, and how many holds)
 *   invited, sampledOut, responses, score1 … score5
 *   ch_<channel>                               (orders filed by portal, email, api or handoff)
 */

import { ACTIVE_STATUSES } from './lifecycle.ts';
import type { BusinessCalendar, OrderStatus } from './model.ts';
import { type ProcessOrder, processDeltas } from './process-stats.ts';

/** Upper bounds (business minutes) of the time-to-resolve histogram buckets; the last is open-ended. */
export const RESOLVE_BUCKETS = [15, 30, 60, 120, 240, 480, 960, 1440, 2400, 4800, 9600, 19200] as const;

export const LOW_SCORE_CATEGORIES = [
  'too_slow',
  'incomplete',
  'not_what_i_asked',
  'unclear_communication',
  'other',
] as const;
export type LowScoreCategory = (typeof LOW_SCORE_CATEGORIES)[number];

export type Counters = Record<string, number>;

export function bucketOf(minutes: number): number {
  const i = RESOLVE_BUCKETS.findIndex((upper) => minutes <= upper);
  return i === -1 ? RESOLVE_BUCKETS.length : i;
}

/** Attribute names must be plain words for DynamoDB expressions; ids are folded to [A-Za-z0-9_]. */
export function counterName(prefix: string, id: string): string {
  return `${prefix}_${id.replace(/[^A-Za-z0-9_]/g, '_').slice(0, 60)}`;
}

export function addCounters(into: Counters, delta: Counters): Counters {
  for (const [k, v] of Object.entries(delta)) into[k] = (into[k] ?? 0) + v;
  return into;
}

/**
 * A quantile of a histogram (`h`: minutes to resolve, `f`: minutes to first response), interpolated linearly inside the bucket that holds it (the bucket
 * below 15 min starts at 0; the open-ended last bucket reports its lower bound).
 */
export function histogramQuantile(counters: Counters, q: number, prefix: 'h' | 'f' = 'h'): number | undefined {
  const counts = Array.from({ length: RESOLVE_BUCKETS.length + 1 }, (_, i) => counters[`${prefix}${i}`] ?? 0);
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0) return undefined;
  const rank = q * total;
  let seen = 0;
  for (let i = 0; i < counts.length; i++) {
    const n = counts[i]!;
    if (n > 0 && seen + n >= rank) {
      const lower = i === 0 ? 0 : RESOLVE_BUCKETS[i - 1]!;
      const upper = RESOLVE_BUCKETS[i];
      if (upper === undefined) return lower;
      return lower + ((rank - seen) / n) * (upper - lower);
    }
    seen += n;
  }
  return RESOLVE_BUCKETS.at(-1);
}

/**
 * Which aggregate a counter row belongs to:
 *   service, agent   per local day (the report);
 *   serviceMonth     the service rows of a local month summed (report-months.ts); `day` is YYYY-MM;
 *   person, segment  per local week, who orders (the customers view); `day` is the week's Monday;
 *   serviceLoad, agentLoad  gauges of the orders in the queue now (work in progress); `day` is '';
 *   process          per service and local day, the steps of its flow (process-stats.ts);
 *   handoff          per department pair and local day, company-wide (process-stats.ts).
 */
export type StatsKind =
  | 'service'
  | 'agent'
  | 'serviceMonth'
  | 'person'
  | 'segment'
  | 'serviceLoad'
  | 'agentLoad'
  | 'process'
  | 'handoff';

export interface StatsDelta {
  department: string;
  /**
   * Local date of the department, YYYY-MM-DD (the Monday of the week for customer rows; the month,
   * YYYY-MM, for month rows; '' for gauges).
   */
  day: string;
  kind: StatsKind;
  key: string;
  counters: Counters;
  /** Words set on the row for display, e.g. the person's name or the segment's value. */
  labels?: Record<string, string>;
}

/** Requester profile attributes a department can segment its customers by (SPEC §2 customer segments). */
export const SEGMENT_DIMENSIONS = ['department', 'location', 'jobRole'] as const;
export type SegmentDimension = (typeof SEGMENT_DIMENSIONS)[number];

/** A local date moved by whole days (calendar arithmetic, no time zone involved), YYYY-MM-DD. */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The Monday of the ISO week of a local date, YYYY-MM-DD. */
export function weekStart(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
  return date.toISOString().slice(0, 10);
}

/** The local date of an instant in a time zone, YYYY-MM-DD. */
export function localDay(at: string, timeZone: string): string {
  return dayFormat(timeZone).format(new Date(at));
}

/** Building an Intl formatter costs far more than using one; one per time zone is kept. */
const dayFormats = new Map<string, Intl.DateTimeFormat>();
function dayFormat(timeZone: string): Intl.DateTimeFormat {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  return format;
}

/** Adds deltas to the rows they hit (by counter row), a new row for a delta that hits none yet. */
export function addToRows(rows: Map<string, StatsDelta>, deltas: Iterable<StatsDelta>): void {
  for (const d of deltas) {
    const id = `${d.department}|${d.day}|${d.kind}|${d.key}`;
    const found = rows.get(id);
    if (found) {
      addCounters(found.counters, d.counters);
      if (d.labels) found.labels = { ...found.labels, ...d.labels };
    } else rows.set(id, { ...d, counters: { ...d.counters } });
  }
}

/** Merges deltas that hit the same counter row (a transaction may touch each item once). */
export function mergeDeltas(deltas: StatsDelta[]): StatsDelta[] {
  const byRow = new Map<string, StatsDelta>();
  addToRows(byRow, deltas);
  return [...byRow.values()].filter((d) => Object.values(d.counters).some((v) => v !== 0));
}

interface ClockLike {
  stoppedAt?: string;
  outcome?: 'met' | 'breached';
  usedMinutes: number;
  pausedMinutes: number;
}

interface OrderLike extends ProcessOrder {
  department: string;
  serviceId: string;
  requesterId?: string;
  requesterName?: string;
  requesterProfile?: Partial<Record<SegmentDimension, string>>;
  serviceVersion: number;
  standardRef?: string;
  channel?: string;
  status: string;
  assigneeId?: string;
  createdAt: string;
  updatedAt: string;
  closure?: { reason: string };
  clocks?: { firstResponse: ClockLike; resolution: ClockLike };
  holds?: Array<{ stage: string; to?: string; businessMinutes?: number }>;
}

/**
 * The counters one change of an order adds, for its service row and its assignee's row, and the
 * process aggregates (process-stats.ts). `before` is undefined when the order is filed. With only a
 * time zone instead of the department's calendar, the business minutes per step are left out.
 */
export function orderDeltas(
  before: OrderLike | undefined,
  after: OrderLike,
  action: string,
  zone: string | BusinessCalendar,
): StatsDelta[] {
  const calendar = typeof zone === 'string' ? undefined : zone;
  const timeZone = typeof zone === 'string' ? zone : zone.timeZone;
  const day = localDay(after.updatedAt, timeZone);
  const service: Counters = {};
  const agent: Counters = {};
  const both = (name: string, n = 1) => {
    service[name] = (service[name] ?? 0) + n;
    agent[name] = (agent[name] ?? 0) + n;
  };
  if (!before) {
    service.created = 1;
    service[counterName('std', after.standardRef ?? `v${after.serviceVersion}`)] = 1;
    if (after.channel) service[counterName('ch', after.channel)] = 1;
  }
  const statusChanged = before !== undefined && before.status !== after.status;
  if (statusChanged && after.status === 'rejected') {
    service.rejected = 1;
    service[counterName('rej', after.closure?.reason ?? 'other')] = 1;
  }
  if (statusChanged && after.status === 'cancelled') service.cancelled = 1;
  if (action === 'reopen') service.reopened = 1;
  if (action === 'request_clarification') service.clarifications = 1;
  if (action === 'return_inputs') service.reworks = 1;

  const fr = after.clocks?.firstResponse;
  if (fr?.stoppedAt && !before?.clocks?.firstResponse.stoppedAt && after.status !== 'cancelled') {
    both(fr.outcome === 'breached' ? 'frBreached' : 'frMet');
    both(`f${bucketOf(fr.usedMinutes)}`);
  }
  const res = after.clocks?.resolution;
  if (statusChanged && after.status === 'resolved' && res) {
    both('resolved');
    both(res.outcome === 'breached' ? 'resBreached' : 'resMet');
    both(`h${bucketOf(res.usedMinutes)}`);
    both('resolveBiz', Math.round(res.usedMinutes));
    both('resolvePaused', Math.round(res.pausedMinutes));
    both('resolveCal', Math.round((Date.parse(after.updatedAt) - Date.parse(after.createdAt)) / 60_000));
  }
  const closedBefore = new Set((before?.holds ?? []).map((h, i) => (h.to ? i : -1)));
  (after.holds ?? []).forEach((hold, i) => {
    if (hold.to && !closedBefore.has(i)) {
      service[`${counterName('stage', hold.stage)}_min`] =
        (service[`${counterName('stage', hold.stage)}_min`] ?? 0) + (hold.businessMinutes ?? 0);
      service[`${counterName('stage', hold.stage)}_n`] = (service[`${counterName('stage', hold.stage)}_n`] ?? 0) + 1;
    }
  });

  const deltas: StatsDelta[] = [
    { department: after.department, day, kind: 'service', key: after.serviceId, counters: service },
  ];
  if (after.assigneeId && Object.keys(agent).length > 0) {
    deltas.push({ department: after.department, day, kind: 'agent', key: after.assigneeId, counters: agent });
  }
  if (!before && after.requesterId) {
    deltas.push(...customerDeltas(after, weekStart(day), { created: 1 }));
  }
  deltas.push(...loadDeltas(before, -1), ...loadDeltas(after, 1));
  deltas.push(...processDeltas(before, after, action, day, calendar));
  return mergeDeltas(deltas);
}

/** Who is not assigned yet, on the agent load gauges. */
export const UNASSIGNED = '-';

/**
 * The queue gauges an order adds to (+1) or takes from (-1): open orders per service and per
 * assignee, with a count per status. A change adds its `after` and takes its `before`, so the
 * gauges always equal the orders in the queue, without reading them.
 */
function loadDeltas(order: OrderLike | undefined, sign: 1 | -1): StatsDelta[] {
  if (!order || !ACTIVE_STATUSES.has(order.status as OrderStatus)) return [];
  const counters: Counters = { open: sign, [`st_${order.status}`]: sign };
  return [
    { department: order.department, day: '', kind: 'serviceLoad', key: order.serviceId, counters },
    { department: order.department, day: '', kind: 'agentLoad', key: order.assigneeId ?? UNASSIGNED, counters },
  ];
}

/**
 * Counters for the customers view: the requester's own row and one row per segment value of their
 * profile, in the week of `week`.
 */
export function customerDeltas(order: OrderLike, week: string, counters: Counters): StatsDelta[] {
  if (!order.requesterId) return [];
  const rows: StatsDelta[] = [
    {
      department: order.department,
      day: week,
      kind: 'person',
      key: order.requesterId,
      counters: { ...counters },
      labels: { label: order.requesterName ?? order.requesterId },
    },
  ];
  for (const dimension of SEGMENT_DIMENSIONS) {
    const value = order.requesterProfile?.[dimension]?.trim() ?? '';
    rows.push({
      department: order.department,
      day: week,
      kind: 'segment',
      key: `${dimension}:${value}`.slice(0, 200),
      counters: { ...counters },
      labels: { label: value, dimension },
    });
  }
  return rows;
}
