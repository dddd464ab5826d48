/**
 * The calendar editor's pure side: working intervals per ISO weekday, holidays kept sorted and unique,
 * and the tidy-up before saving.
 */
import type { BusinessCalendar, WorkingInterval } from '#shared/model.ts';

export type Weekday = '1' | '2' | '3' | '4' | '5' | '6' | '7';
export const WEEKDAYS: readonly Weekday[] = ['1', '2', '3', '4', '5', '6', '7'];

/** Offered in the time-zone box; any other IANA zone can be typed. */
export const COMMON_TIME_ZONES = [
  'UTC',
  'Europe/London',
  'Europe/Dublin',
  'Europe/Lisbon',
  'Europe/Paris',
  'Europe/Berlin',
  'Europe/Madrid',
  'Europe/Rome',
  'Europe/Amsterdam',
  'Europe/Brussels',
  'Europe/Vienna',
  'Europe/Zurich',
  'Europe/Stockholm',
  'Europe/Warsaw',
  'Europe/Prague',
  'Europe/Budapest',
  'Europe/Bucharest',
  'Europe/Athens',
  'Europe/Helsinki',
  'Europe/Kyiv',
  'Europe/Istanbul',
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Los_Angeles',
  'America/Toronto',
  'America/Mexico_City',
  'America/Sao_Paulo',
  'Africa/Johannesburg',
  'Africa/Lagos',
  'Asia/Dubai',
  'Asia/Kolkata',
  'Asia/Singapore',
  'Asia/Shanghai',
  'Asia/Tokyo',
  'Australia/Sydney',
  'Pacific/Auckland',
] as const;

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Whether the browser knows this IANA time zone (the API checks it too). */
export function isTimeZone(zone: string): boolean {
  if (!zone.trim()) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone.trim() });
    return true;
  } catch {
    return false;
  }
}

export function intervalsOf(calendar: BusinessCalendar, day: Weekday): WorkingInterval[] {
  return calendar.hours[day] ?? [];
}

function withDay(calendar: BusinessCalendar, day: Weekday, intervals: WorkingInterval[]): BusinessCalendar {
  return { ...calendar, hours: { ...calendar.hours, [day]: intervals } };
}

/** A new interval: an hour after the day's last one, or a full office day when the day has none. */
export function addInterval(calendar: BusinessCalendar, day: Weekday): BusinessCalendar {
  const list = intervalsOf(calendar, day);
  const last = list[list.length - 1];
  let next: WorkingInterval = { start: '09:00', end: '17:00' };
  if (last && HHMM.test(last.end) && last.end < '23:00') {
    const hour = String(Number(last.end.slice(0, 2)) + 1).padStart(2, '0');
    next = { start: last.end, end: `${hour}:${last.end.slice(3)}` };
  }
  return withDay(calendar, day, [...list, next]);
}

export function removeInterval(calendar: BusinessCalendar, day: Weekday, index: number): BusinessCalendar {
  return withDay(
    calendar,
    day,
    intervalsOf(calendar, day).filter((_, i) => i !== index),
  );
}

export function changeInterval(
  calendar: BusinessCalendar,
  day: Weekday,
  index: number,
  patch: Partial<WorkingInterval>,
): BusinessCalendar {
  return withDay(
    calendar,
    day,
    intervalsOf(calendar, day).map((x, i) => (i === index ? { ...x, ...patch } : x)),
  );
}

/** Copies one day's hours to the other working days (Monday's hours to Tuesday–Friday, say). */
export function copyDay(calendar: BusinessCalendar, from: Weekday, to: readonly Weekday[]): BusinessCalendar {
  const hours = { ...calendar.hours };
  for (const day of to) if (day !== from) hours[day] = intervalsOf(calendar, from).map((x) => ({ ...x }));
  return { ...calendar, hours };
}

export function isDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** Adds dates to the holidays, sorted and without repeats; says how many were new. */
export function addHolidays(
  holidays: readonly string[],
  dates: readonly string[],
): { holidays: string[]; added: number } {
  const set = new Set(holidays);
  let added = 0;
  for (const date of dates) {
    if (isDate(date) && !set.has(date)) {
      set.add(date);
      added++;
    }
  }
  return { holidays: [...set].sort(), added };
}

export function removeHoliday(holidays: readonly string[], date: string): string[] {
  return holidays.filter((d) => d !== date);
}

/** Whether an interval reads as HH:MM–HH:MM with the end after the start; otherwise why not. */
export function intervalProblem(interval: WorkingInterval): 'format' | 'order' | undefined {
  if (!HHMM.test(interval.start.trim()) || !HHMM.test(interval.end.trim())) return 'format';
  if (interval.end.trim() <= interval.start.trim()) return 'order';
  return undefined;
}

/** Intervals of a day that overlap an earlier one (by index). */
export function overlapping(intervals: readonly WorkingInterval[]): number[] {
  const out: number[] = [];
  intervals.forEach((x, i) => {
    if (intervalProblem(x)) return;
    const clash = intervals.some((y, j) => j < i && !intervalProblem(y) && x.start < y.end && y.start < x.end);
    if (clash) out.push(i);
  });
  return out;
}

/** Trimmed, days without hours dropped (intervals keep their places, so errors point at what was typed). */
export function cleanCalendar(calendar: BusinessCalendar): BusinessCalendar {
  const hours: BusinessCalendar['hours'] = {};
  for (const day of WEEKDAYS) {
    const list = intervalsOf(calendar, day).map((x) => ({ start: x.start.trim(), end: x.end.trim() }));
    if (list.length > 0) hours[day] = list;
  }
  const out: BusinessCalendar = { timeZone: calendar.timeZone.trim(), hours, holidays: [...calendar.holidays].sort() };
  if (calendar.always) out.always = true;
  return out;
}
