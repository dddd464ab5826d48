import { describe, expect, it } from 'vitest';
import { BriefCache } from '../../functions/storage/brief-cache.ts';

describe('BriefCache', () => {
  it('forgets an entry once its time is up', () => {
    let now = 1_000;
    const cache = new BriefCache<string>(5_000, () => now);
    cache.set('hr-certificate', 'v3');
    now += 4_999;
    expect(cache.get('hr-certificate')).toBe('v3');
    now += 1;
    expect(cache.get('hr-certificate')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('holds at most maxEntries, dropping the entry set longest ago', () => {
    const cache = new BriefCache<number>(60_000, () => 0, 3);
    for (let i = 0; i < 1_000; i++) cache.set(`svc-${i}`, i);
    expect(cache.size).toBe(3);
    expect(cache.get('svc-996')).toBeUndefined();
    expect([cache.get('svc-997'), cache.get('svc-998'), cache.get('svc-999')]).toEqual([997, 998, 999]);
  });

  it('counts setting a key again as the newest, without growing', () => {
    const cache = new BriefCache<string>(60_000, () => 0, 2);
    cache.set('a', 'a1');
    cache.set('b', 'b1');
    cache.set('a', 'a2');
    expect(cache.size).toBe(2);
    cache.set('c', 'c1');
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe('a2');
    expect(cache.get('c')).toBe('c1');
  });

  it('forgets a deleted entry at once', () => {
    const cache = new BriefCache<string>(60_000, () => 0);
    cache.set('a', 'a1');
    cache.delete('a');
    expect(cache.get('a')).toBeUndefined();
  });
});
