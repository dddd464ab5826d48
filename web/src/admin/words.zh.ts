/**
 * Words of administration, in Chinese (Simplified).
 * The words are in words.zh.json, held to the English ones (words.en.ts) by the typecheck.
 */

import { type Code, dictionary } from '#shared/dictionary.ts';
import { andList, grammar } from '../i18n/zh-grammar.ts';
import { adminWords as english } from './words.en.ts';
import catalog from './words.zh.json';

/** What a message cannot say. */
const code = {
  admin: {
    people: {
      count: (n, all) => (n === all ? `${all} 人` : `${n} / ${all} 人`),
    },
    audit: {
      and: andList,
    },
  },
} satisfies Code<typeof english>;

export const adminWords: typeof english = /* @__PURE__ */ dictionary(english, catalog, grammar, code);
