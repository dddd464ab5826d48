import { afterEach, describe, expect, it } from 'vitest';
import type { User } from '#shared/model.ts';
import { setCurrentUser } from '../account/session.ts';
import { early, QUIET, type Quiet } from './early.ts';

/** A fetcher that records its calls and answers `answer(key, call number)`. */
function recorder(answer: (key: string, n: number) => Promise<string> = async (key, n) => `${key}#${n}`) {
  const calls: Array<{ key: string; options: Quiet }> = [];
  const fetch = (key: string, options: Quiet) => {
    calls.push({ key, options });
    return answer(key, calls.length);
  };
  return { calls, fetch };
}

afterEach(() => setCurrentUser(undefined as unknown as User));

describe('early page data', () => {
  it('hands what the first page load started to the page once, then loads afresh', async () => {
    const { calls, fetch } = recorder();
    const data = early(fetch);
    data.preload('catalog', 'initial');
    expect(await data.load('catalog')).toBe('catalog#1');
    expect(await data.load('catalog')).toBe('catalog#2');
    expect(calls.map((c) => c.options)).toEqual([QUIET, {}]);
  });

  it('loads afresh for another key, and when the early request failed (then with the session flow on)', async () => {
    const failing = recorder(async (key, n) => {
      if (n === 1) throw new Error('refused');
      return `${key}#${n}`;
    });
    const data = early(failing.fetch);
    data.preload('HR-1', 'initial');
    expect(await data.load('HR-1')).toBe('HR-1#2');
    expect(failing.calls.map((c) => c.options)).toEqual([QUIET, {}]);

    const other = recorder();
    const second = early(other.fetch);
    second.preload('HR-1', 'initial');
    expect(await second.load('HR-2')).toMatch(/^HR-2#/);
    expect(other.calls.filter((c) => c.key === 'HR-2').map((c) => c.options)).toEqual([{}]);
  });

  it('starts nothing on later navigations, on hover, or once the person is known', async () => {
    const { calls, fetch } = recorder();
    const data = early(fetch);
    data.preload('catalog', 'navigate');
    data.preload('catalog', 'preload');
    setCurrentUser({ id: 'anna' } as User);
    data.preload('catalog', 'initial');
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(calls).toEqual([]);
    expect(await data.load('catalog')).toBe('catalog#1');
  });
});
