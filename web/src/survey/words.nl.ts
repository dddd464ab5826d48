/**
 * Words of the 1–5 rating, in Dutch.
 * The words are in words.nl.json, held to the English ones (words.en.ts) by the typecheck.
 */

import { dictionary } from '#shared/dictionary.ts';
import { grammar } from '../i18n/nl-grammar.ts';
import { surveyWords as english } from './words.en.ts';
import catalog from './words.nl.json';

export const surveyWords: typeof english = /* @__PURE__ */ dictionary(english, catalog, grammar);
