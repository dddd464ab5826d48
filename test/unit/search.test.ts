import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { searchChanges } from '#functions/repositories/search.ts';
import { keys, partitions, searchHitOf } from '#functions/storage/keys.ts';
import {
  candidates,
  type Hit,
  MAX_TERMS,
  matchesOrder,
  orderTerms,
  parseSearch,
  rarest,
  ruledOut,
  termChanges,
  type WordHits,
  words,
} from '#shared/search.ts';

const order = (
  title: string,
  answers: Record<string, string | string[] | number | boolean> = {},
  name = 'Anna Nowak',
) => ({
  number: 'HR-1001',
  department: 'HR',
  requesterId: 'anna',
  createdAt: '2026-11-02T09:00:00.000Z',
  title,
  requesterName: name,
  answers,
});

describe('search terms', () => {
  it('fold case and accents, so "zolc" finds "Żółć" and "lukasz" finds "Łukasz"', () => {
    expect(words('Żółć, Łukasz-Gęś ﬁle')).toEqual(['zolc', 'lukasz', 'ges', 'file']);
    const terms = orderTerms(order('Laptop for Łukasz', { note: 'Żółć' }));
    expect(matchesOrder(order('Laptop for Łukasz', { note: 'Żółć' }), ['zolc'])).toBe(true);
    expect(terms).toContain('lukasz');
  });

  it('index the title, the requester and the text answers, not files, numbers, yes/no or stop words', () => {
    const terms = orderTerms(
      order('Laptop for the new joiner', {
        b: ['Kraków', 'Gdańsk'],
        a: 'uploads/anna/abc/contract.pdf',
        c: 1500,
        d: true,
        e: '2030-01-15',
      }),
    );
    expect(terms).toEqual(['laptop', 'new', 'joiner', 'anna', 'nowak', 'krakow', 'gdansk', '2030']);
  });

  it('are the same whatever order storage gives the answers in', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.stringMatching(/^[a-z]{1,6}$/), fc.string({ maxLength: 30 })), (answers) => {
        const reversed = Object.fromEntries(Object.entries(answers).reverse());
        expect(orderTerms(order('Title', reversed))).toEqual(orderTerms(order('Title', answers)));
      }),
    );
  });

  it('are at most MAX_TERMS, unique, of letters and digits only, at least two long', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), fc.array(fc.string({ maxLength: 200 }), { maxLength: 10 }), (t, a) => {
        const terms = orderTerms(order(t, Object.fromEntries(a.map((v, i) => [`f${i}`, v]))));
        expect(terms.length).toBeLessThanOrEqual(MAX_TERMS);
        expect(new Set(terms).size).toBe(terms.length);
        for (const term of terms) {
          expect(term.length).toBeGreaterThanOrEqual(2);
          expect(term).toMatch(/^[\p{L}\p{N}]+$/u);
          expect(term).toBe(term.toLowerCase());
        }
      }),
    );
  });

  it('every word of an order finds it by any beginning of two letters or more', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{3,12}$/), fc.integer({ min: 2, max: 12 }), (word, n) => {
        fc.pre(
          ![
            'and',
            'are',
            'the',
            'for',
            'from',
            'has',
            'have',
            'our',
            'please',
            'this',
            'was',
            'with',
            'you',
            'your',
            'ale',
            'dla',
            'jak',
            'jest',
            'lub',
            'nie',
            'oraz',
            'przez',
            'sie',
          ].includes(word),
        );
        const o = order(`Request ${word}`);
        expect(matchesOrder(o, [word.slice(0, n)])).toBe(true);
      }),
    );
  });

  it('never index the answers of sensitive fields', () => {
    const filed = order('Leave request', { reason: 'Chemotherapy appointments', note: 'Mornings' });
    const hidden = new Set(['reason']);
    expect(orderTerms(filed, hidden)).not.toContain('chemotherapy');
    expect(orderTerms(filed, hidden)).toContain('mornings');
    expect(matchesOrder(filed, ['chemo'], hidden)).toBe(false);
    const items = searchChanges('t', undefined, filed, hidden).map((i) => JSON.stringify(i));
    expect(items.some((i) => i.includes('chemotherapy'))).toBe(false);
  });

  it('a changed answer adds its new words and removes the old ones, nothing else', () => {
    const before = orderTerms(order('Laptop', { model: 'ThinkPad' }));
    const after = orderTerms(order('Laptop', { model: 'MacBook' }));
    expect(termChanges(before, after)).toEqual({ added: ['macbook'], removed: ['thinkpad'] });
    expect(termChanges(after, after)).toEqual({ added: [], removed: [] });
  });
});

