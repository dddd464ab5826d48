/**
 * Words of a department's catalog export and import page, in Chinese (Simplified).
 * The words are in words.zh.json, held to the English ones (words.en.ts) by the typecheck.
 */
import { dictionary } from '#shared/dictionary.ts';
import { grammar } from '../i18n/zh-grammar.ts';
import { transferWords as english } from './words.en.ts';
import catalog from './words.zh.json';

export const transferWords: typeof english = /* @__PURE__ */ dictionary(english, catalog, grammar);
