/**
 * A department's working hours in words, from the calendar its time standards and promises count
 * on: consecutive days with the same hours share a line ("Mon–Thu 09:00–17:00").
 */
import type { BusinessCalendar } from '#shared/model.ts';

const DAYS = ['1', '2', '3', '4', '5', '6', '7'] as const;

/** The short name of ISO weekday `day` (1 = Monday) in `locale`. */
function dayName(day: number, locale: string): string {
  // 2024-01-01 was a Monday.
  return new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2024, 0, day)),
  );
}

/** One line per run of days with the same hours; days not worked are left out. */
export function workingHoursLines(calendar: BusinessCalendar, locale: string): string[] {
  const hoursOf = (day: string) =>
    (calendar.hours[day as (typeof DAYS)[number]] ?? []).map((i) => `${i.start}–${i.end}`).join(', ');
  const lines: string[] = [];
  let i = 0;
  while (i < DAYS.length) {
    const hours = hoursOf(DAYS[i] as string);
    let j = i;
    while (j + 1 < DAYS.length && hoursOf(DAYS[j + 1] as string) === hours) j++;
    if (hours) {
      const days = i === j ? dayName(i + 1, locale) : `${dayName(i + 1, locale)}–${dayName(j + 1, locale)}`;
      lines.push(`${days} ${hours}`);
    }
    i = j + 1;
  }
  return lines;
}