describe('the index items of a write', () => {
  it('a new order writes one item per term; an unchanged one nothing; a changed answer a Delete and a Put', () => {
    const filed = order('Laptop', { model: 'ThinkPad' });
    expect(searchChanges('t', undefined, filed)).toHaveLength(orderTerms(filed).length);
    expect(searchChanges('t', filed, { ...filed })).toEqual([]);
    const changed = searchChanges('t', filed, order('Laptop', { model: 'MacBook' }));
    // The new word's item first, then the items that stay, written again with the order's terms now.
    expect(changed.map((i) => Object.keys(i)[0])).toEqual(['Delete', 'Put', 'Put', 'Put', 'Put']);
    const puts = changed.flatMap((i) => ('Put' in i && i.Put ? [i.Put.Item as Record<string, unknown>] : []));
    expect(puts[0]!.sk).toMatch(/^macbook#/);
    for (const item of puts) expect(item.terms).toBe('laptop anna nowak macbook');
  });

  it("every item carries all the order's terms, so a search checks its other words on the entries it read", () => {
    const filed = order('Laptop for Łukasz', { note: 'Żółć' });
    const items = searchChanges('t', undefined, filed).map((i) => ('Put' in i && i.Put ? i.Put.Item : {}));
    expect(items.map((i) => (i as { terms?: string }).terms)).toEqual(items.map(() => orderTerms(filed).join(' ')));
  });

  it('reads find what the writes store: the department partition and the requester partition', () => {
    const o = order('Laptop');
    const key = keys.searchTerm(o, 'laptop');
    const dept = partitions.searchOfDepartment('HR', 'lap');
    expect(key.pk).toBe(dept.pk);
    expect(key.sk.startsWith(dept.skPrefix)).toBe(true);
    expect(partitions.searchOfDepartment('IT', 'lap').pk).not.toBe(key.pk);
    const mine = partitions.searchOfRequester('anna', 'lap');
    expect(key.gsi1pk).toBe(mine.gsi1pk);
    expect(partitions.searchOfRequester('ben', 'lap').gsi1pk).not.toBe(key.gsi1pk);
    expect(searchHitOf(key.sk)).toEqual({ number: 'HR-1001', createdAt: o.createdAt });
  });
});

describe('a search', () => {
  it('an order number goes straight to the order', () => {
    expect(parseSearch(' hr-1042 ')).toEqual({ kind: 'number', number: 'HR-1042' });
    expect(parseSearch('1042')).toEqual({ kind: 'words', words: ['1042'], digits: '1042' });
  });

  it('words: folded, stop words dropped but the last (still being typed), beginnings of other words dropped', () => {
    expect(parseSearch('The laptop for Żółć')).toEqual({ kind: 'words', words: ['laptop', 'zolc'] });
    expect(parseSearch('laptop the')).toEqual({ kind: 'words', words: ['laptop', 'the'] });
    expect(parseSearch('lap laptop')).toEqual({ kind: 'words', words: ['laptop'] });
    expect(parseSearch('a , !')).toEqual({ kind: 'words', words: [] });
  });

  it('candidates: only those every complete read found, newest first, each once', () => {
    const hit = (n: number, day: number): Hit => ({
      number: `HR-${n}`,
      createdAt: `2026-11-${String(day).padStart(2, '0')}`,
    });
    const reads: WordHits[] = [
      { word: 'aa', hits: [hit(1, 1), hit(2, 2), hit(3, 3), hit(3, 3)], complete: true },
      { word: 'bb', hits: [hit(3, 3), hit(1, 1), hit(9, 9)], complete: true },
      { word: 'cc', hits: [hit(7, 7)], complete: false },
    ];
    expect(candidates(reads).map((h) => h.number)).toEqual(['HR-3', 'HR-1']);
  });

  it('candidates never leave out an order every read found, and never add one a complete read lacks', () => {
    const hits = fc.array(
      fc.record({ number: fc.constantFrom('A-1', 'A-2', 'A-3', 'A-4', 'A-5'), createdAt: fc.constant('2026') }),
      { maxLength: 8 },
    );
    const read = fc.record({ word: fc.constantFrom('aa', 'bb', 'cc'), hits, complete: fc.boolean() });
    fc.assert(
      fc.property(fc.array(read, { minLength: 1, maxLength: 4 }), (reads) => {
        const out = new Set(candidates(reads).map((h) => h.number));
        const inAll = reads[rarest(reads)]!.hits.map((h) => h.number).filter((n) =>
          reads.every((r) => r.hits.some((h) => h.number === n)),
        );
        for (const n of inAll) expect(out.has(n)).toBe(true);
        for (const r of reads.filter((r) => r.complete))
          for (const n of out) expect(r.hits.some((h) => h.number === n)).toBe(true);
      }),
    );
  });

  it('the rarest word: the complete read with fewest entries, else the longest word', () => {
    const h = (n: number): Hit => ({ number: `HR-${n}`, createdAt: '2026' });
    const many = Array.from({ length: 5 }, (_, i) => h(i));
    expect(
      rarest([
        { word: 'lap', hits: many, complete: false },
        { word: 'kw', hits: [h(1)], complete: true },
      ]),
    ).toBe(1);
    expect(
      rarest([
        { word: 'lap', hits: many, complete: true },
        { word: 'kw', hits: [h(1), h(2)], complete: true },
        { word: 'kwa', hits: [h(1), h(2)], complete: true },
      ]),
    ).toBe(1);
    expect(
      rarest([
        { word: 'lap', hits: many, complete: false },
        { word: 'laptop', hits: many, complete: false },
      ]),
    ).toBe(1);
  });

  it('an index entry carrying its terms rules its order out when a word begins none of them', () => {
    const hit: Hit = { number: 'HR-1', createdAt: '2026', terms: ['laptop', 'anna', 'krakow'] };
    expect(ruledOut(hit, ['lap', 'kra'])).toBe(false);
    expect(ruledOut(hit, ['lap', 'gdansk'])).toBe(true);
    expect(ruledOut({ number: 'HR-1', createdAt: '2026' }, ['gdansk'])).toBe(false);
  });

  it('on entries with terms, candidates are exactly the orders of the rarest read that hold every word', () => {
    // Orders of a small vocabulary; each word's read as storage gives it: every entry of an order
    // with a term it begins, newest first, cut at a random length (then not complete).
    const vocabulary = ['kaka', 'kalo', 'lomi', 'mira', 'rato', 'tone'];
    const orders = fc.array(fc.uniqueArray(fc.constantFrom(...vocabulary), { minLength: 1, maxLength: 4 }), {
      minLength: 1,
      maxLength: 30,
    });
    const query = fc.uniqueArray(fc.constantFrom('ka', 'kak', 'lo', 'mi', 'ra', 'to', 'kalo'), {
      minLength: 1,
      maxLength: 3,
    });
    fc.assert(
      fc.property(orders, query, fc.array(fc.nat(40), { minLength: 3, maxLength: 3 }), (list, q, cuts) => {
        const indexed = list.map((terms, i) => ({
          number: `HR-${i + 1}`,
          createdAt: `2026-11-01T00:00:${String(i).padStart(2, '0')}`,
          terms,
        }));
        const reads: WordHits[] = q.map((word, w) => {
          const all = indexed
            .filter((o) => o.terms.some((t) => t.startsWith(word)))
            .reverse()
            .flatMap((o) => o.terms.filter((t) => t.startsWith(word)).map(() => o));
          const cut = cuts[w]!;
          return { word, hits: all.slice(0, cut), complete: cut >= all.length };
        });
        const base = rarest(reads);
        const got = candidates(reads, base).map((h) => h.number);
        const want = [...new Set(reads[base]!.hits.map((h) => h.number))].filter((n) =>
          q.every((w) => indexed.find((o) => o.number === n)!.terms.some((t) => t.startsWith(w))),
        );
        expect([...got].sort()).toEqual([...want].sort());
        // Newest first.
        const times = got.map((n) => indexed.find((o) => o.number === n)!.createdAt);
        expect(times).toEqual([...times].sort().reverse());
        // A complete rarest read proposes every matching order there is.
        if (reads[base]!.complete) {
          const everyMatch = indexed.filter((o) => q.every((w) => o.terms.some((t) => t.startsWith(w))));
          expect(new Set(got)).toEqual(new Set(everyMatch.map((o) => o.number)));
        }
      }),
    );
  });
});
