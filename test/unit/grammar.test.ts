import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { numberIn } from '#shared/grammar.ts';

const LOCALES = ['en', 'pl-PL', 'ru-RU', 'nl-NL', 'zh-CN'] as const;

describe('numbers in words', () => {
  it('are written by the kept formatter as toLocaleString writes them, call after call', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...LOCALES),
        fc.array(fc.double({ min: -1e9, max: 1e9, noNaN: true }), { maxLength: 20 }),
        (locale, numbers) => {
          const num = numberIn(locale);
          for (const n of numbers) expect(num(n)).toBe(n.toLocaleString(locale, { maximumFractionDigits: 1 }));
        },
      ),
    );
  });
});
