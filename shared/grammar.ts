/** What the languages' grammar modules share: lists joined with a word, and counted nouns by plural rules. */
import type { Grammar } from './dictionary.ts';

/** "a, b or c": the items joined by `separator`, with `word` before the last. */
export const listWith =
  (word: string, separator = ', ') =>
  (items: string[]): string =>
    items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(separator)} ${word} ${items[items.length - 1]}`;

/**
 * Numbers as `locale` writes them, with at most one decimal. One formatter, made on first use:
 * `toLocaleString` with options makes a new one on every call, and a page of durations has hundreds.
 */
export function numberIn(locale: string): (n: number) => string {
  let format: Intl.NumberFormat | undefined;
  return (n) => {
    format ??= new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
    return format.format(n);
  };
}

/**
 * Numbers and counted nouns of a language with one, few and many forms (Polish, Russian): the noun's
 * form for `n` (1 godzina, 2 godziny, 5 godzin); fractions take `fraction`, the genitive singular.
 */
export function countedNouns(locale: string) {
  const rules = new Intl.PluralRules(locale);
  const num = numberIn(locale);
  const form = (n: number, one: string, few: string, many: string, fraction = few): string => {
    switch (rules.select(n)) {
      case 'one':
        return one;
      case 'few':
        return few;
      case 'many':
        return many;
      default:
        return fraction;
    }
  };
  /** "5 godzin": the number and its noun. */
  const plural = (n: number, one: string, few: string, many: string, fraction = few): string =>
    `${num(n)} ${form(n, one, few, many, fraction)}`;
  return { num, form, plural };
}

/** "Poniedziałek" for 1 … "Niedziela" for 7 (ISO weekdays), capitalised to open a sentence. */
export function weekdayIn(locale: string): (day: number) => string {
  const names = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' });
  return (day) => {
    if (!Number.isInteger(day) || day < 1 || day > 7) return String(day);
    // 2024-01-01 was a Monday.
    const name = names.format(Date.UTC(2024, 0, day));
    return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
  };
}

/**
 * What a refusal's messages name beside their plurals: `#` and `{n, num}` (numbers), `{ids, list}`
 * (items joined by `separator`), `{day, weekday}`, `{max, megabytes}` (bytes as megabytes, one
 * decimal) and `{event, event}` (an iCalendar event by its title, `untitled` when it has none).
 */
export function refusalGrammar(
  locale: string,
  separator: string,
  event: (title: string) => string,
): Grammar & Record<'list' | 'weekday' | 'megabytes' | 'event', unknown> {
  const num = (n: number) => n.toLocaleString(locale);
  return {
    locale,
    num,
    list: (items: readonly string[]) => items.join(separator),
    weekday: weekdayIn(locale),
    megabytes: (bytes: number) => num(Math.round((bytes / (1024 * 1024)) * 10) / 10),
    event,
  };
}
