/**
 * Department insight (SPEC §2 canvas questions): who the customers are, whether the team can carry
 * the demand, and how it does against its own goals. Pure maths over the counter rows of stats.ts —
 * the caller reads aggregates (never orders) and passes them in.
 */
import type { BusinessCalendar, DepartmentGoal, GoalMetric } from './model.ts';
import { csatOf, isoWeek, type StatsRow, share, sumRows } from './reports.ts';
import { addDays, type Counters, histogramQuantile, type SegmentDimension, UNASSIGNED, weekStart } from './stats.ts';

export interface CustomerRow {
  /** The Monday of the week, YYYY-MM-DD. */
  week: string;
  kind: 'person' | 'segment';
  /** Person id, or "dimension:value" for a segment. */
  key: string;
  /** The person's name, or the segment's value ('' when the profile does not say). */
  label: string;
  counters: Counters;
}

export interface LoadRow {
  kind: 'serviceLoad' | 'agentLoad';
  /** Service id, or agent id (UNASSIGNED for orders nobody holds). */
  key: string;
  counters: Counters;
}

const DAY_MS = 86_400_000;

/** `count` consecutive week starts (Mondays) ending with the week of `lastWeek`. */
export function weeksEnding(lastWeek: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addDays(lastWeek, -7 * (count - 1 - i)));
}

const round1 = (n: number): number => Math.round(n * 10) / 10;

function satisfaction(c: Counters): { responses: number; csat?: number; averageScore?: number } {
  const responses = c.responses ?? 0;
  const points = [1, 2, 3, 4, 5].reduce((n, s) => n + s * (c[`score${s}`] ?? 0), 0);
  const csat = csatOf(c);
  const average = share(points, responses);
  return {
    responses,
    ...(csat === undefined ? {} : { csat }),
    ...(average === undefined ? {} : { averageScore: round1(average) }),
  };
}

// ---------------------------------------------------------------- customers

export interface CustomerOptions {
  /** Week starts of the window, ascending; the last is the current week. */
  weeks: string[];
  dimension: SegmentDimension;
  /** "Stopped": no order in this many most recent weeks … */
  quietWeeks: number;
  /** … after ordering in at least this many different weeks before them. */
  regularWeeks: number;
  /** How many people each list shows. */
  top: number;
}

export interface PersonLine {
  personId: string;
  name: string;
  orders: number;
  responses: number;
  csat?: number;
  averageScore?: number;
  /** The week of their last order in the window. */
  lastOrderWeek?: string;
}

export interface CustomersView {
  weeks: string[];
  dimension: SegmentDimension;
  quietWeeks: number;
  regularWeeks: number;
  totals: { orders: number; customers: number; responses: number; csat?: number };
  segments: Array<{
    /** '' when the requesters' profiles do not say. */
    value: string;
    orders: number;
    share: number;
    /** Orders per week of the window. */
    weekly: number[];
    responses: number;
    csat?: number;
    averageScore?: number;
  }>;
  topCustomers: PersonLine[];
  stopped: Array<PersonLine & { activeWeeks: number; ordersPerWeek: number; missedOrders: number }>;
  leastSatisfied: Array<PersonLine & { unhappy: number; impact: number }>;
}

export const STOPPED_RULE =
  'stopped = ordered in at least {regular} different weeks before, and not once in the last {quiet} weeks; missed orders ≈ their weekly rate from their first order until then × {quiet}';
export const LEAST_SATISFIED_RULE =
  'impact = orders × share of their ratings that were 3 or lower; people with at least 2 orders and a rating below 4';

