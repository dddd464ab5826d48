/**
 * Words of the service, department and calendar editors, in Russian.
 * The words are in words.ru.json, held to the English ones (words.en.ts) by the typecheck.
 */

import { type Code, dictionary } from '#shared/dictionary.ts';
import { grammar } from '../i18n/ru-grammar.ts';
import { editorWords as english } from './words.en.ts';
import catalog from './words.ru.json';

const suffix = (label: string) => (label ? `: ${label}` : '');

/** What a message cannot say. */
const code = {
  editor: {
    titleTemplateHint: (ids) =>
      `Что следует за названием услуги в заголовке заявки; идентификаторы полей в фигурных скобках, например {fullName} с {startDate}. Поля: ${ids || 'пока нет'}. Пусто: первый короткий текстовый ответ.`,
  },
} satisfies Code<typeof english>;

export const editorWords: typeof english = /* @__PURE__ */ dictionary(english, catalog, { ...grammar, suffix }, code);
