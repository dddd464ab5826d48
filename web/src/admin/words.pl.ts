/**
 * Words of administration, in Polish.
 * The words are in words.pl.json, held to the English ones (words.en.ts) by the typecheck.
 */

import { type Code, dictionary } from '#shared/dictionary.ts';
import { andList, grammar, num, plural } from '../i18n/pl-grammar.ts';
import { adminWords as english } from './words.en.ts';
import catalog from './words.pl.json';

/** What a message cannot say. */
const code = {
  admin: {
    people: {
      count: (n, all) =>
        n === all ? plural(all, 'osoba', 'osoby', 'osób') : `${num(n)} z ${num(all)} ${all === 1 ? 'osoby' : 'osób'}`,
    },
    audit: {
      and: andList,
    },
  },
} satisfies Code<typeof english>;

export const adminWords: typeof english = /* @__PURE__ */ dictionary(english, catalog, grammar, code);
