/**
 * Words of the order pages: my orders, an order, its actions and timeline, the clarification answer, in Dutch.
 * The words are in words.nl.json, held to the English ones (words.en.ts) by the typecheck.
 */

import { type Code, dictionary } from '#shared/dictionary.ts';
import { grammar, plural } from '../i18n/nl-grammar.ts';
import { orderWords as english } from './words.en.ts';
import catalog from './words.nl.json';

/** What a message cannot say. */
const code = {
  order: {
    surveySkipped: (lastInvited, days) =>
      `Voor deze aanvraag is geen enquête gemaild: ${lastInvited ? `op ${lastInvited} is al gevraagd naar een andere aanvraag, en ` : ''}we vragen iedereen hooguit eens per ${plural(days ?? 14, 'dag', 'dagen')}, zodat niemand wordt overspoeld. Beoordelen kan hier nog steeds.`,
  },
} satisfies Code<typeof english>;

export const orderWords: typeof english = /* @__PURE__ */ dictionary(english, catalog, grammar, code);
