/**
 * A kind of mail's words in every language Ordo speaks: English as written in code, the others from
 * their ICU catalogs (shared/dictionary.ts), in the language's locale, counts said as digits as the
 * English ones are. Each kind keeps its own catalogs (order mail, answers to refused mail, the
 * paused-webhook notice), so a function bundles only the words of the mail it sends.
 */

import { dateLocale } from './dates.ts';
import { type CatalogBut, type Code, dictionaries, dictionary, type Grammar, type Translated } from './dictionary.ts';
import type { Language } from './model.ts';

const digits = (n: number) => String(n);

const mailGrammar = (language: Translated): Grammar => ({ locale: dateLocale(language), num: digits });

export function mailDictionaries<E>(
  english: E,
  catalogs: Record<Translated, CatalogBut<E, Code<E>>>,
): Record<Language, E> {
  return dictionaries(english, catalogs, mailGrammar);
}

/** One language's words of a kind of mail, for a catalog loaded when a mail in it is first composed. */
export function mailDictionary<E>(english: E, catalog: CatalogBut<E, Code<E>>, language: Translated): E {
  return dictionary(english, catalog, mailGrammar(language));
}
