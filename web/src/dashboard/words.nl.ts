/**
 * Words of the department views, in Dutch.
 * The words are in words.nl.json, held to the English ones (words.en.ts) by the typecheck.
 */

import { type Code, dictionary } from '#shared/dictionary.ts';
import { grammar } from '../i18n/nl-grammar.ts';
import { dashboardWords as english } from './words.en.ts';
import catalog from './words.nl.json';

/** What a message cannot say. */
const code = {
  dashboard: {
    versionsList: (versions) => (versions.length ? versions.join(', ') : '—'),
  },
} satisfies Code<typeof english>;

export const dashboardWords: typeof english = /* @__PURE__ */ dictionary(english, catalog, grammar, code);
