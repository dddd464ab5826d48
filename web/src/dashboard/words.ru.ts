/**
 * Words of the department views, in Russian.
 * The words are in words.ru.json, held to the English ones (words.en.ts) by the typecheck.
 */

import { type Code, dictionary } from '#shared/dictionary.ts';
import { grammar } from '../i18n/ru-grammar.ts';
import { dashboardWords as english } from './words.en.ts';
import catalog from './words.ru.json';

/** What a message cannot say. */
const code = {
  dashboard: {
    versionsList: (versions) => (versions.length ? versions.join(', ') : '—'),
  },
} satisfies Code<typeof english>;

export const dashboardWords: typeof english = /* @__PURE__ */ dictionary(english, catalog, grammar, code);
