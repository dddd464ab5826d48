/**
 * Words of the team queue, in Polish.
 * The words are in words.pl.json, held to the English ones (words.en.ts) by the typecheck.
 */

import { dictionary } from '#shared/dictionary.ts';
import { grammar } from '../i18n/pl-grammar.ts';
import { queueWords as english } from './words.en.ts';
import catalog from './words.pl.json';

export const queueWords: typeof english = /* @__PURE__ */ dictionary(english, catalog, grammar);
