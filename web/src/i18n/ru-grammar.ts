/** Russian numbers and counted nouns. */
const rules = new Intl.PluralRules('ru');

export const num = (n: number): string => n.toLocaleString('ru-RU', { maximumFractionDigits: 1 });

/**
 * The noun's form for `n`: 1 час, 2 часа, 5 часов (21 час, 22 часа, 25 часов); fractions take the
 * genitive singular (1,5 часа).
 */
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

/** "5 часов": the number and its noun. */
export const plural = (n: number, one: string, few: string, many: string, fraction = few): string =>
  `${num(n)} ${form(n, one, few, many, fraction)}`;

/** "a, b или c" and "a, b и c". */
export const orList = (names: string[]) =>
  names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} или ${names[names.length - 1]}`;
export const andList = (items: string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} и ${items[items.length - 1]}`;
