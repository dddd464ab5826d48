/**
 * Words of the catalog, a department's page, a service and its order form, in Dutch.
 * The words are in words.nl.json, held to the English ones (words.en.ts) by the typecheck.
 */

import { type Code, dictionary } from '#shared/dictionary.ts';
import { grammar, plural } from '../i18n/nl-grammar.ts';
import { catalogWords as english } from './words.en.ts';
import catalog from './words.nl.json';

const days = (n: number) => plural(n, 'dag', 'dagen');

/** What a message cannot say. */
const code = {
  people: {
    chosen: (name, email, department) => `Gekozen: ${name}, ${email}${department ? `, ${department}` : ''}`,
  },
} satisfies Code<typeof english>;

export const catalogWords: typeof english = /* @__PURE__ */ dictionary(english, catalog, { ...grammar, days }, code);
