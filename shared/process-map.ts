/**
 * The process map of a service (its flow seen live): each step with the orders there now, the
 * business time spent there in a period against the stage's target, the share breached while there
 * and the deviations leaving it; the moves between steps with their volume. Pure: built from the
 * service, its process rows of the period and its step gauges (process-stats.ts), never from orders.
 */
import { bucketCounts, histogramQuantileOf } from './histogram.ts';
import type { Service } from './model.ts';
import { DEVIATIONS, type Deviation, EXIT_STEPS, STAGE_STEP } from './process-stats.ts';
import { addCounters, type Counters } from './stats.ts';

export interface ProcessRow {
  /** Department-local day, YYYY-MM-DD. */
  day: string;
  counters: Counters;
}

export type StepKind = 'filed' | 'approval' | 'inputs' | 'stage' | 'resolved' | 'closed' | 'exit';

export interface StepDeviation {
  kind: Deviation;
  /** A rejection's reason code. */
  reason?: string;
  count: number;
}

export interface ProcessStep {
  /** The step id: filed, awaiting_approval, awaiting_inputs, stage:<id>, resolved, closed, rejected, cancelled. */
  id: string;
  kind: StepKind;
  /** A stage's id and name (the service's words); other steps are worded by the reader's language. */
  stageId?: string;
  name?: string;
  /** The stage's target in business minutes, when the service sets one. */
  targetMinutes?: number;
  /** Orders in the step now (steps an order can rest in), of them at risk and overdue. */
  now?: { orders: number; atRisk: number; overdue: number };
  /** Orders that entered the step in the period. */
  entered: number;
  /** Visits that ended in the period and were timed. */
  timed: number;
  medianMinutes?: number;
  p90Minutes?: number;
  averageMinutes?: number;
  /** Orders whose standard was breached while in the step, and their share of those that entered it. */
  breached: number;
  breachShare?: number;
  deviations: StepDeviation[];
  /** Its orders now can be listed (the steps of the queue, and resolved orders awaiting closure). */
  listable: boolean;
}

export type FlowKind = 'forward' | 'back' | 'rework' | 'reopen' | 'reject' | 'cancel';

export interface ProcessFlow {
  from: string;
  to: string;
  count: number;
  kind: FlowKind;
}

export interface ProcessMap {
  serviceId: string;
  from: string;
  to: string;
  created: number;
  steps: ProcessStep[];
  flows: ProcessFlow[];
  /** The largest volume of a move or a deviation, to scale the arrows. */
  maxVolume: number;
}

export const QUANTILE_RULE =
  'median and p90 of the business minutes each visit of a step took, from histograms with logarithmic buckets (each at most √2 × the one below); interpolated inside the bucket, so within one bucket of the exact figure';

const round1 = (n: number) => Math.round(n * 10) / 10;

/** Every step id a counter name of the process rows or gauges mentions. */
function mentionedSteps(counters: Counters): Set<string> {
  const steps = new Set<string>();
  for (const [name, value] of Object.entries(counters)) {
    if (!value) continue;
    const parts = name.split('|');
    const head = parts[0];
    if (head === 'in' || head === 't' || head === 'br' || head === 'dv' || head === 'g') steps.add(parts[1]!);
    if (head === 'fl') {
      steps.add(parts[1]!);
      steps.add(parts[2]!);
    }
  }
  return steps;
}

/** The steps of a service in the order of its flow, with stages seen in the data that it no longer has. */
export function stepOrder(
  service: Pick<Service, 'stages' | 'approval' | 'inputs'>,
  seen: ReadonlySet<string> = new Set(),
): Array<{ id: string; kind: StepKind; stageId?: string }> {
  const steps: Array<{ id: string; kind: StepKind; stageId?: string }> = [{ id: 'filed', kind: 'filed' }];
  if (service.approval.kind !== 'none' || seen.has('awaiting_approval'))
    steps.push({ id: 'awaiting_approval', kind: 'approval' });
  if (service.inputs.some((i) => i.required) || seen.has('awaiting_inputs'))
    steps.push({ id: 'awaiting_inputs', kind: 'inputs' });
  const stageIds = service.stages.map((s) => s.id);
  for (const step of seen) {
    if (step.startsWith(STAGE_STEP) && !stageIds.includes(step.slice(STAGE_STEP.length)))
      stageIds.push(step.slice(STAGE_STEP.length));
  }
  if (stageIds.length === 0) stageIds.push('in_progress');
  for (const id of stageIds) steps.push({ id: `${STAGE_STEP}${id}`, kind: 'stage', stageId: id });
  steps.push({ id: 'resolved', kind: 'resolved' }, { id: 'closed', kind: 'closed' });
  for (const exit of EXIT_STEPS) if (seen.has(exit)) steps.push({ id: exit, kind: 'exit' });
  return steps;
}

