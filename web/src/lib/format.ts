/** Pure formatting helpers: durations, standards, dates and answers in plain words. */
import type { ServiceSummary } from '#shared/api.ts';
import { formatDateTime as dateTime, formatDay, formatDayShort } from '#shared/dates.ts';
import type { Answers, Canvas, TimeStandard } from '#shared/model.ts';
import { readerOptions } from './sla.ts';
import { t } from './strings.ts';

/** The canvas's sections in the order they are read (SPEC §2). */
export const CANVAS_ORDER: ReadonlyArray<keyof Canvas> = [
  'value',
  'customerSegments',
  'howToOrder',
  'channels',
  'keyProcesses',
  'qualityChecks',
  'standardsAndMetrics',
  'resources',
  'partners',
];

const WORKING_DAY_MINUTES = 8 * 60;
const CALENDAR_DAY_MINUTES = 24 * 60;

/**
 * A duration in minutes as words. Business time counts working hours and working days of 8 h;
 * with `always` (24×7) it counts plain hours and days of 24 h.
 */
export function durationWords(minutes: number, always = false): string {
  const dayLength = always ? CALENDAR_DAY_MINUTES : WORKING_DAY_MINUTES;
  const m = Math.max(0, minutes);
  if (m < 60) return t.duration.minutes(Math.round(m));
  // Whole or half days read better than "24 working hours"; anything else stays in hours.
  if (m >= dayLength && m % (dayLength / 2) === 0) return t.duration.days(m / dayLength, !always);
  return t.duration.hours(Math.round(m / 6) / 10, !always);
}

/** "answered within 4 working hours, done within 3 working days". */
export function standardWords(standard: Pick<TimeStandard, 'firstResponseMinutes' | 'resolutionMinutes' | 'always'>) {
  return t.standard.words(
    durationWords(standard.firstResponseMinutes, standard.always),
    durationWords(standard.resolutionMinutes, standard.always),
  );
}

/**
 * A moment in the portal's one format for its language (shared/dates.ts): "3 Dec 2026, 14:30" in
 * the reader's own time zone, or in `timeZone` with the zone named ("3 Dec 2026, 14:30 CET") when
 * that is not the reader's.
 */
export function formatDateTime(iso: string, timeZone?: string): string {
  const reader = readerOptions().timeZone;
  return dateTime(iso, t.locale, { timeZone: timeZone ?? reader, readerTimeZone: reader });
}

/** A day "YYYY-MM-DD" in words, "25 Oct 2026" (the date itself: no time zone shifts it). */
export function dayWords(day: string, locale: string = t.locale): string {
  return formatDay(day, locale);
}

/** A day "YYYY-MM-DD" short, for a chart's axis: "3 Dec", "3 gru". */
export function dayShortWords(day: string, locale: string = t.locale): string {
  return formatDayShort(day, locale);
}

/** An answer as the requester would read it. */
export function answerWords(value: Answers[string] | undefined): string {
  if (value === undefined || value === null || value === '') return t.common.none;
  if (typeof value === 'boolean') return value ? t.common.yes : t.common.no;
  if (Array.isArray(value)) return value.length ? value.join(', ') : t.common.none;
  return String(value);
}

const SAME_SITE = 'https://ordo.invalid';

/**
 * Only same-site paths are followed after sign-in. Browsers read "\" as "/" and drop tabs and
 * newlines, so "/\evil.example" or "/<tab>/evil.example" would leave the site: any backslash or
 * control character is refused, and what is left must resolve to this origin.
 */
export function safeNext(next: string | undefined): string {
  if (!next?.startsWith('/') || next.startsWith('//') || /[\\\p{Cc}]/u.test(next)) return '/';
  try {
    return new URL(next, SAME_SITE).origin === SAME_SITE ? next : '/';
  } catch {
    return '/';
  }
}

/** Every word of the query must appear in the service's name, summary or tags. */
export function serviceMatches(service: Pick<ServiceSummary, 'name' | 'summary' | 'tags'>, query: string): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = [service.name, service.summary, ...service.tags].join(' ').toLowerCase();
  return words.every((w) => haystack.includes(w));
}
