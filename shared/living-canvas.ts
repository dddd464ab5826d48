/**
 * The living canvas: each section of a department's canvas (its head's words, model.ts Canvas) beside
 * the live figure that answers it, over a window of weeks. Pure: from the aggregates the other views
 * read (report rows, customer rows, queue gauges, hand-off rows), never from orders.
 *
 *   value          orders filed and resolved, the services that delivered most
 *   customers      customers and segments that ordered, and the regulars who stopped (insight.ts)
 *   delivery       how to order and how we tell the status (howToOrder): first response on time and
 *                  median times, against a first-response goal
 *   ordering       the channels: the share of orders by channel (portal, email, API, hand-off)
 *   processes      the busiest services with their returns for rework and clarifications
 *   quality        satisfaction (ratings 4–5) against the department's satisfaction goal
 *   standards      resolutions on time against the department's on-time goal
 *   resources      capacity against demand (insight.ts buildCapacity)
 *   partners       the departments it hands off to and receives from (handoff-map.ts)
 */
import { buildHandoffMap, type HandoffRow } from './handoff-map.ts';
import {
  buildCapacity,
  buildCustomers,
  type CapacityOptions,
  type CustomerRow,
  goalValue,
  type LoadRow,
  meets,
} from './insight.ts';
import { type Canvas, type DepartmentGoal, type GoalMetric, ORDER_CHANNELS, type OrderChannel } from './model.ts';
import { type StatsRow, share, sumRows } from './reports.ts';
import { type Counters, histogramQuantile } from './stats.ts';

/** The canvas's sections in the order the page shows them, each with the canvas field it answers. */
export const CANVAS_SECTIONS = [
  ['value', 'value'],
  ['customers', 'customerSegments'],
  ['delivery', 'howToOrder'],
  ['ordering', 'channels'],
  ['processes', 'keyProcesses'],
  ['quality', 'qualityChecks'],
  ['standards', 'standardsAndMetrics'],
  ['resources', 'resources'],
  ['partners', 'partners'],
] as const satisfies ReadonlyArray<readonly [string, keyof Canvas]>;
export type CanvasSection = (typeof CANVAS_SECTIONS)[number][0];

/** A figure against the department's goal for it, when one runs today. */
export interface AgainstGoal {
  metric: GoalMetric;
  target: number;
  /** The window's figure meets the target. */
  met?: boolean;
}

export interface LivingCanvas {
  /** The window: week starts, the first day and today. */
  weeks: string[];
  from: string;
  to: string;
  value: {
    created: number;
    resolved: number;
    topServices: Array<{ serviceId: string; name: string; resolved: number }>;
  };
  customers: {
    customers: number;
    orders: number;
    segments: Array<{ value: string; orders: number; share: number }>;
    stopped: Array<{ personId: string; name: string; missedOrders: number }>;
    quietWeeks: number;
  };
  ordering: {
    orders: number;
    channels: Array<{ channel: OrderChannel; orders: number; share: number }>;
    /** Orders filed before channels were recorded. */
    unrecorded: number;
  };
  delivery: {
    firstResponseOnTime?: number;
    measured: number;
    medianFirstResponseMinutes?: number;
    medianResolutionMinutes?: number;
    goal?: AgainstGoal;
  };
  processes: {
    services: Array<{ serviceId: string; name: string; created: number; reworks: number; clarifications: number }>;
    reworks: number;
    clarifications: number;
  };
  quality: { csat?: number; responses: number; goal?: AgainstGoal };
  standards: { resolutionOnTime?: number; measured: number; goal?: AgainstGoal };
  resources: {
    averagePerWeek: number;
    trendPerWeek: number;
    forecastPerWeek?: number;
    open: number;
    activeAgents: number;
    resolvedPerPersonWeek?: number;
    peopleNeeded?: number;
  };
  partners: {
    handsTo: Array<{ code: string; handoffs: number; reworkShare?: number }>;
    receivesFrom: Array<{ code: string; handoffs: number; reworkShare?: number }>;
  };
}

