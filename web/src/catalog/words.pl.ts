/**
 * Words of the catalog, a department's page, a service and its order form, in Polish.
 * The words are in words.pl.json, held to the English ones (words.en.ts) by the typecheck.
 */

import { type Code, dictionary } from '#shared/dictionary.ts';
import { grammar } from '../i18n/pl-grammar.ts';
import { catalogWords as english } from './words.en.ts';
import catalog from './words.pl.json';

/** What a message cannot say. */
const code = {
  people: {
    chosen: (name, email, department) => `Wybrano: ${name}, ${email}${department ? `, ${department}` : ''}`,
  },
} satisfies Code<typeof english>;

export const catalogWords: typeof english = /* @__PURE__ */ dictionary(english, catalog, grammar, code);
