/** Chinese (Simplified) numbers and counted nouns: one form for every number (Intl.PluralRules('zh') says only "other"). */
import type { Grammar } from '#shared/dictionary.ts';
import { listWith, numberIn } from '#shared/grammar.ts';

export const num = numberIn('zh-CN');

/** "5 个工作日": the number and its noun (with its measure word where it needs one). */
export const plural = (n: number, noun: string): string => `${num(n)} ${noun}`;

/** "a、b 或 c" and "a、b 和 c". */
export const orList = listWith('或', '、');
export const andList = listWith('和', '、');

/** What the zh catalogs' messages name: `#` and `{n, num}` say numbers, `{items, andList}` and `{items, orList}` lists. */
export const grammar: Grammar = { locale: 'zh-CN', num, orList, andList };
