/**
 * Holiday import from an iCalendar file (RFC 5545, SPEC §14.9). Reads the VEVENTs' dates and
 * reports what it could not take as refusals (codes of shared/refusals.ts); it never throws on
 * malformed input.
 */
import { type Refusal, refusal } from './refusals.ts';

export const ICAL_MAX_BYTES = 1024 * 1024;
/** A longer all-day event is more likely a mistake than a closure; it is cut and reported. */
const MAX_EVENT_DAYS = 366;
const DAY_MS = 86_400_000;

export interface IcalOptions {
  /** Endless yearly events (no COUNT/UNTIL) repeat up to this year; default: 2 years after their start. */
  throughYear?: number;
}

interface Property {
  name: string;
  params: Record<string, string>;
  value: string;
}

interface IcalDate {
  day: number;
  timed: boolean;
}

/** Splits "NAME;PARAM=a;PARAM="b:c":value", honouring quoted parameter values. */
function parseLine(line: string): Property | undefined {
  let quoted = false;
  let colon = -1;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (char === '"') quoted = !quoted;
    else if (char === ':' && !quoted) {
      colon = i;
      break;
    }
  }
  if (colon <= 0) return undefined;
  const [name = '', ...rawParams] = line.slice(0, colon).split(';');
  const params: Record<string, string> = {};
  for (const raw of rawParams) {
    const equals = raw.indexOf('=');
    if (equals > 0) params[raw.slice(0, equals).toUpperCase()] = raw.slice(equals + 1).replace(/^"|"$/g, '');
  }
  return { name: name.toUpperCase(), params, value: line.slice(colon + 1) };
}

function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, char: string) => (char === 'n' || char === 'N' ? ' ' : char)).trim();
}

function dayOf(year: number, month: number, day: number): number | undefined {
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) return undefined;
  return Math.floor(ms / DAY_MS);
}

/**
 * "20261224" or "20261224T130000[Z]". A date-time counts by the date written in the file (local
 * time of its TZID or, for a "Z" time, the UTC date).
 */
function parseIcalDate(value: string): IcalDate | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})(T\d{6}Z?)?$/.exec(value.trim());
  if (!match) return undefined;
  const day = dayOf(Number(match[1]), Number(match[2]), Number(match[3]));
  return day === undefined ? undefined : { day, timed: match[4] !== undefined };
}

