/**
 * Words of a department's guided setup and the template picker, in Chinese (Simplified).
 * The words are in words.zh.json, held to the English ones (words.en.ts) by the typecheck.
 */

import { type Code, dictionary } from '#shared/dictionary.ts';
import { grammar } from '../i18n/zh-grammar.ts';
import { setupWords as english } from './words.en.ts';
import catalog from './words.zh.json';

/** What a message cannot say. */
const code = {
  setup: {
    calendar: {
      suggestedHolidays: (country, year) =>
        `我们已填入${country}${year}年和${year + 1}年的公共假日：列在下方“节假日”中。用 × 删除某一天，或在此添加其他国家或年份。`,
    },
  },
} satisfies Code<typeof english>;

export const setupWords: typeof english = /* @__PURE__ */ dictionary(english, catalog, grammar, code);
