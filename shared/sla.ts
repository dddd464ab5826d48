/**
 * Time standards (SPEC §5): business-time arithmetic on a department's calendar and the SLA clocks
 * kept on an order. Pure: every function is given the instants it needs and never reads the clock.
 *
 * Unit: time is counted in whole milliseconds internally and reported as minutes (a float that is
 * always a whole number of milliseconds). Working intervals begin and end on whole minutes, so for
 * whole-minute inputs every result is exact:
 * `businessMinutesBetween(start, addBusinessMinutes(start, n, c), c) === n` for any integer n.
 *
 * Local times are worked out with Intl (one formatter per time zone, read with formatToParts). Where
 * a wall time does not exist (spring-forward gap) it resolves to the moment the clocks jump, the
 * earliest instant whose wall time is at least the one asked for; where it occurs twice (fall-back)
 * it resolves to the first occurrence.
 */
import type { BusinessCalendar, TimeStandard } from './model.ts';
import { type Refusal, refusal } from './refusals.ts';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const DAY_MINUTES = 1440;
/** Searching further than this for a working minute means the calendar has none. */
const SEARCH_LIMIT_DAYS = 3 * 366;
const WEEKDAYS = ['1', '2', '3', '4', '5', '6', '7'] as const;

/** A calendar on which every minute counts (24×7). */
export const ALWAYS_CALENDAR: BusinessCalendar = { timeZone: 'UTC', hours: {}, holidays: [], always: true };

// ---------------------------------------------------------------------------------------------
// Calendar validation

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function minuteOfDay(text: string): number {
  return Number(text.slice(0, 2)) * 60 + Number(text.slice(3, 5));
}

/** "YYYY-MM-DD" → days since 1970-01-01, or undefined when it is not a real date. */
function parseDate(text: string): number | undefined {
  const match = DATE.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  if (year < 1000 || back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) {
    return undefined;
  }
  return Math.floor(ms / DAY_MS);
}

/**
 * Everything wrong with a calendar, as refusals for a 400 response; empty when it is usable.
 * Overnight shifts are not one interval: they are split at midnight into two days.
 */
