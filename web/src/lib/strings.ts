/**
 * Every word the portal shows comes from `t`, the dictionary of the reader's language
 * (web/src/i18n/). The language is chosen once, when the page loads: the person's saved choice
 * (copied into this browser on sign-in), else this browser's last choice, else the browser's own
 * languages, else English. Changing it reloads the page, as `t` is read while modules load.
 */
import { LANGUAGES, type Language } from '#shared/model.ts';
import { languageOf } from '#shared/profile.ts';
import { en, portalIn, type Strings } from '../i18n/en.ts';

export type { Strings };

const STORAGE_KEY = 'ordo.language';

function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

function storedLanguage(): Language | undefined {
  try {
    const value = globalThis.localStorage?.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** The first of the browser's languages the portal speaks ("pl-PL" → Polish, "zh-Hans-CN" → Chinese). */
export function browserLanguage(tags: readonly string[]): Language | undefined {
  for (const tag of tags) {
    const found = languageOf(tag);
    if (found) return found;
  }
  return undefined;
}

function chooseLanguage(): Language {
  // Outside a browser (tests, tools) the portal speaks English.
  if (typeof window === 'undefined') return 'en';
  const tags = navigator.languages?.length ? navigator.languages : [navigator.language];
  return storedLanguage() ?? browserLanguage(tags) ?? 'en';
}

export const language: Language = chooseLanguage();

/**
 * Every other language's dictionary, each its own chunk: only the chosen one is downloaded. A new
 * language is one entry in LANGUAGES (shared/model.ts), its dictionaries, and one line here.
 */
const DICTIONARIES: Record<Exclude<Language, 'en'>, () => Promise<Strings>> = {
  pl: async () => portalIn(await import('../i18n/words.pl.ts')),
  ru: async () => portalIn(await import('../i18n/words.ru.ts')),
  nl: async () => portalIn(await import('../i18n/words.nl.ts')),
  zh: async () => portalIn(await import('../i18n/words.zh.ts')),
};

export const t: Strings = language === 'en' ? en : await DICTIONARIES[language]();

if (typeof document !== 'undefined') document.documentElement.lang = language;

/**
 * Makes `lang` the portal's language in this browser. When it differs from the one in use the
 * page reloads (at `reloadAt` when given, e.g. where sign-in was heading); returns whether it does.
 * Without storage the choice cannot outlive a reload, so the page stays as it is rather than loop.
 */
export function setLanguage(lang: Language, reloadAt?: string): boolean {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, lang);
  } catch {
    // Private mode: nothing to keep the choice in.
  }
  if (lang === language || storedLanguage() !== lang || typeof location === 'undefined') return false;
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
  if (reloadAt) location.assign(reloadAt);
  else location.reload();
  return true;
}
