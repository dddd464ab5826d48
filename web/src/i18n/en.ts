/**
 * The portal's dictionary in a language, from that language's words module (i18n/words.<lang>.ts):
 * the portal's own words, the refusals, and each feature's words from its folder, in one object.
 * English gives the shape, so a language missing a feature or a key fails the typecheck.
 */
import type { RefusalWords } from '#shared/refusal-words.en.ts';
import * as english from './words.en.ts';

export type { Keyed } from './words.en.ts';

type Intersection<U> = (U extends unknown ? (part: U) => void : never) extends (part: infer I) => void ? I : never;

/** What a language's words module exports: `portal`, `refusals` and each feature's words. */
export type LanguageWords = Omit<typeof english, 'refusals'> & { readonly refusals: RefusalWords };

export type Strings = Intersection<LanguageWords[Exclude<keyof LanguageWords, 'refusals'>]> & {
  readonly refusals: RefusalWords;
};

/** A language's words as the one dictionary the pages read (`t`). */
export function portalIn(words: LanguageWords): Strings {
  const { refusals, ...parts } = words;
  return Object.assign({}, ...Object.values(parts), { refusals }) as Strings;
}

export const en: Strings = portalIn(english);
