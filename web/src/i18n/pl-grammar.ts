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

/** "a, b lub c" and "a, b i c". */
export const orList = (names: string[]) =>
  names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} lub ${names[names.length - 1]}`;
export const andList = (items: string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} i ${items[items.length - 1]}`;
