/**
 * Words of the notifications in the header (the bell), in Chinese (Simplified).
 * The words are in words.zh.json, held to the English ones (words.en.ts) by the typecheck.
 */

import { type Code, dictionary } from '#shared/dictionary.ts';
import { grammar, num } from '../i18n/zh-grammar.ts';
import { noteWords as english } from './words.en.ts';
import catalog from './words.zh.json';

/** What a message cannot say. */
const code = {
  notes: {
    bell: (unread) =>
      unread === 0 ? '通知，无未读' : unread >= 100 ? '通知，超过 99 条未读' : `通知，${num(unread)} 条未读`,
  },
} satisfies Code<typeof english>;

export const noteWords: typeof english = /* @__PURE__ */ dictionary(english, catalog, grammar, code);
