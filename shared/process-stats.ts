/**
 * The aggregates behind the live process views (process map, SIPOC, hand-off map): what one change
 * of an order adds, computed from the order before and after the change, like the report counters of
 * stats.ts and written in the same transaction. Pure: the calendar comes in as an argument.
 *
 * A step is where an order is in its service's flow: filed → awaiting approval → awaiting inputs →
 * each stage of the service (open, in progress and waiting for the customer count in the stage the
 * order is in) → resolved → closed, with rejected and cancelled as exits.
 *
 * Process rows (`PROC#serviceId`, one per department-local day), counters named with `|`:
 *   created                          orders filed
 *   in|<step>                        orders entering the step
 *   fl|<from>|<to>                   moves from one step to another
 *   t|<step>|<i>, t|<step>|sum       business minutes spent in the step, per visit that ended (log buckets, histogram.ts)
 *   br|<step>                        orders whose standard was breached while in the step
 *   dv|<step>|rework|clarification|reopened|cancelled, dv|<step>|rejected|<reason>   deviations leaving it
 *   inp|<input>|missing|returned     required inputs missing at filing, inputs returned for rework
 *   out|<deliverable>|n|late|note    deliverables of resolved orders; ticked after the resolution due time; with a note
 *   seg|<dimension>|<value>          the requesters' segments (department, location, job role)
 *   hin|<department>, hout|<department>   hand-offs received from / sent to another department
 * Step gauges, on the service's queue gauge row (`LOAD#code` / `S#serviceId`):
 *   g|<step>|n, g|<step>|risk, g|<step>|over   orders in the step now; of them at risk (a warning raised) and overdue (breached)
 * Hand-off rows (`HANDOFFS`, `day#from#to`), company-wide:
 *   n                                hand-offs filed
 *   rw                               hand-offs returned for rework (the first time only)
 *   miss|<service>|<input>           inputs missing at the hand-off or returned (label in `lbl|<service>|<input>`)
 *   claimed, b<i>, bsum              hand-offs claimed by the receiving team; business minutes from hand-off to claim
 */
import { logBucket } from './histogram.ts';
import type { BusinessCalendar, ChecklistState } from './model.ts';
import { businessMinutesBetween, type SlaClock } from './sla.ts';
import type { Counters, SegmentDimension, StatsDelta } from './stats.ts';

export const EXIT_STEPS = ['rejected', 'cancelled'] as const;
export const DEVIATIONS = ['rework', 'clarification', 'rejected', 'reopened', 'cancelled'] as const;
export type Deviation = (typeof DEVIATIONS)[number];

/** The prefix of a stage's step id. */
export const STAGE_STEP = 'stage:';

/** Step ids never hold the counters' separator. */
const fold = (id: string) => id.replaceAll('|', '_').slice(0, 80);

export interface StepOrder {
  status: string;
  stage?: string;
}

/** Where an order is in its service's flow. */
export function stepOf(order: StepOrder): string {
  switch (order.status) {
    case 'submitted':
      return 'filed';
    case 'awaiting_approval':
    case 'awaiting_inputs':
    case 'resolved':
    case 'closed':
    case 'rejected':
    case 'cancelled':
      return order.status;
    default:
      return `${STAGE_STEP}${fold(order.stage ?? '')}`;
  }
}

/** Steps an order can be in now (a gauge is kept for these). */
export function isResting(step: string): boolean {
  return step !== 'filed' && step !== 'closed' && step !== 'rejected' && step !== 'cancelled';
}

/** What the process aggregates read of a clock (sla.ts SlaClock). */
type ClockLike = Partial<Pick<SlaClock, 'stoppedAt' | 'outcome' | 'warned' | 'breached' | 'dueAt'>>;
interface ClocksLike {
  firstResponse: ClockLike;
  resolution: ClockLike;
}

export interface ProcessOrder extends StepOrder {
  department: string;
  serviceId: string;
  createdAt: string;
  updatedAt: string;
  stepSince?: string;
  assigneeId?: string;
  reworks?: number;
  closure?: { reason: string };
  clocks?: ClocksLike;
  inputs?: ChecklistState[];
  deliverables?: ChecklistState[];
  requesterProfile?: Partial<Record<SegmentDimension, string>>;
  handoffFrom?: { department: string; serviceId: string; number: string };
}

const running = (c: ClockLike) => !c.stoppedAt;
const breachedClock = (c: ClockLike) => c.breached === true || c.outcome === 'breached';

/** Overdue: a running clock past its standard; at risk: a running clock warned of it. */
export function riskOf(order: Pick<ProcessOrder, 'clocks'>): 'over' | 'risk' | undefined {
  const clocks = order.clocks;
  if (!clocks) return undefined;
  const live = [clocks.firstResponse, clocks.resolution].filter(running);
  if (live.some((c) => c.breached)) return 'over';
  if (live.some((c) => c.warned)) return 'risk';
  return undefined;
}

/** Whether a change breached a standard that was not breached before it. */
function newlyBreached(before: ProcessOrder, after: ProcessOrder): boolean {
  if (!after.clocks) return false;
  const b = before.clocks;
  return (['firstResponse', 'resolution'] as const).some(
    (k) => breachedClock(after.clocks![k]) && !(b && breachedClock(b[k])),
  );
}

function gauge(order: ProcessOrder | undefined, sign: 1 | -1): Counters {
  if (!order) return {};
  const step = stepOf(order);
  if (!isResting(step)) return {};
  const counters: Counters = { [`g|${step}|n`]: sign };
  const risk = riskOf(order);
  if (risk) counters[`g|${step}|${risk}`] = sign;
  return counters;
}

function add(into: Counters, name: string, n = 1): void {
  into[name] = (into[name] ?? 0) + n;
}

