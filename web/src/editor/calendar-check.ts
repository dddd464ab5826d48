/** Calendar checks the schema cannot express, in words, by path; shared by the department editors. */
import type { BusinessCalendar } from '#shared/model.ts';
import type { FieldErrors } from '../lib/paths.ts';
import { t } from '../lib/strings.ts';
import { intervalProblem, isTimeZone, overlapping, WEEKDAYS } from './calendar.ts';

/** Intervals that end before they start or overlap, and time zones the browser does not know. */
export function calendarProblems(calendar: BusinessCalendar): FieldErrors {
  const problems: FieldErrors = {};
  const zone = calendar.timeZone;
  if (zone.trim() && !isTimeZone(zone)) problems['calendar.timeZone'] = t.calendar.badZone;
  for (const day of WEEKDAYS) {
    const list = calendar.hours[day] ?? [];
    list.forEach((interval, i) => {
      if (intervalProblem(interval) === 'order') problems[`calendar.hours.${day}.${i}.end`] = t.calendar.badOrder;
    });
    for (const i of overlapping(list)) problems[`calendar.hours.${day}.${i}.start`] ??= t.calendar.overlap;
  }
  return problems;
}

/** A new department's starting calendar: Monday to Friday, 09:00–17:00, Warsaw time. */
export function defaultCalendar(): BusinessCalendar {
  const day = () => [{ start: '09:00', end: '17:00' }];
  return { timeZone: 'Europe/Warsaw', hours: { 1: day(), 2: day(), 3: day(), 4: day(), 5: day() }, holidays: [] };
}
