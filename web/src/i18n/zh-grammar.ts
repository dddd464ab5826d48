/** Chinese (Simplified) numbers and counted nouns: one form for every number (Intl.PluralRules('zh') says only "other"). */
import { listWith } from './grammar.ts';

export const num = (n: number): string => n.toLocaleString('zh-CN', { maximumFractionDigits: 1 });

/** "5 个工作日": the number and its noun (with its measure word where it needs one). */
export const plural = (n: number, noun: string): string => `${num(n)} ${noun}`;

/** "a、b 或 c" and "a、b 和 c". */
export const orList = listWith('或', '、');
export const andList = listWith('和', '、');
