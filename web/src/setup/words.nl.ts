/**
 * Words of a department's guided setup and the template picker, in Dutch.
 * The words are in words.nl.json, held to the English ones (words.en.ts) by the typecheck.
 */

import { type Code, dictionary } from '#shared/dictionary.ts';
import { grammar } from '../i18n/nl-grammar.ts';
import { setupWords as english } from './words.en.ts';
import catalog from './words.nl.json';

/** What a message cannot say. */
const code = {
  setup: {
    calendar: {
      suggestedHolidays: (country, year) =>
        `We hebben de feestdagen van ${country} voor ${year} en ${year + 1} ingevuld: ze staan hieronder bij Feestdagen. Haal een dag weg met ×, of voeg hier een ander land of jaar toe.`,
    },
  },
} satisfies Code<typeof english>;

export const setupWords: typeof english = /* @__PURE__ */ dictionary(english, catalog, grammar, code);
