/**
 * Words of a department's incoming mail page, in Russian.
 * The words are in words.ru.json, held to the English ones (words.en.ts) by the typecheck.
 */

import { dictionary } from '#shared/dictionary.ts';
import { grammar } from '../i18n/ru-grammar.ts';
import { inboundWords as english } from './words.en.ts';
import catalog from './words.ru.json';

export const inboundWords: typeof english = /* @__PURE__ */ dictionary(english, catalog, grammar);
