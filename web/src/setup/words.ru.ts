/**
 * Words of a department's guided setup and the template picker, in Russian.
 * The words are in words.ru.json, held to the English ones (words.en.ts) by the typecheck.
 */

import { type Code, dictionary } from '#shared/dictionary.ts';
import { grammar } from '../i18n/ru-grammar.ts';
import { setupWords as english } from './words.en.ts';
import catalog from './words.ru.json';

/** What a message cannot say. */
const code = {
  setup: {
    calendar: {
      suggestedHolidays: (country, year) =>
        `Мы внесли государственные праздники страны ${country} на ${year} и ${year + 1} годы: они перечислены ниже в «Праздниках». Уберите день кнопкой ×, другую страну или год добавьте здесь.`,
    },
  },
} satisfies Code<typeof english>;

export const setupWords: typeof english = /* @__PURE__ */ dictionary(english, catalog, grammar, code);