export function calendarProblems(calendar: BusinessCalendar): Refusal[] {
  const problems: Refusal[] = [];
  if (typeof calendar.timeZone !== 'string' || !isValidZone(calendar.timeZone)) {
    problems.push(refusal('unknown_time_zone', { zone: String(calendar.timeZone) }));
  }
  let working = false;
  for (const [key, intervals] of Object.entries(calendar.hours ?? {})) {
    const index = WEEKDAYS.indexOf(key as (typeof WEEKDAYS)[number]);
    if (index < 0) {
      problems.push(refusal('not_weekday', { day: key }));
      continue;
    }
    const day = index + 1;
    if (!Array.isArray(intervals)) {
      problems.push(refusal('hours_not_list', { day }));
      continue;
    }
    const valid: Array<{ start: number; end: number; label: string }> = [];
    for (const interval of intervals) {
      const start = interval?.start;
      const end = interval?.end;
      const label = `${String(start)}–${String(end)}`;
      const startOk = typeof start === 'string' && TIME.test(start);
      const endOk = typeof end === 'string' && (TIME.test(end) || end === '24:00');
      if (!startOk) problems.push(refusal('start_not_time', { day, value: String(start) }));
      if (!endOk) problems.push(refusal('end_not_time', { day, value: String(end) }));
      if (!startOk || !endOk) continue;
      const from = minuteOfDay(start);
      const to = minuteOfDay(end);
      if (to <= from) {
        problems.push(refusal('interval_reversed', { day, interval: label }));
        continue;
      }
      valid.push({ start: from, end: to, label });
    }
    valid.sort((a, b) => a.start - b.start);
    for (let i = 1; i < valid.length; i++) {
      const before = valid[i - 1]!;
      const after = valid[i]!;
      if (after.start < before.end) {
        problems.push(refusal('intervals_overlap', { day, first: before.label, second: after.label }));
      }
    }
    if (valid.length > 0) working = true;
  }
  if (!Array.isArray(calendar.holidays)) {
    problems.push(refusal('holidays_not_list'));
  } else {
    for (const holiday of calendar.holidays) {
      if (typeof holiday !== 'string' || parseDate(holiday) === undefined) {
        problems.push(refusal('holiday_not_date', { value: String(holiday) }));
      }
    }
  }
  if (!calendar.always && !working) problems.push(refusal('no_working_hours'));
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Calendar internals

interface Compiled {
  always: boolean;
  zone: string;
  /** Index 0 = Monday: merged, sorted [startMinute, endMinute) pairs. */
  week: Array<Array<readonly [number, number]>>;
  holidays: ReadonlySet<number>;
  /** Working intervals already worked out, by local day (bounded). */
  days: Map<number, ReadonlyArray<readonly [number, number]>>;
}

/** Compiled calendars by calendar object (calendars are never mutated; callers reuse the cached department one). */
const compiledCalendars = new WeakMap<BusinessCalendar, Compiled>();

function compile(calendar: BusinessCalendar): Compiled {
  let compiled = compiledCalendars.get(calendar);
  if (!compiled) {
    compiled = compileNow(calendar);
    compiledCalendars.set(calendar, compiled);
  }
  return compiled;
}

function compileNow(calendar: BusinessCalendar): Compiled {
  if (calendar.always) return { always: true, zone: 'UTC', week: [], holidays: new Set(), days: new Map() };
  if (!isValidZone(calendar.timeZone)) throw unusable(calendar);
  let working = false;
  const week = WEEKDAYS.map((key) => {
    const pairs: Array<[number, number]> = [];
    for (const { start, end } of calendar.hours[key] ?? []) {
      if (!TIME.test(start) || !(TIME.test(end) || end === '24:00')) throw unusable(calendar);
      const from = minuteOfDay(start);
      const to = minuteOfDay(end);
      if (to > from) pairs.push([from, to]);
    }
    pairs.sort((a, b) => a[0] - b[0]);
    // Overlapping or touching intervals are one stretch of work.
    const merged: Array<[number, number]> = [];
    for (const pair of pairs) {
      const last = merged.at(-1);
      if (last && pair[0] <= last[1]) last[1] = Math.max(last[1], pair[1]);
      else merged.push(pair);
    }
    if (merged.length > 0) working = true;
    return merged;
  });
  if (!working) throw unusable(calendar);
  const holidays = new Set<number>();
  for (const holiday of calendar.holidays) {
    const day = parseDate(holiday);
    if (day !== undefined) holidays.add(day);
  }
  return { always: false, zone: calendar.timeZone, week, holidays, days: new Map() };
}

function unusable(calendar: BusinessCalendar): RangeError {
  const codes = calendarProblems(calendar).map((p) => p.code);
  return new RangeError(`Unusable business calendar: ${codes.join(', ')}`);
}

/** ISO weekday index 0 (Monday) … 6 (Sunday); 1970-01-01 was a Thursday. */
function weekdayIndex(epochDay: number): number {
  return (((epochDay + 3) % 7) + 7) % 7;
}

// ---------------------------------------------------------------------------------------------
// Time zones

/** Building an Intl formatter costs far more than using one; one per time zone is kept. */
const zoneFormats = new Map<string, Intl.DateTimeFormat>();

function zoneFormat(zone: string): Intl.DateTimeFormat {
  let format = zoneFormats.get(zone);
  if (!format) {
    // Throws a RangeError for a zone Intl does not know.
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    zoneFormats.set(zone, format);
  }
  return format;
}

/** Whether `zone` names a time zone Intl knows (an IANA name such as Europe/Warsaw, or UTC). */
function isValidZone(zone: unknown): zone is string {
  if (typeof zone !== 'string' || zone === '') return false;
  try {
    zoneFormat(zone);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock time in `zone` at instant `ms`, counted like an instant (ms since 1970-01-01 00:00). */
function wallMs(zone: string, ms: number): number {
  // The epoch's parts until the format names them (it names them all).
  const wall: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {
    era: 'AD',
    year: '1970',
    month: '1',
    day: '1',
    hour: '0',
    minute: '0',
    second: '0',
  };
  for (const { type, value } of zoneFormat(zone).formatToParts(ms)) wall[type] = value;
  const year = Number(wall.year);
  const date = new Date(0);
  date.setUTCFullYear(wall.era === 'BC' ? 1 - year : year, Number(wall.month) - 1, Number(wall.day));
  date.setUTCHours(Number(wall.hour), Number(wall.minute), Number(wall.second), 0);
  // The formatter stops at seconds; the milliseconds carry over unchanged.
  return date.getTime() + (((ms % 1000) + 1000) % 1000);
}

const wallMinute = (zone: string, ms: number): number => Math.floor(wallMs(zone, ms) / MINUTE_MS);

/** The earliest instant whose wall time in `zone` is at least `minute` on local day `epochDay`. */
function localInstant(zone: string, epochDay: number, minute: number): number {
  const wanted = epochDay * DAY_MINUTES + minute;
  const wall = wanted * MINUTE_MS;
  // The offsets in force a day either side cover both readings of a wall time near a clock change.
  const early = wall - (wallMs(zone, wall - DAY_MS) - (wall - DAY_MS));
  const late = wall - (wallMs(zone, wall + DAY_MS) - (wall + DAY_MS));
  const earlyFits = wallMs(zone, early) === wall;
  if (early === late) {
    if (earlyFits) return early;
  } else {
    const lateFits = wallMs(zone, late) === wall;
    // On a fall-back night the wall time happens twice: work starts at the first.
    if (earlyFits && lateFits) return Math.min(early, late);
    if (earlyFits) return early;
    if (lateFits) return late;
  }
  // A spring-forward gap: the wall time read with the offset before the jump lies past it. Search
  // back (gaps are shorter than 3 h) for the jump itself.
  const after = Math.max(early, late);
  let reaches = 0;
  let misses = 180;
  while (misses - reaches > 1) {
    const middle = Math.floor((reaches + misses) / 2);
    if (wallMinute(zone, after - middle * MINUTE_MS) >= wanted) reaches = middle;
    else misses = middle;
  }
  return after - reaches * MINUTE_MS;
}

interface DayFrame {
  start: number;
  end: number;
  /** No clock change that day: wall minute m is the instant start + m minutes. */
  uniform: boolean;
}

// Day frames depend only on zone and date, so they are remembered (bounded) across calls.
const frames = new Map<string, Map<number, DayFrame>>();

function dayFrame(zone: string, epochDay: number): DayFrame {
  let zoneFrames = frames.get(zone);
  if (!zoneFrames) {
    zoneFrames = new Map();
    frames.set(zone, zoneFrames);
  }
  const known = zoneFrames.get(epochDay);
  if (known) return known;
  const start = localInstant(zone, epochDay, 0);
  const end = localInstant(zone, epochDay + 1, 0);
  const frame = { start, end, uniform: end - start === DAY_MS };
  if (zoneFrames.size >= 20_000) zoneFrames.clear();
  zoneFrames.set(epochDay, frame);
  return frame;
}

/** Where each zone's local days were last found: local day ≈ (instant + hint) / 1 day. */
const dayHints = new Map<string, number>();

/**
 * The local day (days since 1970-01-01) of instant `ms` in `zone`. Read from the remembered day
 * frames: a frame without a clock change holds exactly the instants of its day; around a clock
 * change the wall time is read from the zone.
 */
function localDay(ms: number, zone: string): number {
  const hint = dayHints.get(zone) ?? 0;
  let day = Math.floor((ms + hint) / DAY_MS);
  for (let step = 0; step < 3; step++) {
    const frame = dayFrame(zone, day);
    if (ms < frame.start) day--;
    else if (ms >= frame.end) day++;
    else {
      if (step > 0) dayHints.set(zone, day * DAY_MS - frame.start);
      if (frame.uniform) return day;
      break;
    }
  }
  return Math.floor(wallMs(zone, ms) / DAY_MS);
}

const NO_INTERVALS: ReadonlyArray<readonly [number, number]> = [];

/** Working intervals of one local day as [startMs, endMs) instants; empty on days off. */
function workingIntervals(calendar: Compiled, epochDay: number): ReadonlyArray<readonly [number, number]> {
  const known = calendar.days.get(epochDay);
  if (known) return known;
  const intervals = dayIntervals(calendar, epochDay);
  if (calendar.days.size >= 5_000) calendar.days.clear();
  calendar.days.set(epochDay, intervals);
  return intervals;
}

function dayIntervals(calendar: Compiled, epochDay: number): ReadonlyArray<readonly [number, number]> {
  if (calendar.holidays.has(epochDay)) return NO_INTERVALS;
  const pairs = calendar.week[weekdayIndex(epochDay)] ?? [];
  if (pairs.length === 0) return NO_INTERVALS;
  const frame = dayFrame(calendar.zone, epochDay);
  const instant = (minute: number): number => {
    if (minute === 0) return frame.start;
    if (minute === DAY_MINUTES) return frame.end;
    return frame.uniform ? frame.start + minute * MINUTE_MS : localInstant(calendar.zone, epochDay, minute);
  };
  const intervals: Array<readonly [number, number]> = [];
  for (const [from, to] of pairs) {
    const start = instant(from);
    const end = instant(to);
    // An interval lying wholly inside a spring-forward gap has no instants.
    if (end > start) intervals.push([start, end]);
  }
  return intervals;
}

function noWorkingTime(): RangeError {
  return new RangeError('The business calendar has no working time within 3 years.');
}

function toMs(minutes: number): number {
  if (!Number.isFinite(minutes) || minutes < 0) throw new RangeError(`Minutes must be 0 or more, got ${minutes}.`);
  return Math.round(minutes * MINUTE_MS);
}

function instantMs(at: Date): number {
  const ms = at.getTime();
  if (Number.isNaN(ms)) throw new RangeError('Invalid date.');
  return ms;
}

function addWorkingMs(start: number, amount: number, calendar: Compiled): number {
  if (amount === 0 || calendar.always) return start + amount;
  let remaining = amount;
  let idleDays = 0;
  for (let day = localDay(start, calendar.zone); ; day++) {
    let worked = false;
    for (const [from, to] of workingIntervals(calendar, day)) {
      if (to <= start) continue;
      worked = true;
      const begin = Math.max(from, start);
      const available = to - begin;
      if (remaining <= available) return begin + remaining;
      remaining -= available;
    }
    idleDays = worked ? 0 : idleDays + 1;
    if (idleDays > SEARCH_LIMIT_DAYS) throw noWorkingTime();
  }
}

function workingMsBetween(from: number, to: number, calendar: Compiled): number {
  if (to <= from) return 0;
  if (calendar.always) return to - from;
  let total = 0;
  const last = localDay(to, calendar.zone);
  for (let day = localDay(from, calendar.zone); day <= last; day++) {
    for (const [start, end] of workingIntervals(calendar, day)) {
      const overlap = Math.min(end, to) - Math.max(start, from);
      if (overlap > 0) total += overlap;
    }
  }
  return total;
}

// ---------------------------------------------------------------------------------------------
// Business-time arithmetic

/**
 * The instant at which `minutes` working minutes have elapsed after `start`. Counting begins at the
 * next working instant when `start` is outside working time; 0 minutes returns `start` unchanged.
 * When the last minute ends a working interval the answer is that interval's end (17:00 on Friday,
 * not 09:00 on Monday). Throws RangeError on an unusable calendar, negative minutes, or a calendar
 * without working time within 3 years.
 */
export function addBusinessMinutes(start: Date, minutes: number, calendar: BusinessCalendar): Date {
  return new Date(addWorkingMs(instantMs(start), toMs(minutes), compile(calendar)));
}

/** Working minutes in [from, to); 0 when `to` is not after `from`. A float of whole milliseconds. */
export function businessMinutesBetween(from: Date, to: Date, calendar: BusinessCalendar): number {
  return workingMsBetween(instantMs(from), instantMs(to), compile(calendar)) / MINUTE_MS;
}

/** Whether the minute starting at `at` counts. Working intervals include their start, not their end. */
export function isWorkingInstant(at: Date, calendar: BusinessCalendar): boolean {
  const compiled = compile(calendar);
  if (compiled.always) return true;
  const ms = instantMs(at);
  return workingIntervals(compiled, localDay(ms, compiled.zone)).some(([from, to]) => from <= ms && ms < to);
}

/** `at` itself when it is working time, else the start of the next working interval. */
export function nextWorkingInstant(at: Date, calendar: BusinessCalendar): Date {
  const compiled = compile(calendar);
  const ms = instantMs(at);
  if (compiled.always) return new Date(ms);
  let idleDays = 0;
  for (let day = localDay(ms, compiled.zone); idleDays <= SEARCH_LIMIT_DAYS; day++) {
    const next = workingIntervals(compiled, day).find(([, to]) => to > ms);
    if (next) return new Date(Math.max(next[0], ms));
    idleDays++;
  }
  throw noWorkingTime();
}

/** The calendar a standard counts on: 24×7 when the standard (or the calendar) says so. */
export function calendarFor(standard: Pick<TimeStandard, 'always'>, calendar: BusinessCalendar): BusinessCalendar {
  return standard.always || calendar.always ? ALWAYS_CALENDAR : calendar;
}

/** When an order filed at `now` would be due for resolution (SPEC §14.3). */
export function promiseDate(now: Date, standard: TimeStandard, calendar: BusinessCalendar): Date {
  return addBusinessMinutes(now, standard.resolutionMinutes, calendarFor(standard, calendar));
}

// ---------------------------------------------------------------------------------------------
// SLA clocks

export type ClockKind = 'first_response' | 'resolution';
export type ClockState = 'running' | 'warning' | 'breached' | 'paused' | 'met';

/**
 * One SLA clock as stored on an order (plain JSON). Exactly one of `runningSince`, `pausedAt`,
 * `stoppedAt` is set. `dueAt`/`warnAt` are the instants at which the used time reaches the target
 * / warning threshold: set while running, and kept once reached; cleared while paused before then
 * (they depend on when work resumes).
 */
export interface SlaClock {
  kind: ClockKind;
  targetMinutes: number;
  /** Share of the target after which the clock is in warning, 0..1. */
  warningAt: number;
  /** Counts every minute; the department calendar is then ignored. */
  always: boolean;
  standardVersion: number;
  startedAt: string;
  /** Working minutes counted up to `runningSince`, `pausedAt` or `stoppedAt`. */
  usedMinutes: number;
  /** Working minutes that passed while paused (SPEC §14.8: raw and paused time side by side). */
  pausedMinutes: number;
  runningSince?: string;
  pausedAt?: string;
  stoppedAt?: string;
  dueAt?: string;
  warnAt?: string;
  outcome?: 'met' | 'breached';
  /** Set by the timer job once the warning was raised. */
  warned: boolean;
  /** Set by the timer job once the breach was raised. */
  breached: boolean;
}

type ClockPatch = { [K in keyof SlaClock]?: SlaClock[K] | undefined };

/** A copy of `clock` with `patch` applied; an undefined value removes the field, keeping JSON plain. */
function patched(clock: SlaClock, patch: ClockPatch): SlaClock {
  const next: Record<string, unknown> = { ...clock, ...patch };
  for (const key of Object.keys(next)) if (next[key] === undefined) delete next[key];
  return next as unknown as SlaClock;
}

function clockCalendar(clock: SlaClock, calendar: BusinessCalendar): Compiled {
  return compile(clock.always ? ALWAYS_CALENDAR : calendar);
}

const iso = (ms: number): string => new Date(ms).toISOString();
const parseIso = (text: string): number => Date.parse(text);
// usedMinutes is stored as minutes but always holds whole milliseconds; this recovers them exactly.
const usedMs = (clock: SlaClock): number => Math.round(clock.usedMinutes * MINUTE_MS);
const targetMs = (clock: SlaClock): number => toMs(clock.targetMinutes);
const warnMs = (clock: SlaClock): number => toMs(clock.targetMinutes * clock.warningAt);

/** dueAt / warnAt when work resumes at `from` with `used` ms already counted. */
function projections(clock: SlaClock, from: number, used: number, calendar: Compiled): ClockPatch {
  const warn = warnMs(clock);
  const target = targetMs(clock);
  return {
    warnAt: used >= warn ? (clock.warnAt ?? iso(from)) : iso(addWorkingMs(from, warn - used, calendar)),
    dueAt: used >= target ? (clock.dueAt ?? iso(from)) : iso(addWorkingMs(from, target - used, calendar)),
  };
}

/** Starts a clock for `kind` from the standard in force; `standard.version` defaults to 1. */
export function startClock(
  kind: ClockKind,
  standard: TimeStandard & { version?: number },
  at: Date,
  calendar: BusinessCalendar,
): SlaClock {
  const always = standard.always || Boolean(calendar.always);
  const start = instantMs(at);
  const clock: SlaClock = {
    kind,
    targetMinutes: kind === 'first_response' ? standard.firstResponseMinutes : standard.resolutionMinutes,
    warningAt: Math.min(1, Math.max(0, standard.warningAt)),
    always,
    standardVersion: standard.version ?? 1,
    startedAt: iso(start),
    usedMinutes: 0,
    pausedMinutes: 0,
    runningSince: iso(start),
    warned: false,
    breached: false,
  };
  return patched(clock, projections(clock, start, 0, clockCalendar(clock, calendar)));
}

/** Working ms counted by `clock` up to `now` (frozen while paused or stopped). */
function usedAt(clock: SlaClock, now: number, calendar: Compiled): number {
  if (clock.runningSince === undefined || clock.stoppedAt !== undefined) return usedMs(clock);
  return usedMs(clock) + workingMsBetween(parseIso(clock.runningSince), now, calendar);
}

/** Pauses a running clock; anything else is returned unchanged. */
export function pauseClock(clock: SlaClock, at: Date, calendar: BusinessCalendar): SlaClock {
  if (clock.runningSince === undefined || clock.stoppedAt !== undefined) return clock;
  const now = instantMs(at);
  const used = usedAt(clock, now, clockCalendar(clock, calendar));
  return patched(clock, {
    usedMinutes: used / MINUTE_MS,
    runningSince: undefined,
    pausedAt: iso(now),
    warnAt: used >= warnMs(clock) ? clock.warnAt : undefined,
    dueAt: used >= targetMs(clock) ? clock.dueAt : undefined,
  });
}

/** Resumes a paused clock and recomputes dueAt/warnAt from the minutes left; else unchanged. */
export function resumeClock(clock: SlaClock, at: Date, calendar: BusinessCalendar): SlaClock {
  if (clock.pausedAt === undefined || clock.stoppedAt !== undefined) return clock;
  const now = instantMs(at);
  const compiled = clockCalendar(clock, calendar);
  const paused = workingMsBetween(parseIso(clock.pausedAt), now, compiled);
  const resumed = patched(clock, {
    pausedAt: undefined,
    runningSince: iso(now),
    pausedMinutes: (Math.round(clock.pausedMinutes * MINUTE_MS) + paused) / MINUTE_MS,
  });
  return patched(resumed, projections(resumed, now, usedMs(resumed), compiled));
}

/**
 * Stops the clock for good (first response given, order resolved). Met when stopped no later than
 * the due time, i.e. no more working time was used than the target. Stopping twice changes nothing.
 */
export function stopClock(clock: SlaClock, at: Date, calendar: BusinessCalendar): SlaClock {
  if (clock.stoppedAt !== undefined) return clock;
  const now = instantMs(at);
  const used = usedAt(clock, now, clockCalendar(clock, calendar));
  const reference = clock.pausedAt !== undefined ? parseIso(clock.pausedAt) : now;
  const late = used > targetMs(clock) || (clock.dueAt !== undefined && reference > parseIso(clock.dueAt));
  return patched(clock, {
    usedMinutes: used / MINUTE_MS,
    runningSince: undefined,
    pausedAt: undefined,
    stoppedAt: iso(now),
    outcome: late ? 'breached' : 'met',
  });
}

/**
 * Runs a stopped clock again, keeping the time already used (the resolution clock on reopen).
 * A paused clock is resumed; a running one is returned unchanged.
 */
export function restartClock(clock: SlaClock, at: Date, calendar: BusinessCalendar): SlaClock {
  if (clock.stoppedAt === undefined) return resumeClock(clock, at, calendar);
  const now = instantMs(at);
  const running = patched(clock, { stoppedAt: undefined, outcome: undefined, runningSince: iso(now) });
  return patched(running, projections(running, now, usedMs(running), clockCalendar(clock, calendar)));
}

/** Which thresholds the clock has passed at `now` (a paused clock is judged at its pause). */
function passed(clock: SlaClock, now: number): { warning: boolean; breach: boolean } {
  const at = clock.pausedAt !== undefined ? parseIso(clock.pausedAt) : now;
  return {
    warning: clock.warnAt !== undefined && at >= parseIso(clock.warnAt),
    breach: clock.dueAt !== undefined && at > parseIso(clock.dueAt),
  };
}

/**
 * The clock's state at `now`. Breached once the due time has passed, even outside working hours;
 * a clock paused after its due time stays breached rather than paused. Needs no calendar: dueAt and
 * warnAt already hold the answer.
 */
export function clockState(clock: SlaClock, now: Date): ClockState {
  if (clock.stoppedAt !== undefined) return clock.outcome === 'breached' ? 'breached' : 'met';
  const { warning, breach } = passed(clock, instantMs(now));
  if (breach) return 'breached';
  if (clock.pausedAt !== undefined) return 'paused';
  return warning ? 'warning' : 'running';
}

/** Working minutes counted so far. */
export function usedMinutes(clock: SlaClock, now: Date, calendar: BusinessCalendar): number {
  return usedAt(clock, instantMs(now), clockCalendar(clock, calendar)) / MINUTE_MS;
}

/** Working minutes left before the target; negative when overdue. */
export function remainingMinutes(clock: SlaClock, now: Date, calendar: BusinessCalendar): number {
  return (targetMs(clock) - usedAt(clock, instantMs(now), clockCalendar(clock, calendar))) / MINUTE_MS;
}

/**
 * The next instant the timer job must look at this clock: warnAt until the warning was raised, then
 * dueAt until the breach was raised. Stopped clocks need nothing. A paused clock only keeps
 * thresholds it had already reached, so it yields one only if the job has not raised it yet.
 */
export function nextTimerAt(clock: SlaClock): string | undefined {
  if (clock.stoppedAt !== undefined) return undefined;
  if (!clock.warned && clock.warnAt !== undefined) return clock.warnAt;
  if (!clock.breached && clock.dueAt !== undefined) return clock.dueAt;
  return undefined;
}

export type TimerEvent = 'warning' | 'breach';

/**
 * What the timer job should raise at `now`, and the clock with those marked as raised. Idempotent:
 * a second call raises nothing. A late job that finds the clock already breached raises only the
 * breach (and marks the warning as raised) so nobody gets a warning after the fact.
 */
export function fireTimers(clock: SlaClock, now: Date): { clock: SlaClock; events: TimerEvent[] } {
  if (clock.stoppedAt !== undefined) return { clock, events: [] };
  const { warning, breach } = passed(clock, instantMs(now));
  if (breach && !clock.breached) return { clock: patched(clock, { breached: true, warned: true }), events: ['breach'] };
  if (warning && !clock.warned) return { clock: patched(clock, { warned: true }), events: ['warning'] };
  return { clock, events: [] };
}

// Words for due times live in due-words.ts (Intl only, no time-zone library), re-exported here.
export { describeDue, formatMinutes, formatMoment } from './due-words.ts';
