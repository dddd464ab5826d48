/**
 * Words of the notifications in the header (the bell), in Dutch.
 * The words are in words.nl.json, held to the English ones (words.en.ts) by the typecheck.
 */

import { type Code, dictionary } from '#shared/dictionary.ts';
import { grammar, num } from '../i18n/nl-grammar.ts';
import { noteWords as english } from './words.en.ts';
import catalog from './words.nl.json';

/** What a message cannot say. */
const code = {
  notes: {
    bell: (unread) =>
      unread === 0
        ? 'Meldingen, geen ongelezen'
        : unread >= 100
          ? 'Meldingen, meer dan 99 ongelezen'
          : `Meldingen, ${num(unread)} ongelezen`,
  },
} satisfies Code<typeof english>;

export const noteWords: typeof english = /* @__PURE__ */ dictionary(english, catalog, grammar, code);
