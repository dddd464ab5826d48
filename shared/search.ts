/**
 * Order search as pure decisions: the words an order is found by (its search terms), what a search
 * asks for (an order number, or words), which orders a search's index reads leave to check, and
 * whether an order matches. Case and accents never matter ("zolc" finds "Żółć"), and each word of a
 * search finds the words it begins ("lap" finds "laptop"), so a search box can ask as the person types.
 *
 * Storage (functions/repositories/search.ts) keeps one index item per term of an order, written in
 * the order's own transaction; a search reads the items of its words and checks the orders they name
 * with `matchesOrder`, so an answer is never wider than the orders themselves.
 */
import type { OrderSummary } from './api.ts';
import type { Order } from './model.ts';
import { fold } from './people.ts';

/** At most this many terms per order: bounds the index items one transaction writes. */
export const MAX_TERMS = 32;
/** Shorter words are neither indexed nor searched for. */
export const MIN_TERM = 2;
/** Longer words are cut to this length (a search for the start of a long word still finds it). */
export const MAX_TERM_LENGTH = 24;
/** At most this many words of a search count. */
export const MAX_QUERY_WORDS = 4;
/** At most this many orders answer one search. */
export const SEARCH_PAGE = 20;

/** Words too common to tell orders apart (English and Polish, folded). */
const STOP_WORDS = new Set([
  'a',
  'an',
  'and',
  'are',
  'as',
  'at',
  'be',
  'by',
  'for',
  'from',
  'has',
  'have',
  'in',
  'is',
  'it',
  'of',
  'on',
  'or',
  'our',
  'please',
  'the',
  'this',
  'to',
  'was',
  'we',
  'with',
  'you',
  'your',
  'ale',
  'co',
  'do',
  'dla',
  'jak',
  'jest',
  'lub',
  'na',
  'nie',
  'od',
  'oraz',
  'po',
  'przez',
  'sie',
  'ze',
]);

