/**
 * Dates and times as people read them: ONE format per language for a day, a time and a moment (a
 * day with its time), used by the portal and the mails alike. Intl only (no time-zone library), so
 * the portal can use it. The zone is named ("14:30 CET") whenever the time is not in the reader's
 * own zone, and always in mail, where the reader's zone is unknown:
 *
 *   en  3 Dec 2026 · 14:30 · 3 Dec 2026, 14:30 CET
 *   pl  3 grudnia 2026 · 14:30 · 3 grudnia 2026, 14:30 CET
 *   ru  3 декабря 2026 г. · 14:30 · 3 декабря 2026 г., 14:30 GMT+1
 *   nl  3 december 2026 · 14:30 · 3 december 2026, 14:30 CET
 *   zh  2026年12月3日 · 14:30 · 2026年12月3日 14:30 GMT+1
 *
 * A language is given by its code or any locale tag of it ("pl", "pl-PL"); anything else reads as
 * English. Relative words ("today 14:30", "Thu 14:30") are for due times within a week.
 */

type DateLanguage = 'en' | 'pl' | 'ru' | 'nl' | 'zh';

interface Shape {
  locale: string;
  month: 'short' | 'long';
  /** A moment from its day, its time and (maybe) its zone. */
  moment: (day: string, time: string) => string;
}

const SHAPES: Record<DateLanguage, Shape> = {
  en: { locale: 'en-GB', month: 'short', moment: (day, time) => `${day}, ${time}` },
  pl: { locale: 'pl-PL', month: 'long', moment: (day, time) => `${day}, ${time}` },
  ru: { locale: 'ru-RU', month: 'long', moment: (day, time) => `${day}, ${time}` },
  nl: { locale: 'nl-NL', month: 'long', moment: (day, time) => `${day}, ${time}` },
  zh: { locale: 'zh-CN', month: 'long', moment: (day, time) => `${day} ${time}` },
};

/** The language of a code or locale tag ("pl-PL" → pl), English when the portal does not speak it. */
export function dateLanguage(languageOrLocale: string | undefined): DateLanguage {
  const code = (languageOrLocale ?? '').split('-')[0]?.toLowerCase() ?? '';
  return code in SHAPES ? (code as DateLanguage) : 'en';
}

/** The locale every date of a language is written in. */
export function dateLocale(languageOrLocale: string | undefined): string {
  return SHAPES[dateLanguage(languageOrLocale)].locale;
}

/** Building an Intl formatter costs far more than using one; each is kept per shape, locale and zone. */
const formats = new Map<string, Intl.DateTimeFormat>();

function format(shape: string, locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const id = `${shape}|${locale}|${options.timeZone ?? ''}`;
  let found = formats.get(id);
  if (!found) {
    found = new Intl.DateTimeFormat(locale, options);
    if (formats.size >= 1_000) formats.clear();
    formats.set(id, found);
  }
  return found;
}

