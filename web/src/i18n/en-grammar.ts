/** English helpers of the dictionaries: keyed words, words for some keys, counted nouns. */
import { numberIn } from '#shared/grammar.ts';

/**
 * Words looked up by a key the data brings (any string), whose known keys every language must
 * still translate: a missing one fails the typecheck.
 */
export type Keyed<K extends string> = Record<K, string> & Record<string, string>;
export const keyed = <K extends string>(words: Record<K, string>): Keyed<K> => words;
/** Words for some keys of K only; the listed ones are required in every language. */
export const someOf =
  <K extends string>() =>
  <T extends Partial<Record<K, string>>>(words: T): T & Partial<Record<K, string>> =>
    words;

export const num = numberIn('en');
export const plural = (n: number, one: string, many: string): string => `${num(n)} ${n === 1 ? one : many}`;
