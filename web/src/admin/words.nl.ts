/**
 * Words of administration, in Dutch.
 * The words are in words.nl.json, held to the English ones (words.en.ts) by the typecheck.
 */

import { type Code, dictionary } from '#shared/dictionary.ts';
import { andList, grammar, plural } from '../i18n/nl-grammar.ts';
import { adminWords as english } from './words.en.ts';
import catalog from './words.nl.json';

const people = (n: number) => plural(n, 'persoon', 'personen');

/** What a message cannot say. */
const code = {
  admin: {
    people: {
      count: (n, all) => (n === all ? people(all) : `${n} van ${people(all)}`),
    },
    audit: {
      and: andList,
    },
  },
} satisfies Code<typeof english>;

export const adminWords: typeof english = /* @__PURE__ */ dictionary(english, catalog, grammar, code);