/** The step an order enters with a change, if it moves: the instant to keep as `stepSince`. */
export function stepSinceAfter(before: StepOrder & { stepSince?: string }, after: StepOrder & { updatedAt: string }) {
  return stepOf(before) === stepOf(after) && before.stepSince ? before.stepSince : after.updatedAt;
}

/**
 * What one change of an order adds to the process aggregates: the service's process row of the
 * day, its step gauges and, for a hand-off, the company's hand-off row. Without a calendar (only
 * the time zone is known) the business minutes are left out.
 */
export function processDeltas(
  before: ProcessOrder | undefined,
  after: ProcessOrder,
  action: string,
  day: string,
  calendar: BusinessCalendar | undefined,
): StatsDelta[] {
  const row: Counters = {};
  const handoff: Counters = {};
  const labels: Record<string, string> = {};
  const to = stepOf(after);
  const minutes = (from: string, until: string) =>
    calendar ? businessMinutesBetween(new Date(from), new Date(until), calendar) : undefined;

  if (!before) {
    add(row, 'created');
    add(row, 'in|filed');
    add(row, `fl|filed|${to}`);
    add(row, `in|${to}`);
    for (const input of after.inputs ?? [])
      if (input.required && !input.done) add(row, `inp|${fold(input.id)}|missing`);
    for (const [dimension, value] of Object.entries(after.requesterProfile ?? {})) {
      add(row, `seg|${dimension}|${fold((value ?? '').trim())}`);
    }
    if (after.handoffFrom) {
      add(row, `hin|${fold(after.handoffFrom.department)}`);
      add(handoff, 'n');
      for (const input of after.inputs ?? []) {
        if (input.required && !input.done) {
          add(handoff, `miss|${fold(after.serviceId)}|${fold(input.id)}`);
          labels[`lbl|${fold(after.serviceId)}|${fold(input.id)}`] = input.label;
        }
      }
    }
  } else {
    const from = stepOf(before);
    if (from !== to) {
      add(row, `fl|${from}|${to}`);
      add(row, `in|${to}`);
      if (before.stepSince) {
        const spent = minutes(before.stepSince, after.updatedAt);
        if (spent !== undefined) {
          add(row, `t|${from}|${logBucket(spent)}`);
          add(row, `t|${from}|sum`, Math.round(spent));
        }
      }
    }
    if (newlyBreached(before, after)) add(row, `br|${from}`);
    switch (action) {
      case 'return_inputs': {
        add(row, `dv|${from}|rework`);
        const returned = (after.inputs ?? []).filter(
          (i) => !i.done && (before.inputs ?? []).some((b) => b.id === i.id && b.done),
        );
        for (const input of returned) add(row, `inp|${fold(input.id)}|returned`);
        if (after.handoffFrom) {
          if ((before.reworks ?? 0) === 0) add(handoff, 'rw');
          for (const input of returned) {
            add(handoff, `miss|${fold(after.serviceId)}|${fold(input.id)}`);
            labels[`lbl|${fold(after.serviceId)}|${fold(input.id)}`] = input.label;
          }
        }
        break;
      }
      case 'request_clarification':
        add(row, `dv|${from}|clarification`);
        break;
      case 'reopen':
        add(row, `dv|${from}|reopened`);
        break;
      case 'cancel':
        if (after.status === 'cancelled') add(row, `dv|${from}|cancelled`);
        break;
      case 'reject':
        if (after.status === 'rejected') add(row, `dv|${from}|rejected|${fold(after.closure?.reason ?? 'other')}`);
        break;
    }
    if (before.status !== 'resolved' && after.status === 'resolved') {
      const due = before.clocks?.resolution.dueAt;
      for (const d of after.deliverables ?? []) {
        if (!d.done) continue;
        const id = fold(d.id);
        add(row, `out|${id}|n`);
        if (due && d.at && d.at > due) add(row, `out|${id}|late`);
        if (d.note?.trim()) add(row, `out|${id}|note`);
      }
    }
    if (after.handoffFrom && !before.assigneeId && after.assigneeId) {
      add(handoff, 'claimed');
      const spent = minutes(after.createdAt, after.updatedAt);
      if (spent !== undefined) {
        add(handoff, `b${logBucket(spent)}`);
        add(handoff, 'bsum', Math.round(spent));
      }
    }
  }

  const deltas: StatsDelta[] = [];
  if (Object.keys(row).length) {
    deltas.push({ department: after.department, day, kind: 'process', key: after.serviceId, counters: row });
  }
  const gauges: Counters = {};
  for (const [k, v] of Object.entries(gauge(before, -1))) add(gauges, k, v);
  for (const [k, v] of Object.entries(gauge(after, 1))) add(gauges, k, v);
  for (const [k, v] of Object.entries(gauges)) if (v === 0) delete gauges[k];
  if (Object.keys(gauges).length) {
    deltas.push({ department: after.department, day: '', kind: 'serviceLoad', key: after.serviceId, counters: gauges });
  }
  if (after.handoffFrom && Object.keys(handoff).length) {
    deltas.push({
      department: after.department,
      day,
      kind: 'handoff',
      key: handoffKey(after.handoffFrom.department, after.department),
      counters: handoff,
      ...(Object.keys(labels).length ? { labels } : {}),
    });
  }
  return deltas;
}

/** The key of a department pair's hand-off row. */
export function handoffKey(from: string, to: string): string {
  return `${from}#${to}`;
}

/** The sending side of a hand-off: the parent service's process row counts where its output went. */
export function handoffOutDelta(
  parent: { department: string; serviceId: string },
  toDepartment: string,
  day: string,
): StatsDelta {
  return {
    department: parent.department,
    day,
    kind: 'process',
    key: parent.serviceId,
    counters: { [`hout|${fold(toDepartment)}`]: 1 },
  };
}
