/**
 * Words of the notifications in the header (the bell), in Polish.
 * The words are in words.pl.json, held to the English ones (words.en.ts) by the typecheck.
 */

import { type Code, dictionary } from '#shared/dictionary.ts';
import { grammar, plural } from '../i18n/pl-grammar.ts';
import { noteWords as english } from './words.en.ts';
import catalog from './words.pl.json';

/** What a message cannot say. */
const code = {
  notes: {
    bell: (unread) =>
      unread === 0
        ? 'Powiadomienia, brak nieprzeczytanych'
        : unread >= 100
          ? 'Powiadomienia, ponad 99 nieprzeczytanych'
          : `Powiadomienia, ${plural(unread, 'nieprzeczytane', 'nieprzeczytane', 'nieprzeczytanych')}`,
  },
} satisfies Code<typeof english>;

export const noteWords: typeof english = /* @__PURE__ */ dictionary(english, catalog, grammar, code);
