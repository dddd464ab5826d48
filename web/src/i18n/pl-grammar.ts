/** Polish numbers and counted nouns: 1 godzina, 2 godziny, 5 godzin, 1,5 godziny. */
import type { Grammar } from '#shared/dictionary.ts';
import { countedNouns, listWith } from '#shared/grammar.ts';

export const { num, form, plural } = countedNouns('pl-PL');

/** "a, b lub c" and "a, b i c". */
export const orList = listWith('lub');
export const andList = listWith('i');

/** What the pl catalogs' messages name: `#` and `{n, num}` say numbers, `{items, andList}` and `{items, orList}` lists. */
export const grammar: Grammar = { locale: 'pl-PL', num, orList, andList };