export function buildCustomers(rows: CustomerRow[], options: CustomerOptions): CustomersView {
  const { weeks, dimension, quietWeeks, regularWeeks, top } = options;
  const weekIndex = new Map(weeks.map((w, i) => [w, i]));
  const inWindow = rows.filter((r) => weekIndex.has(r.week));
  const people = inWindow.filter((r) => r.kind === 'person');
  const prefix = `${dimension}:`;
  const segmentRows = inWindow.filter((r) => r.kind === 'segment' && r.key.startsWith(prefix));

  const bySegment = new Map<string, CustomerRow[]>();
  for (const row of segmentRows) {
    const value = row.key.slice(prefix.length);
    bySegment.set(value, [...(bySegment.get(value) ?? []), row]);
  }
  const totalCounters = sumRows(people);
  const totalOrders = totalCounters.created ?? 0;
  const segments = [...bySegment.entries()]
    .map(([value, rs]) => {
      const c = sumRows(rs);
      const weekly = weeks.map(() => 0);
      for (const r of rs) weekly[weekIndex.get(r.week)!]! += r.counters.created ?? 0;
      return {
        value,
        orders: c.created ?? 0,
        share: share(c.created ?? 0, totalOrders) ?? 0,
        weekly,
        ...satisfaction(c),
      };
    })
    .filter((s) => s.orders > 0 || s.responses > 0)
    .sort((a, b) => b.orders - a.orders || a.value.localeCompare(b.value));

  const byPerson = new Map<string, CustomerRow[]>();
  for (const row of people) byPerson.set(row.key, [...(byPerson.get(row.key) ?? []), row]);
  const quietFrom = weeks.length - quietWeeks;
  const lines = [...byPerson.entries()].map(([personId, rs]) => {
    const c = sumRows(rs);
    const orderWeeks = rs
      .filter((r) => (r.counters.created ?? 0) > 0)
      .map((r) => weekIndex.get(r.week)!)
      .sort((a, b) => a - b);
    const last = orderWeeks.at(-1);
    const line: PersonLine = {
      personId,
      name: rs.find((r) => r.label)?.label ?? personId,
      orders: c.created ?? 0,
      ...satisfaction(c),
      ...(last === undefined ? {} : { lastOrderWeek: weeks[last]! }),
    };
    const before = orderWeeks.filter((i) => i < quietFrom);
    // Their rate from their first order in the window to the quiet weeks, not over the whole window.
    const span = before.length > 0 ? quietFrom - before[0]! : 0;
    const ordersBefore = rs
      .filter((r) => weekIndex.get(r.week)! < quietFrom)
      .reduce((n, r) => n + (r.counters.created ?? 0), 0);
    return { line, c, activeWeeks: before.length, ordersBefore, span, recent: orderWeeks.length - before.length };
  });

  const topCustomers = lines
    .map((l) => l.line)
    .filter((l) => l.orders > 0)
    .sort((a, b) => b.orders - a.orders || a.name.localeCompare(b.name))
    .slice(0, top);

  const stopped = lines
    .filter((l) => quietFrom > 0 && l.activeWeeks >= regularWeeks && l.recent === 0)
    .map((l) => {
      const ordersPerWeek = l.ordersBefore / Math.max(1, l.span);
      return {
        ...l.line,
        activeWeeks: l.activeWeeks,
        ordersPerWeek: round1(ordersPerWeek),
        missedOrders: round1(ordersPerWeek * quietWeeks),
      };
    })
    .sort((a, b) => b.missedOrders - a.missedOrders || a.name.localeCompare(b.name))
    .slice(0, top);

  const leastSatisfied = lines
    .map(({ line, c }) => {
      const unhappy = (c.score1 ?? 0) + (c.score2 ?? 0) + (c.score3 ?? 0);
      const dissatisfaction = share(unhappy, c.responses ?? 0) ?? 0;
      return { ...line, unhappy, impact: round1(line.orders * dissatisfaction) };
    })
    .filter((l) => l.orders >= 2 && l.unhappy > 0)
    .sort((a, b) => b.impact - a.impact || b.orders - a.orders || a.name.localeCompare(b.name))
    .slice(0, top);

  const overall = satisfaction(totalCounters);
  return {
    weeks,
    dimension,
    quietWeeks,
    regularWeeks,
    totals: {
      orders: totalOrders,
      customers: lines.filter((l) => l.line.orders > 0).length,
      responses: overall.responses,
      ...(overall.csat === undefined ? {} : { csat: overall.csat }),
    },
    segments,
    topCustomers,
    stopped,
    leastSatisfied,
  };
}

// ---------------------------------------------------------------- capacity

export interface Trend {
  /** Mean of the weeks. */
  averagePerWeek: number;
  /** Slope of the least-squares line: change per week. */
  trendPerWeek: number;
  forecast: number[];
}

/**
 * A straight line fitted to the weekly volumes by least squares, extended `horizon` weeks, never
 * below zero. Simple on purpose: a head can check it by hand, and with 8–12 weeks of history a
 * seasonal model would be fitting noise.
 */
export function linearForecast(weekly: number[], horizon: number): Trend {
  const n = weekly.length;
  if (n === 0) return { averagePerWeek: 0, trendPerWeek: 0, forecast: Array.from({ length: horizon }, () => 0) };
  const meanT = (n - 1) / 2;
  const meanY = weekly.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  weekly.forEach((y, t) => {
    num += (t - meanT) * (y - meanY);
    den += (t - meanT) ** 2;
  });
  const slope = den === 0 ? 0 : num / den;
  const forecast = Array.from({ length: horizon }, (_, h) => round1(Math.max(0, meanY + slope * (n + h - meanT))));
  return { averagePerWeek: round1(meanY), trendPerWeek: Math.round(slope * 100) / 100, forecast };
}

