/**
 * A kind of mail's words in every language Ordo speaks: English as written in code, the others from
 * their ICU catalogs (shared/dictionary.ts), in the language's locale, counts said as digits as the
 * English ones are. Each kind keeps its own catalogs (order mail, answers to refused mail, the
 * paused-webhook notice), so a function bundles only the words of the mail it sends.
 */

import { dateLocale } from './dates.ts';
import { type CatalogBut, type Code, dictionaries, type Translated } from './dictionary.ts';
import type { Language } from './model.ts';

const digits = (n: number) => String(n);

export function mailDictionaries<E>(
  english: E,
  catalogs: Record<Translated, CatalogBut<E, Code<E>>>,
): Record<Language, E> {
  return dictionaries(english, catalogs, (language) => ({ locale: dateLocale(language), num: digits }));
}
