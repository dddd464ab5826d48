/** Russian numbers and counted nouns: 1 час, 2 часа, 5 часов (21 час, 22 часа, 25 часов), 1,5 часа. */
import { countedNouns, listWith } from './grammar.ts';

export const { num, form, plural } = countedNouns('ru-RU');

/** "a, b или c" and "a, b и c". */
export const orList = listWith('или');
export const andList = listWith('и');
