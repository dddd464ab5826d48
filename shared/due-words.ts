/**
 * Due times in plain words (SPEC §9): "due Thu 14:00, 3 h 20 min of working time left". Intl only,
 * so the portal can use it without the time-zone library the SLA maths needs.
 */

import { formatMoment } from './dates.ts';

export { formatMoment };

const MINUTE_MS = 60_000;
const DAY_MINUTES = 1440;

/**
 * The words durations and due times are built from. English by default (API, emails); the portal
 * passes its own for other languages.
 */
export interface DueWords {
  /** Whole minutes: "45 min". */
  minutes: (n: number) => string;
  /** Whole hours: "3 h". */
  hours: (n: number) => string;
  /** Whole 24-hour days: "2 d". */
  days: (n: number) => string;
  /** Whole working days: "2 working days". */
  workingDays: (n: number) => string;
  due: (when: string, left: string) => string;
  overdueBy: (duration: string) => string;
  overdueSince: (when: string) => string;
}

export const ENGLISH_DUE_WORDS: DueWords = {
  minutes: (n) => `${n} min`,
  hours: (n) => `${n} h`,
  days: (n) => `${n} d`,
  workingDays: (n) => `${n} working ${n === 1 ? 'day' : 'days'}`,
  due: (when, left) => `due ${when}, ${left} of working time left`,
  overdueBy: (duration) => `overdue by ${duration} of working time`,
  overdueSince: (when) => `overdue since ${when}`,
};

/**
 * A duration in plain words, sign ignored, rounded to the minute: "45 min", "3 h 20 min". From
 * 24 h on: "2 d 3 h" (24-hour days, minutes dropped). With `hoursPerDay` (a working day's length)
 * hours are never folded into 24-hour days; from one working day on: "2 working days 1 h".
 */
export function formatMinutes(minutes: number, hoursPerDay?: number, words: DueWords = ENGLISH_DUE_WORDS): string {
  const total = Math.round(Math.abs(minutes));
  const hours = Math.floor(total / 60);
  const rest = total % 60;
  const andHours = (h: number) => (h > 0 ? ` ${words.hours(h)}` : '');
  if (hoursPerDay !== undefined && hoursPerDay > 0 && total >= hoursPerDay * 60) {
    const dayLength = hoursPerDay * 60;
    const days = Math.floor(total / dayLength);
    return `${words.workingDays(days)}${andHours(Math.floor((total - days * dayLength) / 60))}`;
  }
  if (total < 60) return words.minutes(total);
  if (hoursPerDay !== undefined || total < DAY_MINUTES) {
    return `${words.hours(hours)}${rest > 0 ? ` ${words.minutes(rest)}` : ''}`;
  }
  const days = Math.floor(total / DAY_MINUTES);
  return `${words.days(days)}${andHours(Math.floor((total % DAY_MINUTES) / 60))}`;
}

/**
 * A clock's due time in plain words: "due Thu 14:00, 3 h 20 min of working time left",
 * "overdue by 2 h 5 min of working time", or "overdue since Fri 17:00" when the due time has passed
 * but no working time since. Left time is rounded up to the minute (it never says "0 min left" too
 * early). `locale` shapes dates and times; `words` the rest (English unless given).
 */
export function describeDue(
  now: Date,
  dueAt: Date,
  minutesLeft: number,
  locale: string,
  timeZone: string,
  hoursPerDay?: number,
  words: DueWords = ENGLISH_DUE_WORDS,
): string {
  // Minutes arrive as whole milliseconds; snapping to them keeps float noise from rounding up.
  const wholeMinutes = (minutes: number): number => Math.ceil(Math.round(minutes * MINUTE_MS) / MINUTE_MS);
  if (minutesLeft < 0) return words.overdueBy(formatMinutes(wholeMinutes(-minutesLeft), hoursPerDay, words));
  const when = formatMoment(now, dueAt, locale, timeZone);
  if (now.getTime() > dueAt.getTime()) return words.overdueSince(when);
  return words.due(when, formatMinutes(wholeMinutes(minutesLeft), hoursPerDay, words));
}