export interface CapacityOptions {
  /** Complete weeks of history (week starts, ascending). */
  weeks: string[];
  horizon: number;
  /** `standardWeeks`: the resolution standard in weeks of its own clock (business or 24×7 minutes per week). */
  services: Array<{ id: string; name: string; resolutionMinutes?: number; standardWeeks?: number }>;
  /** Business minutes in one calendar week of the department (e.g. 5 × 8 h = 2,400). */
  businessMinutesPerWeek: number;
  /** The highest share of their time people can spend on orders before queues grow without bound. */
  utilisation: number;
}

export interface CapacityView {
  weeks: string[];
  /** Week starts of the forecast. */
  forecastWeeks: string[];
  utilisation: number;
  businessMinutesPerWeek: number;
  /** The whole department. */
  total: Trend & {
    weekly: number[];
    open: number;
    resolved: number;
    /** Agents who resolved at least one order in the weeks. */
    activeAgents: number;
    /** Orders one person resolves in a week: resolved ÷ (active agents × weeks). */
    resolvedPerPersonWeek?: number;
    /** Sum over services, rounded up. */
    peopleNeeded?: number;
  };
  services: Array<
    Trend & {
      serviceId: string;
      name: string;
      weekly: number[];
      open: number;
      waiting: number;
      resolved: number;
      /** Business minutes the team held the resolved orders (pauses excluded). */
      businessMinutes: number;
      averageBusinessMinutes?: number;
      standardMinutes?: number;
      /** Unrounded: max(demand ÷ (throughput × utilisation), (open − waiting) ÷ (throughput × standard in weeks)). */
      peopleNeeded?: number;
    }
  >;
  agents: Array<{
    agentId: string;
    open: number;
    /** Open orders waiting on the customer (clarification or inputs). */
    waiting: number;
    resolved: number;
    resolvedPerWeek: number;
  }>;
  unassigned: number;
}

export const FORECAST_RULE =
  'forecast = straight line fitted by least squares to the weekly orders of the last {weeks} weeks (from the first week with an order), extended {horizon} weeks, never below 0';
export const PEOPLE_RULE =
  'people = max(forecast orders per week ÷ (orders one person resolves per week × {utilisation} %), orders in the queue not waiting on the customer ÷ (orders one person resolves per week × standard in weeks)); the first keeps up with demand, the second clears today’s queue within the standard';

const WAITING_STATUSES = ['st_waiting_for_customer', 'st_awaiting_inputs'];

/** Open orders of a gauge row that wait on the customer (clarification or inputs). */
const waitingOf = (gauge: Counters): number => WAITING_STATUSES.reduce((n, k) => n + Math.max(0, gauge[k] ?? 0), 0);

