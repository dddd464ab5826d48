/**
 * Words of the notifications in the header (the bell), in Russian.
 * The words are in words.ru.json, held to the English ones (words.en.ts) by the typecheck.
 */

import { type Code, dictionary } from '#shared/dictionary.ts';
import { grammar, plural } from '../i18n/ru-grammar.ts';
import { noteWords as english } from './words.en.ts';
import catalog from './words.ru.json';

/** What a message cannot say. */
const code = {
  notes: {
    bell: (unread) =>
      unread === 0
        ? 'Уведомления, непрочитанных нет'
        : unread >= 100
          ? 'Уведомления, непрочитанных больше 99'
          : `Уведомления, ${plural(unread, 'непрочитанное', 'непрочитанных', 'непрочитанных')}`,
  },
} satisfies Code<typeof english>;

export const noteWords: typeof english = /* @__PURE__ */ dictionary(english, catalog, grammar, code);
