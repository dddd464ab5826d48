/**
 * Dictionaries the portal keeps in every language at once (the process views, insight, the canvas):
 * English as written, every other language from its catalog with its grammar.
 */
import { type CatalogBut, type Code, dictionary, type Grammar } from '#shared/dictionary.ts';
import type { Language } from '#shared/model.ts';
import { grammar as nl } from './nl-grammar.ts';
import { grammar as pl } from './pl-grammar.ts';
import { grammar as ru } from './ru-grammar.ts';
import { grammar as zh } from './zh-grammar.ts';

type Other = Exclude<Language, 'en'>;

const GRAMMARS: Record<Other, Grammar> = { pl, ru, nl, zh };

/** `english` and its catalog in every other language, with `code` where a language's message cannot say it. */
export function inEveryLanguage<E, C extends Code<E> = Code<E>>(
  english: E,
  catalogs: Record<Other, CatalogBut<E, C>>,
  code: Partial<Record<Other, C>> = {},
): Record<Language, E> {
  const said = (language: Other) => dictionary(english, catalogs[language], GRAMMARS[language], code[language]);
  return { en: english, pl: said('pl'), ru: said('ru'), nl: said('nl'), zh: said('zh') };
}
