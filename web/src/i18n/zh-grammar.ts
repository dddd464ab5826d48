/** Chinese (Simplified) numbers and counted nouns: one form for every number (Intl.PluralRules('zh') says only "other"). */
export const num = (n: number): string => n.toLocaleString('zh-CN', { maximumFractionDigits: 1 });

/** "5 个工作日": the number and its noun (with its measure word where it needs one). */
export const plural = (n: number, noun: string): string => `${num(n)} ${noun}`;

/** "a、b 或 c" and "a、b 和 c". */
export const orList = (names: string[]) =>
  names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join('、')} 或 ${names[names.length - 1]}`;
export const andList = (items: string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join('、')} 和 ${items[items.length - 1]}`;
