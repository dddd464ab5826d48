/**
 * Words of the department views, in Chinese (Simplified).
 * The words are in words.zh.json, held to the English ones (words.en.ts) by the typecheck.
 */

import { type Code, dictionary } from '#shared/dictionary.ts';
import { grammar } from '../i18n/zh-grammar.ts';
import { dashboardWords as english } from './words.en.ts';
import catalog from './words.zh.json';

/** What a message cannot say. */
const code = {
  dashboard: {
    versionsList: (versions) => (versions.length ? versions.join('、') : '—'),
  },
} satisfies Code<typeof english>;

export const dashboardWords: typeof english = /* @__PURE__ */ dictionary(english, catalog, grammar, code);
