/**
 * Words of the order pages: my orders, an order, its actions and timeline, the clarification answer, in Polish.
 * The words are in words.pl.json, held to the English ones (words.en.ts) by the typecheck.
 */

import { type Code, dictionary } from '#shared/dictionary.ts';
import { grammar, plural } from '../i18n/pl-grammar.ts';
import { orderWords as english } from './words.en.ts';
import catalog from './words.pl.json';

/** What a message cannot say. */
const code = {
  order: {
    surveySkipped: (lastInvited, days) =>
      `Do tego zamówienia nie wysłaliśmy ankiety: ${lastInvited ? `${lastInvited} pytaliśmy Cię o inne zamówienie, a ` : ''}każdą osobę pytamy najwyżej raz na ${plural(days ?? 14, 'dzień', 'dni', 'dni')}, żeby nikogo nie zasypywać ankietami. Możesz ocenić je tutaj.`,
  },
} satisfies Code<typeof english>;

export const orderWords: typeof english = /* @__PURE__ */ dictionary(english, catalog, grammar, code);
