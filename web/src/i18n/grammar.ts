/** What the languages' grammar modules share: lists joined with a word, and counted nouns by plural rules. */

/** "a, b or c": the items joined by `separator`, with `word` before the last. */
export const listWith =
  (word: string, separator = ', ') =>
  (items: string[]): string =>
    items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(separator)} ${word} ${items[items.length - 1]}`;

/**
 * Numbers and counted nouns of a language with one, few and many forms (Polish, Russian): the noun's
 * form for `n` (1 godzina, 2 godziny, 5 godzin); fractions take `fraction`, the genitive singular.
 */
export function countedNouns(locale: string) {
  const rules = new Intl.PluralRules(locale);
  const num = (n: number): string => n.toLocaleString(locale, { maximumFractionDigits: 1 });
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