/** The words of a text: compatibility-decomposed, folded (lower case, no accents), split on anything but letters and digits. */
export function words(text: string): string[] {
  return fold(text.normalize('NFKD'))
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** Whether a folded word is worth a term: long enough, not a stop word, and not a short number ("01" of a date). */
function keeps(word: string): boolean {
  if (word.length < MIN_TERM || STOP_WORDS.has(word)) return false;
  return !(/^\d+$/.test(word) && word.length < 3);
}

const cut = (word: string) => word.slice(0, MAX_TERM_LENGTH);

const NONE: ReadonlySet<string> = new Set();

/**
 * The terms an order is found by, most telling first, unique, at most MAX_TERMS: the words of its
 * title, then of the requester's name, then of its text answers (fields in id order, so the same
 * order always gives the same terms, whatever order storage returns its answers in). Files
 * (`uploads/…` keys), numbers and yes/no answers are not words anyone searches for; `unindexed`
 * answers (fields marked sensitive, shared/privacy.ts sensitiveFields) are never indexed.
 */
export function orderTerms(
  order: Pick<Order, 'title' | 'requesterName' | 'answers'>,
  unindexed: ReadonlySet<string> = NONE,
): string[] {
  const texts: string[] = [order.title, order.requesterName];
  for (const id of Object.keys(order.answers).sort()) {
    if (unindexed.has(id)) continue;
    const value = order.answers[id];
    const values = Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
    for (const text of values) if (!text.startsWith('uploads/')) texts.push(text);
  }
  const terms = new Set<string>();
  for (const text of texts) {
    for (const word of words(text)) {
      if (!keeps(word)) continue;
      terms.add(cut(word));
      if (terms.size === MAX_TERMS) return [...terms];
    }
  }
  return [...terms];
}

/** What one write changes in the index: terms to add and terms gone. */
export function termChanges(
  before: readonly string[],
  after: readonly string[],
): { added: string[]; removed: string[] } {
  const old = new Set(before);
  const now = new Set(after);
  return { added: after.filter((t) => !old.has(t)), removed: before.filter((t) => !now.has(t)) };
}

/** What a search answers. */
export interface SearchAnswer {
  /** The orders found, newest first (an order asked for by number first), at most SEARCH_PAGE. */
  items: OrderSummary[];
  /** Assignees' names, as the queue answers them. */
  people: Record<string, string>;
  /** There may be more: more words narrow the search. */
  more: boolean;
}

export type SearchRequest =
  /** An order number ("hr-1042" → HR-1042): that order, if the caller may see it here. */
  | { kind: 'number'; number: string }
  /** Words, each the beginning of a term; `digits` when the search is only a number (42 → HR-42 in a department). */
  | { kind: 'words'; words: string[]; digits?: string };

const ORDER_NUMBER = /^([A-Za-z][A-Za-z0-9]{1,9})-(\d{1,9})$/;

/**
 * What a search asks for. Stop words count only as the last word (it may be the start of a longer
 * word still being typed: "the" → "theatre"); a word that begins another word of the search adds
 * nothing and is dropped. No words at all: nothing to find.
 */
export function parseSearch(q: string): SearchRequest {
  const text = q.trim();
  const number = ORDER_NUMBER.exec(text);
  if (number) return { kind: 'number', number: `${number[1]!.toUpperCase()}-${number[2]}` };
  const all = words(text).map(cut);
  const kept = all.filter((w, i) => w.length >= MIN_TERM && (i === all.length - 1 || !STOP_WORDS.has(w)));
  const unique = [...new Set(kept)];
  const needed = unique.filter((w) => !unique.some((other) => other !== w && other.startsWith(w)));
  return {
    kind: 'words',
    words: needed.slice(0, MAX_QUERY_WORDS),
    ...(/^\d{1,9}$/.test(text) ? { digits: text } : {}),
  };
}

/** Whether every word of a search begins one of the order's terms. */
export function matchesOrder(
  order: Pick<Order, 'title' | 'requesterName' | 'answers'>,
  query: readonly string[],
  unindexed: ReadonlySet<string> = NONE,
): boolean {
  const terms = orderTerms(order, unindexed);
  return query.every((w) => terms.some((t) => t.startsWith(w)));
}

/** An index entry a search read: an order that has a term beginning with the word. */
export interface Hit {
  number: string;
  createdAt: string;
  /**
   * Every term of the order, as its index item carries them: the other words of a search are checked
   * against these before any order is read. Absent on items written before they carried them (the
   * order itself decides then).
   */
  terms?: readonly string[];
}

/** What one word's index read found; `complete` when it read every entry of the word (no more pages). */
export interface WordHits {
  /** The word read. */
  word: string;
  hits: Hit[];
  complete: boolean;
  /** Where a further read of the word goes on (storage's cursor), when it is not complete. */
  next?: unknown;
}

/** At most this many index entries of one word are read for a search; beyond it the answer says `more`. */
export const MAX_INDEX_ENTRIES = 1000;

/**
 * The read to go on from, the rarest word's: of the words read to the end, the one with the fewest
 * entries; when none was, the longest word (a longer beginning is found in fewer terms), the first
 * of equals. Only this word's entries are ever paged on, so a search costs what its rarest word does.
 */
export function rarest(reads: readonly WordHits[]): number {
  let best = -1;
  reads.forEach((read, i) => {
    if (best < 0) {
      best = i;
      return;
    }
    const b = reads[best]!;
    const better =
      read.complete !== b.complete
        ? read.complete
        : read.complete
          ? read.hits.length < b.hits.length
          : read.word.length > b.word.length;
    if (better) best = i;
  });
  return best;
}

/** Whether an entry's terms (when it carries them) rule its order out: a word begins none of them. */
export function ruledOut(hit: Hit, query: readonly string[]): boolean {
  const terms = hit.terms;
  return terms !== undefined && !query.every((w) => terms.some((t) => t.startsWith(w)));
}

/**
 * The orders worth checking, newest first: those of the rarest word's entries (`rarest`) whose terms
 * hold every word of the search, less those missing from any other word read completely (they cannot
 * match). A word read only in part cannot rule an order out; an entry without terms neither: the order
 * itself decides (`matchesOrder`).
 */
export function candidates(reads: readonly WordHits[], base = rarest(reads)): Hit[] {
  if (reads.length === 0) return [];
  const query = reads.map((r) => r.word);
  const from = reads[base]!;
  const sets = reads.filter((r, i) => r.complete && i !== base).map((r) => new Set(r.hits.map((h) => h.number)));
  const seen = new Set<string>();
  const out: Hit[] = [];
  for (const hit of from.hits) {
    if (seen.has(hit.number) || ruledOut(hit, query) || !sets.every((s) => s.has(hit.number))) continue;
    seen.add(hit.number);
    out.push(hit);
  }
  return out.sort((a, b) =>
    a.createdAt === b.createdAt ? b.number.localeCompare(a.number) : b.createdAt.localeCompare(a.createdAt),
  );
}
