/**
 * Words of a department's guided setup and the template picker, in Polish.
 * The words are in words.pl.json, held to the English ones (words.en.ts) by the typecheck.
 */

import { type Code, dictionary } from '#shared/dictionary.ts';
import { grammar } from '../i18n/pl-grammar.ts';
import { setupWords as english } from './words.en.ts';
import catalog from './words.pl.json';

/** What a message cannot say. */
const code = {
  setup: {
    calendar: {
      suggestedHolidays: (country, year) =>
        `Wpisaliśmy święta państwowe kraju ${country} na ${year} i ${year + 1}: są na liście „Dni wolne” poniżej. Usuń dzień przyciskiem ×, a inny kraj lub rok dodaj tutaj.`,
    },
  },
} satisfies Code<typeof english>;

export const setupWords: typeof english = /* @__PURE__ */ dictionary(english, catalog, grammar, code);