function flowKind(from: string, to: string, index: Map<string, number>): FlowKind {
  if (to === 'rejected') return 'reject';
  if (to === 'cancelled') return 'cancel';
  if (from === 'resolved' && to.startsWith(STAGE_STEP)) return 'reopen';
  if (to === 'awaiting_inputs' && from.startsWith(STAGE_STEP)) return 'rework';
  return (index.get(to) ?? 0) > (index.get(from) ?? 0) ? 'forward' : 'back';
}

/**
 * The map of a period [from, to] (local days, inclusive) from the service's process rows and its
 * gauge row (the queue gauges of the service, with the step gauges among them).
 */
export function buildProcessMap(
  service: Pick<Service, 'id' | 'stages' | 'approval' | 'inputs'>,
  rows: readonly ProcessRow[],
  gauges: Counters,
  period: { from: string; to: string },
): ProcessMap {
  const c: Counters = {};
  for (const row of rows) if (row.day >= period.from && row.day <= period.to) addCounters(c, row.counters);
  const n = (name: string) => c[name] ?? 0;
  const seen = mentionedSteps({ ...c, ...gauges });
  const order = stepOrder(service, seen);
  const index = new Map(order.map((s, i) => [s.id, i]));
  const deviationsOf = (step: string): StepDeviation[] => {
    const found: StepDeviation[] = [];
    const prefix = `dv|${step}|`;
    for (const [name, count] of Object.entries(c)) {
      if (!name.startsWith(prefix) || count <= 0) continue;
      const [kind, reason] = name.slice(prefix.length).split('|') as [Deviation, string | undefined];
      if (!DEVIATIONS.includes(kind)) continue;
      found.push({ kind, count, ...(reason ? { reason } : {}) });
    }
    return found.sort(
      (a, b) =>
        DEVIATIONS.indexOf(a.kind) - DEVIATIONS.indexOf(b.kind) ||
        b.count - a.count ||
        (a.reason ?? '').localeCompare(b.reason ?? ''),
    );
  };
  const steps: ProcessStep[] = order.map(({ id, kind, stageId }) => {
    const stage = stageId === undefined ? undefined : service.stages.find((s) => s.id === stageId);
    const counts = bucketCounts(c, `t|${id}|`);
    const timed = counts.reduce((a, b) => a + b, 0);
    const median = histogramQuantileOf(counts, 0.5);
    const p90 = histogramQuantileOf(counts, 0.9);
    const entered = id === 'filed' ? n('created') : n(`in|${id}`);
    const breached = n(`br|${id}`);
    const resting = kind !== 'filed' && kind !== 'closed' && kind !== 'exit';
    const step: ProcessStep = {
      id,
      kind,
      entered,
      timed,
      breached,
      deviations: deviationsOf(id),
      listable: kind === 'approval' || kind === 'inputs' || kind === 'stage' || kind === 'resolved',
    };
    if (stageId !== undefined) step.stageId = stageId;
    if (stage?.name) step.name = stage.name;
    if (stage?.targetMinutes) step.targetMinutes = stage.targetMinutes;
    if (resting) {
      const g = (what: string) => Math.max(0, gauges[`g|${id}|${what}`] ?? 0);
      step.now = { orders: g('n'), atRisk: g('risk'), overdue: g('over') };
    }
    if (median !== undefined) step.medianMinutes = round1(median);
    if (p90 !== undefined) step.p90Minutes = round1(p90);
    if (timed > 0) step.averageMinutes = round1(n(`t|${id}|sum`) / timed);
    if (entered > 0 && kind !== 'filed') step.breachShare = breached / entered;
    return step;
  });
  const flows: ProcessFlow[] = Object.entries(c)
    .filter(([name, count]) => name.startsWith('fl|') && count > 0)
    .map(([name, count]) => {
      const [, from, to] = name.split('|') as [string, string, string];
      return { from, to, count, kind: flowKind(from, to, index) };
    })
    .sort(
      (a, b) => (index.get(a.from) ?? 0) - (index.get(b.from) ?? 0) || (index.get(a.to) ?? 0) - (index.get(b.to) ?? 0),
    );
  const volumes = [...flows.map((f) => f.count), ...steps.flatMap((s) => s.deviations.map((d) => d.count))];
  return {
    serviceId: service.id,
    from: period.from,
    to: period.to,
    created: n('created'),
    steps,
    flows,
    maxVolume: Math.max(0, ...volumes),
  };
}
