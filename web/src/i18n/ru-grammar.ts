/** Russian numbers and counted nouns: 1 час, 2 часа, 5 часов (21 час, 22 часа, 25 часов), 1,5 часа. */
import type { Grammar } from '#shared/dictionary.ts';
import { countedNouns, listWith } from '#shared/grammar.ts';

export const { num, form, plural } = countedNouns('ru-RU');

/** "a, b или c" and "a, b и c". */
export const orList = listWith('или');
export const andList = listWith('и');

/** What the ru catalogs' messages name: `#` and `{n, num}` say numbers, `{items, andList}` and `{items, orList}` lists. */
export const grammar: Grammar = { locale: 'ru-RU', num, orList, andList };
