/**
 * Words of the team queue, in Russian.
 * Typed by the English ones (words.en.ts), so a missing or extra key fails the typecheck.
 */

import { dictionary } from '#shared/dictionary.ts';
import { form, grammar } from '../i18n/ru-grammar.ts';
import { queueWords as english } from './words.en.ts';
import catalog from './words.ru.json';

const orders = (n: number) => `${n} ${form(n, 'заявка', 'заявки', 'заявок')}`;

export const queueWords: typeof english = /* @__PURE__ */ dictionary(english, catalog, { ...grammar, orders });