export interface LivingCanvasInput {
  code: string;
  /** Week starts of the window, ascending; the last is the current week. */
  weeks: string[];
  today: string;
  goals: readonly DepartmentGoal[];
  services: CapacityOptions['services'];
  businessMinutesPerWeek: number;
  utilisation: number;
  /** Report rows (service and agent) of the window. */
  rows: readonly StatsRow[];
  customerRows: readonly CustomerRow[];
  load: readonly LoadRow[];
  handoffRows: readonly HandoffRow[];
  /** How many each list shows. */
  top?: number;
}

const round1 = (n: number): number => Math.round(n * 10) / 10;

/** The department-wide goal of a metric running today (the first one listed), if any. */
function runningGoal(goals: readonly DepartmentGoal[], metrics: readonly GoalMetric[], today: string) {
  return goals.find((g) => !g.serviceId && metrics.includes(g.metric) && g.from <= today && today <= g.to);
}

function against(goal: DepartmentGoal | undefined, c: Counters): AgainstGoal | undefined {
  if (!goal) return undefined;
  const { value } = goalValue(goal.metric, c);
  return {
    metric: goal.metric,
    target: goal.target,
    ...(value === undefined ? {} : { met: meets(goal.metric, value, goal.target) }),
  };
}

export function buildLivingCanvas(input: LivingCanvasInput): LivingCanvas {
  const { weeks, today, goals, services } = input;
  const top = input.top ?? 5;
  const from = weeks[0] ?? today;
  const serviceRows = input.rows.filter((r) => r.kind === 'service' && r.day >= from && r.day <= today);
  const c = sumRows(serviceRows);
  const n = (k: string) => c[k] ?? 0;
  const nameOf = (id: string) => services.find((s) => s.id === id)?.name ?? id;

  const byService = new Map<string, Counters>();
  for (const r of serviceRows) {
    const into = byService.get(r.key) ?? {};
    for (const [k, v] of Object.entries(r.counters)) into[k] = (into[k] ?? 0) + v;
    byService.set(r.key, into);
  }
  const perService = [...byService.entries()].map(([serviceId, s]) => ({
    serviceId,
    name: nameOf(serviceId),
    created: s.created ?? 0,
    resolved: s.resolved ?? 0,
    reworks: s.reworks ?? 0,
    clarifications: s.clarifications ?? 0,
  }));

  const quietWeeks = Math.min(4, Math.max(1, weeks.length - 1));
  const customers = buildCustomers([...input.customerRows], {
    weeks,
    dimension: 'department',
    quietWeeks,
    regularWeeks: 3,
    top,
  });

  const orders = n('created');
  const channels = ORDER_CHANNELS.map((channel) => ({ channel, orders: n(`ch_${channel}`) }))
    .filter((ch) => ch.orders > 0)
    .map((ch) => ({ ...ch, share: share(ch.orders, orders) ?? 0 }))
    .sort((a, b) => b.orders - a.orders);
  const recorded = channels.reduce((sum, ch) => sum + ch.orders, 0);

  const frMeasured = n('frMet') + n('frBreached');
  const resMeasured = n('resMet') + n('resBreached');
  const firstResponse = histogramQuantile(c, 0.5, 'f');
  const resolution = histogramQuantile(c, 0.5, 'h');

  // Capacity from the complete weeks of the window (the current one would pull the trend down).
  const capacity = buildCapacity([...input.rows], [...input.load], {
    weeks: weeks.slice(0, -1),
    horizon: 4,
    services,
    businessMinutesPerWeek: input.businessMinutesPerWeek,
    utilisation: input.utilisation,
  });
  const forecast = capacity.total.forecast;

  const map = buildHandoffMap(input.handoffRows, { from, to: today });
  const partner = (code: string, p: { handoffs: number; reworkShare?: number }) => ({
    code,
    handoffs: p.handoffs,
    ...(p.reworkShare === undefined ? {} : { reworkShare: p.reworkShare }),
  });
  const byVolume = (a: { handoffs: number; code: string }, b: { handoffs: number; code: string }) =>
    b.handoffs - a.handoffs || a.code.localeCompare(b.code);

  const frGoal = against(runningGoal(goals, ['first_response_on_time', 'median_first_response'], today), c);
  const csatGoal = against(runningGoal(goals, ['csat'], today), c);
  const onTimeGoal = against(runningGoal(goals, ['resolution_on_time', 'median_resolution'], today), c);
  const frOnTime = share(n('frMet'), frMeasured);
  const resOnTime = share(n('resMet'), resMeasured);
  const csat = goalValue('csat', c).value;

  return {
    weeks,
    from,
    to: today,
    value: {
      created: orders,
      resolved: n('resolved'),
      topServices: perService
        .filter((s) => s.resolved > 0)
        .sort((a, b) => b.resolved - a.resolved || a.name.localeCompare(b.name))
        .slice(0, top)
        .map(({ serviceId, name, resolved }) => ({ serviceId, name, resolved })),
    },
    customers: {
      customers: customers.totals.customers,
      orders: customers.totals.orders,
      segments: customers.segments
        .slice(0, top)
        .map(({ value, orders: o, share: s }) => ({ value, orders: o, share: s })),
      stopped: customers.stopped.map(({ personId, name, missedOrders }) => ({ personId, name, missedOrders })),
      quietWeeks,
    },
    ordering: { orders, channels, unrecorded: Math.max(0, orders - recorded) },
    delivery: {
      measured: frMeasured,
      ...(frOnTime === undefined ? {} : { firstResponseOnTime: frOnTime }),
      ...(firstResponse === undefined ? {} : { medianFirstResponseMinutes: round1(firstResponse) }),
      ...(resolution === undefined ? {} : { medianResolutionMinutes: round1(resolution) }),
      ...(frGoal ? { goal: frGoal } : {}),
    },
    processes: {
      services: perService
        .filter((s) => s.created > 0 || s.reworks > 0 || s.clarifications > 0)
        .sort((a, b) => b.created - a.created || a.name.localeCompare(b.name))
        .slice(0, top)
        .map(({ serviceId, name, created, reworks, clarifications }) => ({
          serviceId,
          name,
          created,
          reworks,
          clarifications,
        })),
      reworks: n('reworks'),
      clarifications: n('clarifications'),
    },
    quality: {
      responses: n('responses'),
      ...(csat === undefined ? {} : { csat }),
      ...(csatGoal ? { goal: csatGoal } : {}),
    },
    standards: {
      measured: resMeasured,
      ...(resOnTime === undefined ? {} : { resolutionOnTime: resOnTime }),
      ...(onTimeGoal ? { goal: onTimeGoal } : {}),
    },
    resources: {
      averagePerWeek: capacity.total.averagePerWeek,
      trendPerWeek: capacity.total.trendPerWeek,
      ...(forecast.length > 0
        ? { forecastPerWeek: round1(forecast.reduce((a, b) => a + b, 0) / forecast.length) }
        : {}),
      open: capacity.total.open,
      activeAgents: capacity.total.activeAgents,
      ...(capacity.total.resolvedPerPersonWeek === undefined
        ? {}
        : { resolvedPerPersonWeek: capacity.total.resolvedPerPersonWeek }),
      ...(capacity.total.peopleNeeded === undefined ? {} : { peopleNeeded: capacity.total.peopleNeeded }),
    },
    partners: {
      handsTo: map.pairs
        .filter((p) => p.from === input.code && p.to !== input.code)
        .map((p) => partner(p.to, p))
        .sort(byVolume),
      receivesFrom: map.pairs
        .filter((p) => p.to === input.code && p.from !== input.code)
        .map((p) => partner(p.from, p))
        .sort(byVolume),
    },
  };
}
