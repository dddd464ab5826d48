/** Polish numbers and counted nouns. */
const rules = new Intl.PluralRules('pl');

export const num = (n: number): string => n.toLocaleString('pl-PL', { maximumFractionDigits: 1 });

/** The noun's form for `n`: 1 godzina, 2 godziny, 5 godzin; fractions take the genitive singular (1,5 godziny). */
export function form(n: number, one: string, few: string, many: string, fraction = few): string {
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
}

/** "5 godzin": the number and its noun. */
export const plural = (n: number, one: string, few: string, many: string, fraction = few): string =>
  `${num(n)} ${form(n, one, few, many, fraction)}`;
