/** Dutch numbers and counted nouns (one / other, as Intl.PluralRules('nl') says). */
import type { Grammar } from '#shared/dictionary.ts';
import { listWith, numberIn } from '#shared/grammar.ts';

const rules = new Intl.PluralRules('nl');

export const num = numberIn('nl-NL');

/** The noun's form for `n`: 1 uur, 2 uur; 1 dag, 2 dagen. */
export const form = (n: number, one: string, other: string): string => (rules.select(n) === 'one' ? one : other);

/** "5 dagen": the number and its noun. */
export const plural = (n: number, one: string, other: string): string => `${num(n)} ${form(n, one, other)}`;

/** "a, b of c" and "a, b en c". */
export const orList = listWith('of');
export const andList = listWith('en');

/** What the nl catalogs' messages name: `#` and `{n, num}` say numbers, `{items, andList}` and `{items, orList}` lists. */
export const grammar: Grammar = { locale: 'nl-NL', num, orList, andList };
