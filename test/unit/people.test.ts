import { describe, expect, it } from 'vitest';
import { listingWords, MAX_LISTED_WORD, matchesSearch, searchWords } from '#shared/people.ts';

describe('the people directory’s words', () => {
  it('lists every word and the whole address, folded', () => {
    expect(listingWords({ name: 'Łukasz Żółć-Nowak', email: 'L.Zolc@Example.com' })).toEqual([
      'l.zolc@example.com',
      'lukasz',
      'nowak',
      'zolc',
    ]);
  });

  it('keeps the longest address whole and cuts longer words, which a search cut alike still finds', () => {
    const address = `${'a'.repeat(242)}@example.com`;
    expect(listingWords({ name: 'A', email: address })).toContain(address);
    // NFD makes three letters of each Hangul syllable: 200 of them fold into 600.
    const name = '한'.repeat(200);
    const words = listingWords({ name, email: 'x@example.com' });
    expect(Math.max(...words.map((w) => w.length))).toBe(MAX_LISTED_WORD);
    expect(Math.max(...words.map((w) => new TextEncoder().encode(w).length))).toBeLessThanOrEqual(762);
    expect(matchesSearch(words, searchWords(name))).toBe(true);
    expect(matchesSearch(words, searchWords(name.slice(0, 10)))).toBe(true);
  });

  it('never cuts between the halves of a surrogate pair', () => {
    const [word] = listingWords({ name: `a${'🙂'.repeat(200)}`, email: 'x@example.com' }).filter(
      (w) => w !== 'x@example.com',
    );
    expect(word?.length).toBe(MAX_LISTED_WORD - 1);
    expect(word?.endsWith('🙂')).toBe(true);
  });
});
