/**
 * A use case loaded on its first call (functions/on-first-use.ts): nothing loads before a call, one load
 * serves every later call (also calls made while it loads), methods keep their `this`, a synchronous
 * method answers a promise, a failed load is tried again, and the use case is not mistaken for a promise.
 */
import { describe, expect, it } from 'vitest';
import { onFirstUse } from '#functions/on-first-use.ts';

class Counter {
  private count = 0;
  async add(by: number): Promise<number> {
    this.count += by;
    return this.count;
  }
  twice(n: number): string {
    return `${n * 2}`;
  }
}

describe('onFirstUse', () => {
  it('loads nothing before the first call and loads once for every call after it', async () => {
    let loads = 0;
    const counter = onFirstUse(async () => {
      loads += 1;
      return new Counter();
    });
    expect(loads).toBe(0);
    const add = counter.add;
    expect(loads).toBe(0);
    const answers = await Promise.all([add(1), counter.add(2), counter.add(3)]);
    expect(answers.sort()).toEqual([1, 3, 6]);
    expect(await counter.add(4)).toBe(10);
    expect(loads).toBe(1);
  });

  it('answers a synchronous method with a promise of its answer', async () => {
    const counter = onFirstUse(async () => new Counter());
    const answer = counter.twice(21);
    expect(answer).toBeInstanceOf(Promise);
    expect(await answer).toBe('42');
  });

  it('tries a failed load again on the next call', async () => {
    let attempts = 0;
    const counter = onFirstUse(async () => {
      attempts += 1;
      if (attempts === 1) throw new Error('chunk not found');
      return new Counter();
    });
    await expect(counter.add(1)).rejects.toThrow('chunk not found');
    expect(await counter.add(1)).toBe(1);
    expect(attempts).toBe(2);
  });

  it('passes on what the method throws, and refuses a name that is not a method', async () => {
    const failing = onFirstUse(async () => ({
      async go(): Promise<never> {
        throw new RangeError('refused');
      },
      size: 3,
    }));
    await expect(failing.go()).rejects.toThrow(RangeError);
    await expect((failing as unknown as { size: () => Promise<number> }).size()).rejects.toThrow(TypeError);
  });

  it('is not a thenable, so awaiting it answers the use case itself', async () => {
    const counter = onFirstUse(async () => new Counter());
    expect(await counter).toBe(counter);
  });
});
