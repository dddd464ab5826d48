/**
 * Words of the service, department and calendar editors, in Dutch.
 * The words are in words.nl.json, held to the English ones (words.en.ts) by the typecheck.
 */

import { type Code, dictionary } from '#shared/dictionary.ts';
import { grammar } from '../i18n/nl-grammar.ts';
import { editorWords as english } from './words.en.ts';
import catalog from './words.nl.json';

const suffix = (label: string) => (label ? `: ${label}` : '');

/** What a message cannot say. */
const code = {
  editor: {
    titleTemplateHint: (ids) =>
      `Wat in de titel van een aanvraag na de naam van de dienst volgt, met veld-id’s tussen accolades, bijv. {fullName} begint {startDate}. Velden: ${ids || 'nog geen'}. Leeg: het eerste korte-tekstantwoord.`,
  },
} satisfies Code<typeof english>;

export const editorWords: typeof english = /* @__PURE__ */ dictionary(english, catalog, { ...grammar, suffix }, code);
