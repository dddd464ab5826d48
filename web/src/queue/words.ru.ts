/**
 * Words of the team queue, in Russian.
 * The words are in words.ru.json, held to the English ones (words.en.ts) by the typecheck.
 */

import { dictionary } from '#shared/dictionary.ts';
import { form, grammar } from '../i18n/ru-grammar.ts';
import { queueWords as english } from './words.en.ts';
import catalog from './words.ru.json';

const orders = (n: number) => `${n} ${form(n, 'заявка', 'заявки', 'заявок')}`;

export const queueWords: typeof english = /* @__PURE__ */ dictionary(english, catalog, { ...grammar, orders });
