/**
 * Words of a department's integrations (API tokens, webhooks), in Dutch.
 * The words are in words.nl.json, held to the English ones (words.en.ts) by the typecheck.
 */

import { dictionary } from '#shared/dictionary.ts';
import { grammar } from '../i18n/nl-grammar.ts';
import { integrationWords as english } from './words.en.ts';
import catalog from './words.nl.json';

export const integrationWords: typeof english = /* @__PURE__ */ dictionary(english, catalog, grammar);
