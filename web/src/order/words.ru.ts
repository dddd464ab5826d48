/**
 * Words of the order pages: my orders, an order, its actions and timeline, the clarification answer, in Russian.
 * The words are in words.ru.json, held to the English ones (words.en.ts) by the typecheck.
 */

import { type Code, dictionary } from '#shared/dictionary.ts';
import { grammar, plural } from '../i18n/ru-grammar.ts';
import { orderWords as english } from './words.en.ts';
import catalog from './words.ru.json';

/** What a message cannot say. */
const code = {
  order: {
    surveySkipped: (lastInvited, days) =>
      `Письмо с опросом по этой заявке не приходило: ${lastInvited ? `${lastInvited} вас уже спрашивали о другой заявке, а ` : ''}мы спрашиваем каждого не чаще одного раза в ${plural(days ?? 14, 'день', 'дня', 'дней')}, чтобы никого не заваливать письмами. Оценить заявку можно здесь.`,
  },
} satisfies Code<typeof english>;

export const orderWords: typeof english = /* @__PURE__ */ dictionary(english, catalog, grammar, code);
