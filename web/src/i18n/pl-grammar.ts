/** Polish numbers and counted nouns: 1 godzina, 2 godziny, 5 godzin, 1,5 godziny. */
import { countedNouns, listWith } from './grammar.ts';

export const { num, form, plural } = countedNouns('pl-PL');

/** "a, b lub c" and "a, b i c". */
export const orList = listWith('lub');
export const andList = listWith('i');
