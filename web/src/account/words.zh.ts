/**
 * Words of signing in and of the profile page, in Chinese (Simplified).
 * The words are in words.zh.json, held to the English ones (words.en.ts) by the typecheck.
 */

import { dictionary } from '#shared/dictionary.ts';
import { grammar } from '../i18n/zh-grammar.ts';
import { accountWords as english } from './words.en.ts';
import catalog from './words.zh.json';

export const accountWords: typeof english = /* @__PURE__ */ dictionary(english, catalog, grammar);
