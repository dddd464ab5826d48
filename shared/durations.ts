/**
 * Durations typed as people say them, for time standards: "2 working days", "4 h", "30 min",
 * "1 day 4 h", "1,5 h", "2 dni robocze", "4 godz.", "2个工作日", in the reader's language. A day is
 * the department's working day (its working hours per day), or 24 hours on a 24×7 standard. Pure.
 *
 * formatDuration says a whole number of minutes the way parseDuration reads it back.
 */
import type { BusinessCalendar, Language } from './model.ts';

/** Why a typed duration cannot be a time standard (refusal codes, shared/refusals.ts). */
export type DurationRefusal = 'duration_unreadable' | 'duration_not_positive';

export type DurationParse = { ok: true; minutes: number } | { ok: false; code: DurationRefusal };

type Unit = 'day' | 'hour' | 'minute';

/** The words a unit is typed as, lower case, per language (every language also reads English). */
const UNITS: Record<Language, Record<Unit, readonly string[]>> = {
  en: {
    day: [
      'd',
      'day',
      'days',
      'working day',
      'working days',
      'work day',
      'work days',
      'business day',
      'business days',
      'workday',
      'workdays',
      'wd',
    ],
    hour: ['h', 'hr', 'hrs', 'hour', 'hours', 'working hour', 'working hours'],
    minute: ['m', 'min', 'mins', 'minute', 'minutes'],
  },
  pl: {
    day: ['dzień', 'dni', 'dnia', 'dzień roboczy', 'dni robocze', 'dni roboczych', 'dnia roboczego', 'd'],
    hour: ['godz', 'godz.', 'g', 'godzina', 'godziny', 'godzin', 'godziny robocze', 'godzin roboczych'],
    minute: ['min', 'min.', 'minuta', 'minuty', 'minut'],
  },
  ru: {
    day: ['д', 'дн', 'дн.', 'день', 'дня', 'дней', 'рабочий день', 'рабочих дня', 'рабочих дней', 'рабочего дня'],
    hour: ['ч', 'ч.', 'час', 'часа', 'часов', 'рабочих часа', 'рабочих часов'],
    minute: ['мин', 'мин.', 'минута', 'минуты', 'минут'],
  },
  nl: {
    day: ['d', 'dag', 'dagen', 'werkdag', 'werkdagen'],
    hour: ['u', 'uur', 'uren', 'werkuur', 'werkuren'],
    minute: ['min', 'minuut', 'minuten'],
  },
  zh: {
    day: ['天', '日', '工作日', '个工作日', '個工作日'],
    hour: ['小时', '个小时', '小時', '時', '时'],
    minute: ['分钟', '分', '分鐘'],
  },
};

/** Words between parts that mean "and": "1 day and 4 h", "1 dzień i 4 godz.". */
const JOINERS = new Set(['and', 'i', 'и', 'en', '和', ',', '+']);

const lookup = new Map<Language, Map<string, Unit>>();

function unitsOf(language: Language): Map<string, Unit> {
  let found = lookup.get(language);
  if (!found) {
    found = new Map();
    for (const table of [UNITS.en, UNITS[language]]) {
      for (const unit of ['day', 'hour', 'minute'] as const) for (const word of table[unit]) found.set(word, unit);
    }
    lookup.set(language, found);
  }
  return found;
}

/**
 * The usual length of a department's working day in hours (the most common daily total over the
 * week, breaks left out), so "10 h of working time" reads "1 working day 2 h" and "2 days" typed
 * means two of them. None for a 24×7 calendar (its day is 24 h, see workingDay) or one without hours.
 */
export function workingHoursPerDay(calendar: BusinessCalendar | undefined): number | undefined {
  if (!calendar || calendar.always) return undefined;
  const counts = new Map<number, number>();
  for (const intervals of Object.values(calendar.hours)) {
    let minutes = 0;
    for (const { start, end } of intervals ?? []) minutes += clockMinutes(end) - clockMinutes(start);
    if (minutes > 0) counts.set(minutes, (counts.get(minutes) ?? 0) + 1);
  }
  let best: [number, number] | undefined;
  for (const entry of counts) {
    if (!best || entry[1] > best[1] || (entry[1] === best[1] && entry[0] > best[0])) best = entry;
  }
  return best ? best[0] / 60 : undefined;
}

/**
 * What a day typed for a department means, as parseDuration takes it: its usual working day, or 24 h
 * when its calendar runs around the clock (or the standard itself does).
 */
export function workingDay(
  calendar: BusinessCalendar | undefined,
  alwaysStandard = false,
): { hoursPerDay: number | undefined; always: boolean } {
  return { hoursPerDay: workingHoursPerDay(calendar), always: alwaysStandard || calendar?.always === true };
}

function clockMinutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** A working day's length in whole minutes: 24 h on a 24×7 standard, else the department's (8 h if unknown). */
export function dayMinutes(hoursPerDay: number | undefined, always: boolean): number {
  if (always) return 24 * 60;
  return hoursPerDay !== undefined && Number.isFinite(hoursPerDay) && hoursPerDay > 0
    ? Math.round(hoursPerDay * 60)
    : 8 * 60;
}