export function buildCapacity(rows: StatsRow[], load: LoadRow[], options: CapacityOptions): CapacityView {
  const { weeks, horizon, services, businessMinutesPerWeek, utilisation } = options;
  const weekIndex = new Map(weeks.map((w, i) => [w, i]));
  const weekOf = (day: string) => weekIndex.get(weekStart(day));
  const inWindow = rows.filter((r) => weekOf(r.day) !== undefined);
  const serviceRows = inWindow.filter((r) => r.kind === 'service');
  const agentRows = inWindow.filter((r) => r.kind === 'agent');

  const agentIds = new Set([
    ...agentRows.map((r) => r.key),
    ...load.filter((l) => l.kind === 'agentLoad' && l.key !== UNASSIGNED).map((l) => l.key),
  ]);
  const agents = [...agentIds]
    .map((agentId) => {
      const resolved = sumRows(agentRows.filter((r) => r.key === agentId)).resolved ?? 0;
      const gauge = load.find((l) => l.kind === 'agentLoad' && l.key === agentId)?.counters ?? {};
      return {
        agentId,
        open: Math.max(0, gauge.open ?? 0),
        waiting: waitingOf(gauge),
        resolved,
        resolvedPerWeek: round1(resolved / Math.max(1, weeks.length)),
      };
    })
    .filter((a) => a.open > 0 || a.resolved > 0)
    .sort((a, b) => b.open - a.open || b.resolved - a.resolved || a.agentId.localeCompare(b.agentId));
  const activeAgents = agents.filter((a) => a.resolved > 0).length;
  const totalResolved = agents.reduce((n, a) => n + a.resolved, 0);
  const throughput = activeAgents > 0 && weeks.length > 0 ? totalResolved / (activeAgents * weeks.length) : undefined;

  const serviceIds = new Set([
    ...services.map((s) => s.id),
    ...serviceRows.map((r) => r.key),
    ...load.filter((l) => l.kind === 'serviceLoad').map((l) => l.key),
  ]);
  // Weeks before the department's first order are not demand, only a lack of history: the trend
  // is fitted from the first week with an order.
  const allWeekly = weeks.map(() => 0);
  for (const r of serviceRows) allWeekly[weekOf(r.day)!]! += r.counters.created ?? 0;
  const first = Math.max(
    0,
    allWeekly.findIndex((n) => n > 0),
  );
  const lines = [...serviceIds].map((serviceId) => {
    const spec = services.find((s) => s.id === serviceId);
    const rs = serviceRows.filter((r) => r.key === serviceId);
    const weekly = weeks.map(() => 0);
    for (const r of rs) weekly[weekOf(r.day)!]! += r.counters.created ?? 0;
    const c = sumRows(rs);
    const gauge = load.find((l) => l.kind === 'serviceLoad' && l.key === serviceId)?.counters ?? {};
    const trend = linearForecast(weekly.slice(first), horizon);
    const open = Math.max(0, gauge.open ?? 0);
    const waiting = waitingOf(gauge);
    const resolved = c.resolved ?? 0;
    const businessMinutes = c.resolveBiz ?? 0;
    const averageBusinessMinutes = share(businessMinutes, resolved);
    const standardWeeks = spec?.standardWeeks;
    let peopleNeeded: number | undefined;
    if (throughput !== undefined) {
      const demand = trend.forecast.reduce((a, b) => a + b, 0) / Math.max(1, horizon);
      const keepUp = demand / (throughput * utilisation);
      // Orders waiting on the customer take no team time until they come back.
      const clear = standardWeeks ? Math.max(0, open - waiting) / (throughput * standardWeeks) : 0;
      peopleNeeded = Math.round(Math.max(keepUp, clear) * 100) / 100;
    }
    return {
      serviceId,
      name: spec?.name ?? serviceId,
      weekly,
      ...trend,
      open,
      waiting,
      resolved,
      businessMinutes,
      ...(averageBusinessMinutes === undefined ? {} : { averageBusinessMinutes: Math.round(averageBusinessMinutes) }),
      ...(spec?.resolutionMinutes ? { standardMinutes: spec.resolutionMinutes } : {}),
      ...(peopleNeeded === undefined ? {} : { peopleNeeded }),
    };
  });
  const activeLines = lines
    .filter((l) => l.open > 0 || l.weekly.some((n) => n > 0) || l.resolved > 0)
    .sort((a, b) => (b.peopleNeeded ?? 0) - (a.peopleNeeded ?? 0) || b.averagePerWeek - a.averagePerWeek);

  const weekly = weeks.map((_, i) => activeLines.reduce((n, l) => n + l.weekly[i]!, 0));
  const total = linearForecast(weekly.slice(first), horizon);
  const peopleNeeded =
    throughput === undefined ? undefined : Math.ceil(activeLines.reduce((n, l) => n + (l.peopleNeeded ?? 0), 0));
  const lastWeek = weeks.at(-1);
  return {
    weeks,
    forecastWeeks: lastWeek ? Array.from({ length: horizon }, (_, i) => addDays(lastWeek, 7 * (i + 1))) : [],
    utilisation,
    businessMinutesPerWeek,
    total: {
      ...total,
      weekly,
      open: activeLines.reduce((n, l) => n + l.open, 0),
      resolved: totalResolved,
      activeAgents,
      ...(throughput === undefined ? {} : { resolvedPerPersonWeek: round1(throughput) }),
      ...(peopleNeeded === undefined ? {} : { peopleNeeded }),
    },
    services: activeLines,
    agents,
    unassigned: Math.max(0, load.find((l) => l.kind === 'agentLoad' && l.key === UNASSIGNED)?.counters.open ?? 0),
  };
}

// ---------------------------------------------------------------- goals

/** Share metrics count up to their target; minute metrics must stay at or below it. */
export function higherIsBetter(metric: GoalMetric): boolean {
  return metric !== 'median_first_response' && metric !== 'median_resolution';
}

