/**
 * Time standards in the portal (SPEC §5, §9): a clock's state and its due time in plain words, in
 * the reader's locale and time zone. Pure and Intl-only: the SLA maths (and its time-zone library)
 * stays on the server; the API sends each order's most urgent clock with the working minutes left.
 */
import type { OrderSummary } from '#shared/api.ts';
import { dateLocale } from '#shared/dates.ts';
import { describeDue, formatMoment, formatMinutes as minutesIn } from '#shared/due-words.ts';
import type { OrderClocks, SlaSummary } from '#shared/order-clocks.ts';
import { t } from './strings.ts';

export type ClockState = SlaSummary['state'];
export type SlaClock = OrderClocks['firstResponse'];

/** A duration in short words ("3 h 20 min"), in the portal's language. */
export function formatMinutes(minutes: number, hoursPerDay?: number): string {
  return minutesIn(minutes, hoursPerDay, t.due);
}

/** The states in the order a filter lists them: the most urgent first. */
export const SLA_STATES: readonly ClockState[] = ['breached', 'warning', 'running', 'paused', 'met'];

export interface WordsOptions {
  locale: string;
  timeZone: string;
  /** Length of a working day in hours, so long stretches read as working days. */
  hoursPerDay?: number | undefined;
}

/**
 * Where and how the reader reads times: the one date format of the portal's language (shared/dates.ts)
 * in their browser's time zone.
 */
export function readerOptions(hoursPerDay?: number): WordsOptions {
  return {
    locale: dateLocale(t.locale),
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
    hoursPerDay,
  };
}

/** A clock's state at `now`, as the server judges it (from its due and warning times alone). */
export function clockStateAt(clock: SlaClock, now: Date): ClockState {
  if (clock.stoppedAt !== undefined) return clock.outcome === 'breached' ? 'breached' : 'met';
  const at = clock.pausedAt !== undefined ? Date.parse(clock.pausedAt) : now.getTime();
  if (clock.dueAt !== undefined && at > Date.parse(clock.dueAt)) return 'breached';
  if (clock.pausedAt !== undefined) return 'paused';
  return clock.warnAt !== undefined && at >= Date.parse(clock.warnAt) ? 'warning' : 'running';
}

/** The badge's words: a stopped clock that ran over was missed rather than overdue. */
export function stateWords(state: ClockState, stopped = false): string {
  return state === 'breached' && stopped ? t.sla.missed : t.sla.states[state];
}

/**
 * Working minutes left on `clock` at `now`. The API sends them for the order's most urgent clock;
 * the other one is derived when both have run over the same stretch (they start, pause and resume
 * together), or counted directly when it runs around the clock. Undefined when it cannot be known
 * without the calendar.
 */
export function minutesLeft(
  clock: SlaClock,
  clocks: OrderClocks,
  summary: SlaSummary | undefined,
  now: Date,
): number | undefined {
  if (clock.stoppedAt !== undefined || clock.pausedAt !== undefined) return clock.targetMinutes - clock.usedMinutes;
  if (summary && summary.clock === clock.kind) return summary.minutesLeft;
  if (clock.runningSince === undefined) return undefined;
  if (clock.always)
    return clock.targetMinutes - clock.usedMinutes - (now.getTime() - Date.parse(clock.runningSince)) / 60_000;
  const other = summary?.clock === 'first_response' ? clocks.firstResponse : clocks.resolution;
  if (
    summary &&
    other !== clock &&
    other.runningSince === clock.runningSince &&
    other.always === clock.always &&
    other.stoppedAt === undefined
  ) {
    const elapsed = other.targetMinutes - other.usedMinutes - summary.minutesLeft;
    return clock.targetMinutes - clock.usedMinutes - elapsed;
  }
  return undefined;
}

/** One clock of the order page in words: "due Thu 14:00, 3 h 20 min of working time left". */
export function clockWords(clock: SlaClock, left: number | undefined, now: Date, options: WordsOptions): string {
  const { locale, timeZone, hoursPerDay } = options;
  const moment = (iso: string) => formatMoment(now, new Date(iso), locale, timeZone);
  const used = formatMinutes(clock.usedMinutes, hoursPerDay);
  if (clock.stoppedAt !== undefined) {
    return clock.outcome === 'breached'
      ? t.sla.missedAt(moment(clock.stoppedAt), used)
      : t.sla.metAt(moment(clock.stoppedAt), used);
  }
  const state = clockStateAt(clock, now);
  if (state === 'paused') {
    return t.sla.pausedLeft(moment(clock.pausedAt ?? now.toISOString()), formatMinutes(left ?? 0, hoursPerDay));
  }
  if (clock.dueAt === undefined) return t.sla.noDue;
  if (left === undefined) return t.sla.dueAt(moment(clock.dueAt));
  return describeDue(now, new Date(clock.dueAt), left, locale, timeZone, hoursPerDay, t.due);
}

/** The due words of a list row, from the order's most urgent clock. */
export function summaryWords(sla: SlaSummary | undefined, now: Date, options: WordsOptions): string {
  if (!sla) return t.sla.noStandard;
  const { locale, timeZone, hoursPerDay } = options;
  if (sla.state === 'met') return t.sla.allMet;
  if (sla.state === 'paused' || sla.dueAt === undefined) {
    return t.sla.pausedShort(formatMinutes(Math.max(0, sla.minutesLeft), hoursPerDay));
  }
  return describeDue(now, new Date(sla.dueAt), sla.minutesLeft, locale, timeZone, hoursPerDay, t.due);
}

/** Rows whose most urgent clock is in the state asked for (all rows when none is asked for). */
export function bySlaState<T extends Pick<OrderSummary, 'sla'>>(rows: readonly T[], state: ClockState | ''): T[] {
  return state ? rows.filter((row) => row.sla?.state === state) : [...rows];
}
