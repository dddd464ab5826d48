/**
 * Finding people by name or email: the words a person is listed under and whether a search matches
 * them. Searches ignore case and accents ("lukasz" finds "Łukasz"), and each word of the search must
 * begin a word of the name or the email.
 */
import type { User } from './model.ts';

/** What a search shows of a person: enough to tell two Annas apart. */
export interface PersonCard {
  id: string;
  name: string;
  email: string;
  department?: string;
}

/** At most this many people answer one search. */
export const PEOPLE_PAGE = 10;

// Letters NFD does not split into a base letter and a mark.
const FOLD: Record<string, string> = { ł: 'l', đ: 'd', ø: 'o', ß: 'ss', æ: 'ae', œ: 'oe', ı: 'i', þ: 'th' };

/**
 * Longer words are cut to this many UTF-16 units, the longest address an email can have (RFC 5321), so
 * every address stays whole. Folding can lengthen a word (NFD splits a Hangul syllable into three
 * letters), and a word is a key of the directory (`word#id`, at most 1,024 bytes in DynamoDB): cut, a
 * word is at most 762 bytes in UTF-8. The words of a search are cut alike, so they still begin the
 * words they began.
 */
export const MAX_LISTED_WORD = 254;

/** A word cut to MAX_LISTED_WORD, never between the two halves of a surrogate pair. */
const cut = (word: string) =>
  word.length <= MAX_LISTED_WORD ? word : word.slice(0, MAX_LISTED_WORD).replace(/[\uD800-\uDBFF]$/, '');

/** Lower case without accents: "Łukasz Żółć" → "lukasz zolc". */
export function fold(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[łđøßæœıþ]/g, (c) => FOLD[c] ?? c);
}

/** The words of a search: folded, split on spaces, commas and the like (an email stays whole). */
export function searchWords(query: string): string[] {
  return fold(query)
    .split(/[\s,;()"]+/)
    .filter(Boolean)
    .slice(0, 5)
    .map(cut);
}

/**
 * The words a person is listed under: each word of the name (hyphenated parts too) and the email.
 * Sorted and unique, so two listings compare as strings.
 */
export function listingWords(person: Pick<User, 'name' | 'email'>): string[] {
  const name = fold(person.name)
    .split(/[\s\-'’.]+/)
    .filter(Boolean);
  return [...new Set([...name, fold(person.email)].map(cut))].sort();
}

/** Whether every word of the search begins one of the words the person is listed under. */
export function matchesSearch(listing: readonly string[], words: readonly string[]): boolean {
  return words.every((w) => listing.some((l) => l.startsWith(w)));
}

/** The card of a person. */
export function personCard(user: Pick<User, 'id' | 'name' | 'email' | 'department'>): PersonCard {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    ...(user.department ? { department: user.department } : {}),
  };
}

/**
 * What a person is listed under, kept on their profile (`listed`): the words and the card as one
 * comparable string, so a sign-in rewrites the directory only when one of them changed.
 */
export function listingOf(user: User): { words: string[]; listed: string } {
  const words = listingWords(user);
  return { words, listed: JSON.stringify({ words, card: personCard(user) }) };
}

/** The words a profile's `listed` says it is listed under (none when it says nothing readable). */
export function listedWords(listed: unknown): string[] {
  if (typeof listed !== 'string') return [];
  try {
    const words = (JSON.parse(listed) as { words?: unknown }).words;
    return Array.isArray(words) ? words.filter((w): w is string => typeof w === 'string') : [];
  } catch {
    return [];
  }
}