/** The goal's figure over some counters, and how many orders or responses it rests on. */
export function goalValue(metric: GoalMetric, c: Counters): { value?: number; sample: number } {
  const n = (k: string) => c[k] ?? 0;
  const of = (value: number | undefined, sample: number) => (value === undefined ? { sample } : { value, sample });
  switch (metric) {
    case 'csat':
      return of(csatOf(c), n('responses'));
    case 'resolution_on_time':
      return of(share(n('resMet'), n('resMet') + n('resBreached')), n('resMet') + n('resBreached'));
    case 'first_response_on_time':
      return of(share(n('frMet'), n('frMet') + n('frBreached')), n('frMet') + n('frBreached'));
    case 'median_first_response': {
      const median = histogramQuantile(c, 0.5, 'f');
      return of(median === undefined ? undefined : round1(median), n('frMet') + n('frBreached'));
    }
    case 'median_resolution': {
      const median = histogramQuantile(c, 0.5, 'h');
      return of(median === undefined ? undefined : round1(median), n('resolved'));
    }
  }
}

export type GoalStatus = 'met' | 'missed' | 'no_data' | 'not_started';

export interface GoalProgress {
  goal: DepartmentGoal;
  status: GoalStatus;
  value?: number;
  sample: number;
  /** Share of the goal's period that has passed, 0…1. */
  elapsed: number;
  /** The figure per ISO week of the period so far. */
  trend: Array<{ week: string; value?: number; sample: number }>;
  /** Services below the target, worst impact first (department-wide goals only). */
  pullingDown: Array<{ serviceId: string; value: number; sample: number; impact: number }>;
}

export const PULLING_DOWN_RULE =
  'impact = orders or responses behind the figure × how far it is from the target (percentage points, or the share over the target for times)';

export function meets(metric: GoalMetric, value: number, target: number): boolean {
  return higherIsBetter(metric) ? value >= target : value <= target;
}

/** Progress of one goal from the report's day rows of its period (service rows are used). */
export function goalProgress(goal: DepartmentGoal, rows: StatsRow[], today: string): GoalProgress {
  const until = today < goal.to ? today : goal.to;
  const rowsIn = rows.filter(
    (r) =>
      r.kind === 'service' && r.day >= goal.from && r.day <= until && (!goal.serviceId || r.key === goal.serviceId),
  );
  const days = (Date.parse(goal.to) - Date.parse(goal.from)) / DAY_MS + 1;
  const passed = (Date.parse(until) - Date.parse(goal.from)) / DAY_MS + 1;
  const elapsed = today < goal.from ? 0 : Math.min(1, Math.max(0, passed / days));
  const { value, sample } = goalValue(goal.metric, sumRows(rowsIn));

  const byWeek = new Map<string, StatsRow[]>();
  for (const r of rowsIn) byWeek.set(isoWeek(r.day), [...(byWeek.get(isoWeek(r.day)) ?? []), r]);
  const trend = [...byWeek.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([week, rs]) => ({ week, ...goalValue(goal.metric, sumRows(rs)) }));

  const pullingDown: GoalProgress['pullingDown'] = [];
  if (!goal.serviceId) {
    const byService = new Map<string, StatsRow[]>();
    for (const r of rowsIn) byService.set(r.key, [...(byService.get(r.key) ?? []), r]);
    for (const [serviceId, rs] of byService) {
      const figure = goalValue(goal.metric, sumRows(rs));
      if (figure.value === undefined || meets(goal.metric, figure.value, goal.target)) continue;
      const gap = higherIsBetter(goal.metric)
        ? (goal.target - figure.value) * 100
        : (figure.value - goal.target) / Math.max(1, goal.target);
      pullingDown.push({ serviceId, value: figure.value, sample: figure.sample, impact: round1(figure.sample * gap) });
    }
    pullingDown.sort((a, b) => b.impact - a.impact || a.serviceId.localeCompare(b.serviceId));
  }

  let status: GoalStatus;
  if (today < goal.from) status = 'not_started';
  else if (value === undefined) status = 'no_data';
  else status = meets(goal.metric, value, goal.target) ? 'met' : 'missed';
  return {
    goal,
    status,
    ...(value === undefined ? {} : { value }),
    sample,
    elapsed: Math.round(elapsed * 100) / 100,
    trend,
    pullingDown,
  };
}

/** Working minutes in one week of a calendar (holidays aside); 24×7 calendars count every minute. */
export function weeklyBusinessMinutes(calendar: BusinessCalendar): number {
  if (calendar.always) return 7 * 1440;
  const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
  return Object.values(calendar.hours).reduce(
    (n, intervals) => n + (intervals ?? []).reduce((m, i) => m + Math.max(0, minutes(i.end) - minutes(i.start)), 0),
    0,
  );
}
