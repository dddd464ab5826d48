/**
 * Words of a department's integrations (API tokens, webhooks), in Russian.
 * Typed by the English ones (words.en.ts), so a missing or extra key fails the typecheck.
 */

import { dictionary } from '#shared/dictionary.ts';
import { grammar } from '../i18n/ru-grammar.ts';
import { integrationWords as english } from './words.en.ts';
import catalog from './words.ru.json';

export const integrationWords: typeof english = /* @__PURE__ */ dictionary(english, catalog, grammar);