/** A number then its unit, e.g. "2 working days", "1,5h", "30 min", "2个工作日". */
const PART = /(\d+(?:[.,]\d+)?)\s*([^\d]*)/gu;

/**
 * What a typed duration means in minutes (rounded to the minute), or why it cannot be read: every
 * number needs a unit of the reader's language (or English), and the whole must be above zero.
 */
export function parseDuration(
  text: string,
  language: Language,
  hoursPerDay: number | undefined,
  always: boolean,
): DurationParse {
  const units = unitsOf(language);
  const day = dayMinutes(hoursPerDay, always);
  const source = text.trim().toLowerCase().replace(/\s+/g, ' ');
  if (!source || !/^\d/.test(source)) return { ok: false, code: 'duration_unreadable' };
  let minutes = 0;
  let read = 0;
  for (const match of source.matchAll(PART)) {
    read += match[0].length;
    const value = Number((match[1] ?? '').replace(',', '.'));
    let word = (match[2] ?? '').trim();
    // A joiner before the next part: "1 day and 4 h", "1 day, 4 h".
    for (const joiner of JOINERS) {
      if (word.endsWith(` ${joiner}`) || (word.endsWith(joiner) && /[,+和]$/u.test(joiner))) {
        word = word.slice(0, -joiner.length).trim();
        break;
      }
    }
    const unit = units.get(word);
    if (!unit || !Number.isFinite(value)) return { ok: false, code: 'duration_unreadable' };
    minutes += value * (unit === 'day' ? day : unit === 'hour' ? 60 : 1);
  }
  if (read !== source.length) return { ok: false, code: 'duration_unreadable' };
  const whole = Math.round(minutes);
  if (whole <= 0) return { ok: false, code: 'duration_not_positive' };
  return { ok: true, minutes: whole };
}

/** A word for one, for a few, and for many (Polish and Russian; a form Intl calls "other" takes many's). */
type CountForms = readonly [one: string, few: string, many: string];

/** A count of days in a language whose word changes with the count: calendar days, or working days. */
function daysByForm(language: Language, days: CountForms, workingDays: CountForms) {
  return (n: number, always: boolean): string => {
    const [one, few, many] = always ? days : workingDays;
    const form = plural(language, n);
    return `${n} ${form === 'one' ? one : form === 'few' ? few : many}`;
  };
}

/** How a count of each unit is said, per language (Intl plural rules choose the form). */
const SAY: Record<
  Language,
  { join: string; day: (n: number, always: boolean) => string; hour: string; minute: string }
> = {
  en: {
    join: ' ',
    day: (n, always) => `${n} ${always ? '' : 'working '}${n === 1 ? 'day' : 'days'}`,
    hour: 'h',
    minute: 'min',
  },
  pl: {
    join: ' ',
    day: daysByForm('pl', ['dzień', 'dni', 'dni'], ['dzień roboczy', 'dni robocze', 'dni roboczych']),
    hour: 'godz.',
    minute: 'min',
  },
  ru: {
    join: ' ',
    day: daysByForm('ru', ['день', 'дня', 'дней'], ['рабочий день', 'рабочих дня', 'рабочих дней']),
    hour: 'ч',
    minute: 'мин',
  },
  nl: {
    join: ' ',
    day: (n, always) => `${n} ${always ? (n === 1 ? 'dag' : 'dagen') : n === 1 ? 'werkdag' : 'werkdagen'}`,
    hour: 'u',
    minute: 'min',
  },
  zh: { join: '', day: (n, always) => `${n}${always ? '天' : '个工作日'}`, hour: '小时', minute: '分钟' },
};

const pluralRules = new Map<string, Intl.PluralRules>();

function plural(locale: string, n: number): Intl.LDMLPluralRule {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    pluralRules.set(locale, rules);
  }
  return rules.select(n);
}

/**
 * A duration as parseDuration reads it: whole working days (24-hour days on a 24×7 standard), then
 * hours, then minutes: "2 working days", "1 working day 4 h", "4 h 30 min", "2 dni robocze".
 */
export function formatDuration(
  minutes: number,
  language: Language,
  hoursPerDay: number | undefined,
  always: boolean,
): string {
  const say = SAY[language] ?? SAY.en;
  const day = dayMinutes(hoursPerDay, always);
  let rest = Math.max(0, Math.round(minutes));
  const days = Math.floor(rest / day);
  rest -= days * day;
  const hours = Math.floor(rest / 60);
  rest -= hours * 60;
  const gap = say.join === '' ? '' : ' ';
  const parts = [
    days > 0 ? say.day(days, always) : '',
    hours > 0 ? `${hours}${gap}${say.hour}` : '',
    rest > 0 || (days === 0 && hours === 0) ? `${rest}${gap}${say.minute}` : '',
  ];
  return parts.filter(Boolean).join(say.join);
}
