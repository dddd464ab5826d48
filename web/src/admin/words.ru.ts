/**
 * Words of administration, in Russian.
 * The words are in words.ru.json, held to the English ones (words.en.ts) by the typecheck.
 */

import { type Code, dictionary } from '#shared/dictionary.ts';
import { andList, grammar, plural } from '../i18n/ru-grammar.ts';
import { adminWords as english } from './words.en.ts';
import catalog from './words.ru.json';

const people = (n: number) => plural(n, 'человек', 'человека', 'человек');

/** What a message cannot say. */
const code = {
  admin: {
    people: {
      count: (n, all) => (n === all ? people(all) : `${n} из ${people(all)}`),
    },
    audit: {
      and: andList,
    },
  },
} satisfies Code<typeof english>;

export const adminWords: typeof english = /* @__PURE__ */ dictionary(english, catalog, grammar, code);