function instant(at: Date | string): Date | undefined {
  const date = typeof at === 'string' ? new Date(at) : at;
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function dayIn(date: Date, language: DateLanguage, timeZone: string): string {
  const shape = SHAPES[language];
  return format(`day-${shape.month}`, shape.locale, {
    timeZone,
    day: 'numeric',
    month: shape.month,
    year: 'numeric',
  }).format(date);
}

function timeIn(date: Date, language: DateLanguage, timeZone: string): string {
  return format('time', SHAPES[language].locale, {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(date);
}

/** The zone's short name at that instant in the language's own words: "CET", "CEST", "GMT+1". */
export function zoneName(at: Date, languageOrLocale: string, timeZone: string): string {
  const locale = dateLocale(languageOrLocale);
  const parts = format('zone', locale, { timeZone, timeZoneName: 'short', hour: 'numeric' }).formatToParts(at);
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
}

function offsetMinutes(at: Date, timeZone: string): number {
  const parts = format('offset', 'en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const local = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour') % 24, part('minute'));
  return Math.round((local - Math.floor(at.getTime() / 60_000) * 60_000) / 60_000);
}

/**
 * Where a time is shown and who reads it. `readerTimeZone` is the reader's own zone (the portal:
 * the browser's); without it (mail) the zone is always named.
 */
export interface ZoneOptions {
  timeZone: string;
  readerTimeZone?: string | undefined;
}

/** Whether a time in `timeZone` must name its zone for a reader in `readerTimeZone` (none: always). */
export function namesZone(at: Date, { timeZone, readerTimeZone }: ZoneOptions): boolean {
  if (readerTimeZone === undefined) return true;
  return readerTimeZone !== timeZone && offsetMinutes(at, readerTimeZone) !== offsetMinutes(at, timeZone);
}

/** A local day "YYYY-MM-DD" in words: "3 Dec 2026", "3 grudnia 2026"; anything else as given. */
export function formatDay(day: string, languageOrLocale: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return day;
  // Noon UTC of that date: the same calendar day whatever the formatter's zone.
  const date = instant(`${day}T12:00:00Z`);
  return date ? dayIn(date, dateLanguage(languageOrLocale), 'UTC') : day;
}

/**
 * A day "YYYY-MM-DD" short, without its year, for an axis of many days or weeks: "3 Dec", "3 gru",
 * "3 дек.", "3 dec", "12月3日"; anything else as given.
 */
export function formatDayShort(day: string, languageOrLocale: string): string {
  const date = instant(`${day}T12:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || !date) return day;
  return format('day-without-year', dateLocale(languageOrLocale), {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  }).format(date);
}

/** A month "YYYY-MM" in words: "December 2026", "grudzień 2026". */
export function formatMonth(month: string, languageOrLocale: string): string {
  const date = instant(`${month}-15T12:00:00Z`);
  if (!/^\d{4}-\d{2}$/.test(month) || !date) return month;
  return format('month', dateLocale(languageOrLocale), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    date,
  );
}

/** The day of an instant in `timeZone`, in words. */
export function formatDate(at: Date | string, languageOrLocale: string, timeZone: string): string {
  const date = instant(at);
  return date ? dayIn(date, dateLanguage(languageOrLocale), timeZone) : String(at);
}

/** A time of day: "14:30", or "14:30 CET" when not in the reader's zone. */
export function formatTime(at: Date | string, languageOrLocale: string, zone: ZoneOptions): string {
  const date = instant(at);
  if (!date) return String(at);
  const time = timeIn(date, dateLanguage(languageOrLocale), zone.timeZone);
  return namesZone(date, zone) ? `${time} ${zoneName(date, languageOrLocale, zone.timeZone)}` : time;
}

/** A moment: "3 Dec 2026, 14:30", with the zone when not in the reader's ("3 grudnia 2026, 14:30 CET"). */
export function formatDateTime(at: Date | string, languageOrLocale: string, zone: ZoneOptions): string {
  const date = instant(at);
  if (!date) return String(at);
  const language = dateLanguage(languageOrLocale);
  return SHAPES[language].moment(dayIn(date, language, zone.timeZone), formatTime(date, language, zone));
}

const DAY_MS = 86_400_000;
const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();

function relativeFormat(locale: string): Intl.RelativeTimeFormat {
  let found = relativeFormats.get(locale);
  if (!found) {
    found = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
    relativeFormats.set(locale, found);
  }
  return found;
}

function epochDay(at: Date, timeZone: string): number {
  const parts = format('date', 'en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' }).formatToParts(
    at,
  );
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return Math.floor(Date.UTC(part('year'), part('month') - 1, part('day')) / DAY_MS);
}

/**
 * An instant relative to `now`: "today 16:30", "tomorrow 09:00", "Thu 14:00" within the coming
 * week, else the moment's one format ("12 Mar 2027, 15:00"). The zone is named as formatTime does.
 */
export function formatMoment(now: Date, at: Date, languageOrLocale: string, zone: ZoneOptions | string): string {
  const options = typeof zone === 'string' ? { timeZone: zone, readerTimeZone: zone } : zone;
  const language = dateLanguage(languageOrLocale);
  const locale = SHAPES[language].locale;
  const days = epochDay(at, options.timeZone) - epochDay(now, options.timeZone);
  const time = formatTime(at, language, options);
  if (days >= -1 && days <= 1) return `${relativeFormat(locale).format(days, 'day')} ${time}`;
  if (days > 1 && days < 7) {
    const weekday = format('weekday', locale, { timeZone: options.timeZone, weekday: 'short' }).format(at);
    return `${weekday} ${time}`;
  }
  return formatDateTime(at, language, options);
}

/**
 * The calendar day "YYYY-MM-DD" it is at `now` in `timeZone` (a department's calendar zone), or in
 * the reader's own zone when none is given or the zone is unknown.
 */
export function todayIn(timeZone: string | undefined, now: Date = new Date()): string {
  const options = { year: 'numeric', month: '2-digit', day: '2-digit' } as const;
  try {
    return format('today', 'en-CA', { ...options, ...(timeZone ? { timeZone } : {}) }).format(now);
  } catch {
    return format('today', 'en-CA', options).format(now);
  }
}
