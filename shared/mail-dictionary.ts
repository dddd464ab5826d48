/**
 * A kind of mail's words in every language Ordo speaks: English as written in code, the others from
 * their ICU catalogs (shared/dictionary.ts), counts said as digits as the English ones are. Each kind
 * keeps its own catalogs (order mail, answers to refused mail, the paused-webhook notice), so a
 * function bundles only the words of the mail it sends.
 */
import { type CatalogBut, type Code, dictionary } from './dictionary.ts';
import type { Language } from './model.ts';

type Translated = Exclude<Language, 'en'>;

const LOCALES: Record<Translated, string> = { pl: 'pl-PL', ru: 'ru-RU', nl: 'nl-NL', zh: 'zh-CN' };

const digits = (n: number) => String(n);

export function mailDictionaries<E>(
  english: E,
  catalogs: Record<Translated, CatalogBut<E, Code<E>>>,
): Record<Language, E> {
  const said = (language: Translated) =>
    dictionary(english, catalogs[language], { locale: LOCALES[language], num: digits });
  return { en: english, pl: said('pl'), ru: said('ru'), nl: said('nl'), zh: said('zh') };
}
