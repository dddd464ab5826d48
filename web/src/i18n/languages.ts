/**
 * Dictionaries the portal keeps in every language at once (the process views, insight, the canvas):
 * English as written, every other language from its catalog with its grammar.
 */
import { type CatalogBut, type Code, dictionaries, type Grammar, type Translated } from '#shared/dictionary.ts';
import type { Language } from '#shared/model.ts';
import { grammar as nl } from './nl-grammar.ts';
import { grammar as pl } from './pl-grammar.ts';
import { grammar as ru } from './ru-grammar.ts';
import { grammar as zh } from './zh-grammar.ts';

const GRAMMARS: Record<Translated, Grammar> = { pl, ru, nl, zh };

/** `english` and its catalog in every other language, with `code` where a language's message cannot say it. */
export function inEveryLanguage<E, C extends Code<E> = Code<E>>(
  english: E,
  catalogs: Record<Translated, CatalogBut<E, C>>,
  code: Partial<Record<Translated, C>> = {},
): Record<Language, E> {
  return dictionaries(english, catalogs, (language) => GRAMMARS[language], code);
}
