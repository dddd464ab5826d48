/**
 * Words of the team queue, in Chinese (Simplified).
 * The words are in words.zh.json, held to the English ones (words.en.ts) by the typecheck.
 */

import { dictionary } from '#shared/dictionary.ts';
import { grammar } from '../i18n/zh-grammar.ts';
import { queueWords as english } from './words.en.ts';
import catalog from './words.zh.json';

export const queueWords: typeof english = /* @__PURE__ */ dictionary(english, catalog, grammar);
