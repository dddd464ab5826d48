/**
 * Public holidays by country, a starting point a department's head sees and changes (anything else
 * comes from an iCal file, shared/ical.ts). Fixed dates and the days that follow Easter (Gregorian,
 * computed); national days only, no regional ones.
 */

export const HOLIDAY_COUNTRIES = ['PL', 'DE', 'NL', 'GB'] as const;
export type HolidayCountry = (typeof HOLIDAY_COUNTRIES)[number];

/** The country whose holidays a time zone most likely keeps (undefined: none suggested). */
const COUNTRY_OF_ZONE: Record<string, HolidayCountry> = {
  'Europe/Warsaw': 'PL',
  'Europe/Berlin': 'DE',
  'Europe/Amsterdam': 'NL',
  'Europe/London': 'GB',
};

export const countryOfZone = (timeZone: string): HolidayCountry | undefined => COUNTRY_OF_ZONE[timeZone];

const DAY_MS = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const utc = (year: number, month: number, day: number) => Date.UTC(year, month - 1, day);

/** Easter Sunday of a Gregorian year (Meeus/Jones/Butcher), as UTC midnight in ms. */
export function easter(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return utc(year, month, day);
}

/** The `n`th (1-based; -1 = last) Monday of a month. */
function monday(year: number, month: number, n: number): number {
  if (n > 0) {
    const first = utc(year, month, 1);
    const offset = (8 - new Date(first).getUTCDay()) % 7;
    return first + (offset + 7 * (n - 1)) * DAY_MS;
  }
  const last = utc(year, month + 1, 0);
  return last - ((new Date(last).getUTCDay() + 6) % 7) * DAY_MS;
}

/** A weekend date moved to the next Monday (and a second one to the Tuesday), as the UK does. */
function substituted(dates: number[]): number[] {
  const taken = new Set<number>();
  return dates.map((date) => {
    let day = date;
    while ([0, 6].includes(new Date(day).getUTCDay()) || taken.has(day)) day += DAY_MS;
    taken.add(day);
    return day;
  });
}

/** The public holidays of `country` in `year`, sorted local dates "YYYY-MM-DD". */
export function publicHolidays(country: HolidayCountry, year: number): string[] {
  const e = easter(year);
  const afterEaster = (days: number) => e + days * DAY_MS;
  const fixed = (month: number, day: number) => utc(year, month, day);
  let days: number[];
  switch (country) {
    case 'PL':
      days = [
        fixed(1, 1),
        fixed(1, 6),
        e,
        afterEaster(1),
        fixed(5, 1),
        fixed(5, 3),
        afterEaster(49),
        afterEaster(60),
        fixed(8, 15),
        fixed(11, 1),
        fixed(11, 11),
        ...(year >= 2025 ? [fixed(12, 24)] : []),
        fixed(12, 25),
        fixed(12, 26),
      ];
      break;
    case 'DE':
      days = [
        fixed(1, 1),
        afterEaster(-2),
        afterEaster(1),
        fixed(5, 1),
        afterEaster(39),
        afterEaster(50),
        fixed(10, 3),
        fixed(12, 25),
        fixed(12, 26),
      ];
      break;
    case 'NL': {
      const kings = fixed(4, 27);
      days = [
        fixed(1, 1),
        afterEaster(-2),
        e,
        afterEaster(1),
        new Date(kings).getUTCDay() === 0 ? kings - DAY_MS : kings,
        afterEaster(39),
        afterEaster(49),
        afterEaster(50),
        fixed(12, 25),
        fixed(12, 26),
      ];
      break;
    }
    case 'GB':
      days = [
        ...substituted([fixed(1, 1)]),
        afterEaster(-2),
        afterEaster(1),
        monday(year, 5, 1),
        monday(year, 5, -1),
        monday(year, 8, -1),
        ...substituted([fixed(12, 25), fixed(12, 26)]),
      ];
      break;
  }
  return [...new Set(days.map(iso))].sort();
}
