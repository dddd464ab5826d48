import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { numberIn } from '#shared/grammar.ts';

const LOCALES = ['en', 'pl-PL', 'ru-RU', 'nl-NL', 'zh-CN'] as const;

describe('numbers in words', () => {
  // One kept formatter must write every number as a fresh one does.
  test.prop([
    fc.constantFrom(...LOCALES),
    fc.array(fc.double({ min: -1e9, max: 1e9, noNaN: true }), { maxLength: 20 }),
  ])('as toLocaleString writes them, call after call', (locale, numbers) => {
    const num = numberIn(locale);
    for (const n of numbers) expect(num(n)).toBe(n.toLocaleString(locale, { maximumFractionDigits: 1 }));
  });
});
