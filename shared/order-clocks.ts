/**
 * How an order's time standards follow its life (SPEC §5, §14.4, §14.5, §14.8). Pure: every
 * function takes the instant and the calendar. The SLA maths lives in sla.ts; this module decides
 * when each clock starts, pauses, resumes, stops and restarts.
 */
import type { Action } from './lifecycle.ts';
import type { BusinessCalendar, OrderStatus, TimeStandard } from './model.ts';
import {
  addBusinessMinutes,
  businessMinutesBetween,
  type ClockState,
  clockState,
  nextTimerAt,
  pauseClock,
  remainingMinutes,
  restartClock,
  resumeClock,
  type SlaClock,
  startClock,
  stopClock,
} from './sla.ts';

export interface OrderClocks {
  firstResponse: SlaClock;
  resolution: SlaClock;
}

/** Who held the order at which stage, from when to when: the clock per stage and holder. */
export interface Hold {
  stage: string;
  department: string;
  assigneeId?: string;
  from: string;
  to?: string;
  /** Working minutes on the department calendar while held (set when the hold ends). */
  businessMinutes?: number;
  /** Wall-clock minutes while held, what the requester felt. */
  calendarMinutes?: number;
}

/** Statuses in which the clocks pause unless a service says otherwise. */
export const DEFAULT_PAUSE_STATUSES: readonly OrderStatus[] = [
  'awaiting_approval',
  'awaiting_inputs',
  'waiting_for_customer',
];

/** A resolved order closes itself after this much working time (5 working days of 8 h) unless reopened. */
export const AUTO_CLOSE_WORKING_MINUTES = 5 * 8 * 60;

/** Statuses in which both clocks stand still for good and nobody holds the order. */
export const STOPPED_STATUSES: readonly OrderStatus[] = ['resolved', 'closed', 'cancelled', 'rejected'];

/** Actions that count as the team's first response (SPEC §5). */
export const RESPONDING_ACTIONS: ReadonlySet<Action> = new Set([
  'claim',
  'assign',
  'request_clarification',
  'resolve',
  'reject',
  'return_inputs',
]);

/**
 * The standard an order filed on `today` (department-local YYYY-MM-DD) is measured against, and how
 * reports name it (SPEC §14.4: a change never rewrites orders filed before it takes effect).
 */
export function standardInForce(
  service: {
    version: number;
    publication?: number;
    standard: TimeStandard;
    scheduledStandard?: { effectiveFrom: string; standard: TimeStandard };
  },
  today: string,
): { standard: TimeStandard; ref: string } {
  const scheduled = service.scheduledStandard;
  // The version people see: the count of publications (services saved before it was kept: the revision).
  const shown = service.publication ?? service.version;
  if (scheduled && today >= scheduled.effectiveFrom) {
    return { standard: scheduled.standard, ref: `v${shown} from ${scheduled.effectiveFrom}` };
  }
  return { standard: service.standard, ref: `v${shown}` };
}

export function startOrderClocks(
  standard: TimeStandard & { version: number },
  at: Date,
  calendar: BusinessCalendar,
  status: OrderStatus,
  pauseIn: readonly OrderStatus[] = DEFAULT_PAUSE_STATUSES,
): OrderClocks {
  let clocks: OrderClocks = {
    firstResponse: startClock('first_response', standard, at, calendar),
    resolution: startClock('resolution', standard, at, calendar),
  };
  if (pauseIn.includes(status)) clocks = map(clocks, (c) => pauseClock(c, at, calendar));
  return clocks;
}

export interface ClockChange {
  from: OrderStatus;
  to: OrderStatus;
  /** The change is the team's first response: a claim, an assignment, a public reply, a question. */
  responded?: boolean;
  /** The order was reopened (resolution restarts). */
  reopened?: boolean;
}