/** File text quoted in a problem, kept short. */
function clip(value: string): string {
  const text = value.trim();
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function dateText(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

function civil(day: number): { year: number; month: number; date: number } {
  const at = new Date(day * DAY_MS);
  return { year: at.getUTCFullYear(), month: at.getUTCMonth() + 1, date: at.getUTCDate() };
}

/** "P3D", "P1W", "PT0S": whole days of an all-day event's duration, or undefined. */
function durationDays(value: string): number | undefined {
  const match = /^\+?P(?:(\d+)W)?(?:(\d+)D)?(?:T.*)?$/.exec(value.trim());
  if (!match || (match[1] === undefined && match[2] === undefined)) return undefined;
  return Number(match[1] ?? 0) * 7 + Number(match[2] ?? 0);
}

type Rule = { kind: 'yearly'; interval: number; count?: number; until?: number } | { kind: 'other' };

/** Only "same date every N years" is expanded; any other rule would need a full RRULE engine. */
function parseRule(value: string, start: number): Rule {
  const parts: Record<string, string> = {};
  for (const part of value.split(';')) {
    const [key = '', val = ''] = part.split('=');
    parts[key.toUpperCase()] = val.toUpperCase();
  }
  if (parts.FREQ !== 'YEARLY') return { kind: 'other' };
  const { month, date } = civil(start);
  for (const key of Object.keys(parts)) {
    if (['FREQ', 'INTERVAL', 'COUNT', 'UNTIL', 'WKST'].includes(key)) continue;
    if (key === 'BYMONTH' && Number(parts[key]) === month) continue;
    if (key === 'BYMONTHDAY' && Number(parts[key]) === date) continue;
    return { kind: 'other' };
  }
  const interval = parts.INTERVAL === undefined ? 1 : Number(parts.INTERVAL);
  const count = parts.COUNT === undefined ? undefined : Number(parts.COUNT);
  const until = parts.UNTIL === undefined ? undefined : parseIcalDate(parts.UNTIL)?.day;
  if (!Number.isInteger(interval) || interval < 1) return { kind: 'other' };
  if (count !== undefined && (!Number.isInteger(count) || count < 1)) return { kind: 'other' };
  if (parts.UNTIL !== undefined && until === undefined) return { kind: 'other' };
  return {
    kind: 'yearly',
    interval,
    ...(count === undefined ? {} : { count }),
    ...(until === undefined ? {} : { until }),
  };
}

/** Parses holiday dates ("YYYY-MM-DD", sorted, unique) out of an iCalendar file. */
export function parseIcalHolidays(text: string, options: IcalOptions = {}): { dates: string[]; problems: Refusal[] } {
  if (typeof text !== 'string') return { dates: [], problems: [refusal('ical_not_text')] };
  // UTF-8 never takes fewer bytes than UTF-16 code units, so the cheap length check goes first.
  if (text.length > ICAL_MAX_BYTES || new TextEncoder().encode(text).length > ICAL_MAX_BYTES) {
    return { dates: [], problems: [refusal('ical_too_large', { maxMb: ICAL_MAX_BYTES / (1024 * 1024) })] };
  }
  // Unfold first: a line break followed by a space or tab continues the previous line.
  const lines = text
    .replace(/^\uFEFF/, '')
    .replace(/\r?\n[ \t]/g, '')
    .split(/\r\n|\n|\r/);
  if (!lines.some((line) => line.trim().toUpperCase() === 'BEGIN:VCALENDAR')) {
    return { dates: [], problems: [refusal('ical_not_calendar')] };
  }

  const days = new Set<number>();
  const problems: Refusal[] = [];
  const stack: string[] = [];
  let event: Property[] = [];

  for (const line of lines) {
    if (line.trim() === '') continue;
    const property = parseLine(line);
    if (!property) continue;
    if (property.name === 'BEGIN') {
      const component = property.value.trim().toUpperCase();
      stack.push(component);
      if (component === 'VEVENT') event = [];
    } else if (property.name === 'END') {
      const component = stack.pop();
      // Only events directly inside the calendar; VTODO, VTIMEZONE etc. are not holidays.
      if (component === 'VEVENT' && stack.at(-1) === 'VCALENDAR') readEvent(event, options, days, problems);
    } else if (stack.at(-1) === 'VEVENT') {
      event.push(property);
    }
  }
  return { dates: [...days].sort((a, b) => a - b).map(dateText), problems };
}

function readEvent(properties: Property[], options: IcalOptions, days: Set<number>, problems: Refusal[]): void {
  const find = (name: string): Property | undefined => properties.find((property) => property.name === name);
  const summary = find('SUMMARY');
  // The event's title as the refusal's `event` ('' when it has none: the words say "without a title").
  const title = summary ? clip(unescapeText(summary.value)) : '';
  if (find('STATUS')?.value.trim().toUpperCase() === 'CANCELLED') return;

  const dtstart = find('DTSTART');
  if (!dtstart) {
    problems.push(refusal('ical_no_start', { event: title }));
    return;
  }
  const start = parseIcalDate(dtstart.value);
  if (!start) {
    problems.push(refusal('ical_bad_start', { event: title, value: clip(dtstart.value) }));
    return;
  }

  // All-day events end on DTEND exclusive (or after DURATION); a timed event marks its start date.
  let length = 1;
  if (!start.timed) {
    const dtend = find('DTEND');
    const duration = find('DURATION');
    const end = dtend ? parseIcalDate(dtend.value) : undefined;
    if (dtend && !end) problems.push(refusal('ical_bad_end', { event: title, value: clip(dtend.value) }));
    if (end) length = Math.max(1, end.day - start.day);
    else if (duration) length = Math.max(1, durationDays(duration.value) ?? 1);
    if (length > MAX_EVENT_DAYS) {
      problems.push(refusal('ical_too_long', { event: title, days: length, first: MAX_EVENT_DAYS }));
      length = MAX_EVENT_DAYS;
    }
  } else {
    problems.push(refusal('ical_time_of_day', { event: title, day: dateText(start.day) }));
  }

  const excluded = new Set<number>();
  for (const property of properties.filter((p) => p.name === 'EXDATE')) {
    for (const value of property.value.split(',')) {
      const day = parseIcalDate(value)?.day;
      if (day !== undefined) excluded.add(day);
    }
  }

  const firsts = occurrences(find('RRULE'), start.day, options, title, problems).filter((day) => !excluded.has(day));
  for (const first of firsts) for (let i = 0; i < length; i++) days.add(first + i);
}

function occurrences(
  rrule: Property | undefined,
  start: number,
  options: IcalOptions,
  title: string,
  problems: Refusal[],
): number[] {
  if (!rrule) return [start];
  const rule = parseRule(rrule.value, start);
  if (rule.kind === 'other') {
    problems.push(refusal('ical_first_only', { event: title }));
    return [start];
  }
  const { year, month, date } = civil(start);
  // A finite rule (COUNT/UNTIL) is expanded in full, an endless one up to the year asked for.
  const finite = rule.count !== undefined || rule.until !== undefined;
  const lastYear = Math.max(year, finite ? year + 100 : (options.throughYear ?? year + 2));
  const result: number[] = [];
  // Bounded by year so a huge COUNT or a far UNTIL cannot run away.
  for (let y = year; y <= Math.min(lastYear, year + 100); y += rule.interval) {
    if (rule.count !== undefined && result.length >= rule.count) break;
    // 29 February exists only in leap years; RFC 5545 skips the others.
    const day = dayOf(y, month, date);
    if (day === undefined) continue;
    if (rule.until !== undefined && day > rule.until) break;
    result.push(day);
  }
  return result;
}
