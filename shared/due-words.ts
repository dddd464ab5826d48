/**
 * Due times in plain words (SPEC §9): "due Thu 14:00, 3 h 20 min of working time left". Intl only,
 * so the portal can use it without the time-zone library the SLA maths needs.
 */

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const DAY_MINUTES = 1440;

function epochDayOf(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / DAY_MS);
}

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

/** Building an Intl formatter costs far more than using one; each is kept per shape, locale and zone. */
const formats = new Map<string, Intl.DateTimeFormat>();
const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();

function dateFormat(shape: string, locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const id = `${shape}|${locale}|${options.timeZone}`;
  let format = formats.get(id);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    if (formats.size >= 1_000) formats.clear();
    formats.set(id, format);
  }
  return format;
}

function relativeFormat(locale: string): Intl.RelativeTimeFormat {
  let format = relativeFormats.get(locale);
  if (!format) {
    format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
    if (relativeFormats.size >= 100) relativeFormats.clear();
    relativeFormats.set(locale, format);
  }
  return format;
}

function localDate(at: Date, timeZone: string): { year: number; month: number; day: number } {
  const parts = dateFormat('date', 'en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' })
    .formatToParts(at)
    .reduce<Record<string, string>>((all, part) => {
      all[part.type] = part.value;
      return all;
    }, {});
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day) };
}

/**
 * An instant as people say it, relative to `now` in `timeZone`: "today 16:30", "tomorrow 09:00",
 * "Thu 14:00" within a week, else "Wed 12 Mar 15:00" (with the year when it differs).
 */
export function formatMoment(now: Date, at: Date, locale: string, timeZone: string): string {
  const time = dateFormat('time', locale, { timeZone, hour: '2-digit', minute: '2-digit' }).format(at);
  const today = localDate(now, timeZone);
  const then = localDate(at, timeZone);
  const days = epochDayOf(then.year, then.month, then.day) - epochDayOf(today.year, today.month, today.day);
  if (days >= -1 && days <= 1) {
    return `${relativeFormat(locale).format(days, 'day')} ${time}`;
  }
  const withDate = !(days > 1 && days < 7);
  const withYear = then.year !== today.year;
  const date = dateFormat(`weekday${withDate ? '+date' : ''}${withYear ? '+year' : ''}`, locale, {
    timeZone,
    weekday: 'short',
    ...(withDate ? { day: 'numeric', month: 'short' } : {}),
    ...(withYear ? { year: 'numeric' } : {}),
  }).format(at);
  return `${date} ${time}`;
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