export function advanceClocks(
  clocks: OrderClocks,
  change: ClockChange,
  at: Date,
  calendar: BusinessCalendar,
  pauseIn: readonly OrderStatus[] = DEFAULT_PAUSE_STATUSES,
): OrderClocks {
  let { firstResponse, resolution } = clocks;
  if (change.reopened) resolution = restartClock(resolution, at, calendar);
  const wasPaused = pauseIn.includes(change.from);
  const isPaused = pauseIn.includes(change.to);
  if (!wasPaused && isPaused) {
    firstResponse = pauseClock(firstResponse, at, calendar);
    resolution = pauseClock(resolution, at, calendar);
  } else if (wasPaused && !isPaused) {
    firstResponse = resumeClock(firstResponse, at, calendar);
    resolution = resumeClock(resolution, at, calendar);
  }
  if (change.responded || STOPPED_STATUSES.includes(change.to)) firstResponse = stopClock(firstResponse, at, calendar);
  if (STOPPED_STATUSES.includes(change.to)) resolution = stopClock(resolution, at, calendar);
  return { firstResponse, resolution };
}

/** The earliest due time of a running clock: sorts the queue (paused and stopped orders sort last). */
export function nextDueAt(clocks: OrderClocks): string | undefined {
  const due = [clocks.firstResponse, clocks.resolution]
    .filter((c) => c.stoppedAt === undefined && c.pausedAt === undefined && c.dueAt !== undefined)
    .map((c) => c.dueAt as string);
  return due.sort()[0];
}

/** When the timer job must next look at this order: a warning, a breach, or the auto-close. */
export function nextTimer(order: {
  clocks?: OrderClocks;
  status: OrderStatus;
  autoCloseAt?: string;
}): string | undefined {
  const times = order.clocks ? [nextTimerAt(order.clocks.firstResponse), nextTimerAt(order.clocks.resolution)] : [];
  if (order.status === 'resolved' && order.autoCloseAt) times.push(order.autoCloseAt);
  return times.filter((t): t is string => t !== undefined).sort()[0];
}

export function autoCloseAt(resolvedAt: Date, calendar: BusinessCalendar): string {
  return addBusinessMinutes(resolvedAt, AUTO_CLOSE_WORKING_MINUTES, calendar).toISOString();
}

const SEVERITY: Record<ClockState, number> = { breached: 4, warning: 3, running: 2, paused: 1, met: 0 };

export interface SlaSummary {
  state: ClockState;
  /** The clock that decides the state. */
  clock: 'first_response' | 'resolution';
  dueAt?: string;
  /** Working minutes left on that clock; negative when overdue. */
  minutesLeft: number;
}

/** The order's SLA at a glance: its most urgent clock. */
export function slaSummary(clocks: OrderClocks, now: Date, calendar: BusinessCalendar): SlaSummary {
  const candidates = [clocks.firstResponse, clocks.resolution].map((clock) => ({
    clock,
    state: clockState(clock, now),
  }));
  candidates.sort(
    (a, b) => SEVERITY[b.state] - SEVERITY[a.state] || (a.clock.dueAt ?? '9999').localeCompare(b.clock.dueAt ?? '9999'),
  );
  const top = candidates[0]!;
  const summary: SlaSummary = {
    state: top.state,
    clock: top.clock.kind,
    minutesLeft: Math.round(remainingMinutes(top.clock, now, calendar)),
  };
  if (top.clock.dueAt) summary.dueAt = top.clock.dueAt;
  return summary;
}

/**
 * Ends the current hold and starts the next one when the stage or the holder changes, or ends it for
 * good (`next` = null) when the order leaves the team's hands.
 */
export function rotateHold(
  holds: readonly Hold[],
  at: Date,
  calendar: BusinessCalendar,
  next: Pick<Hold, 'stage' | 'department' | 'assigneeId'> | null,
): Hold[] {
  const open = holds.at(-1);
  if (open && open.to === undefined && next && open.stage === next.stage && open.assigneeId === next.assigneeId) {
    return [...holds];
  }
  const closed = holds.map((h, i) =>
    i === holds.length - 1 && h.to === undefined
      ? {
          ...h,
          to: at.toISOString(),
          businessMinutes: Math.round(businessMinutesBetween(new Date(h.from), at, calendar)),
          calendarMinutes: Math.round((at.getTime() - Date.parse(h.from)) / 60_000),
        }
      : h,
  );
  if (!next) return closed;
  const hold: Hold = { stage: next.stage, department: next.department, from: at.toISOString() };
  if (next.assigneeId) hold.assigneeId = next.assigneeId;
  return [...closed, hold];
}

function map(clocks: OrderClocks, f: (c: SlaClock) => SlaClock): OrderClocks {
  return { firstResponse: f(clocks.firstResponse), resolution: f(clocks.resolution) };
}
