/**
 * Words of the service, department and calendar editors, in Polish.
 * The words are in words.pl.json, held to the English ones (words.en.ts) by the typecheck.
 */

import { type Code, dictionary } from '#shared/dictionary.ts';
import { grammar } from '../i18n/pl-grammar.ts';
import { editorWords as english } from './words.en.ts';
import catalog from './words.pl.json';

/** What a message cannot say. */
const code = {
  editor: {
    fieldTitle: (n, label) => `Pole ${n}${label ? `: ${label}` : ''}`,
    inputTitle: (n, label) => `Materiał ${n}${label ? `: ${label}` : ''}`,
    deliverableTitle: (n, label) => `Rezultat ${n}${label ? `: ${label}` : ''}`,
    stageTitle: (n, name) => `Etap ${n}${name ? `: ${name}` : ''}`,
    titleTemplateHint: (ids) =>
      `Co następuje po nazwie usługi w tytule zamówienia, z identyfikatorami pól w nawiasach klamrowych, np. {fullName} od {startDate}. Pola: ${ids || 'jeszcze brak'}. Puste: pierwsza krótka odpowiedź tekstowa.`,
  },
} satisfies Code<typeof english>;

export const editorWords: typeof english = /* @__PURE__ */ dictionary(english, catalog, grammar, code);
