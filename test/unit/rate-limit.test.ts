/**
 * The per-person write limit (token bucket) with a controlled clock: a burst, a steady refill, one
 * bucket per person, and a Retry-After that is neither too short nor too long.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RateLimiter, TooManyRequestsError } from '#functions/http/rate-limit.ts';

function clock(start = 1_700_000_000_000) {
  let now = start;
  return {
    now: () => now,
    advance(ms: number) {
      now += ms;
    },
  };
}

function refusal(run: () => void): TooManyRequestsError | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    if (error instanceof TooManyRequestsError) return error;
    throw error;
  }
}

describe('RateLimiter', () => {
  it('lets a burst of `capacity` through and refuses the next with a 429', () => {
    const c = clock();
    const limiter = new RateLimiter(60, 1, c.now);
    for (let i = 0; i < 60; i++) expect(refusal(() => limiter.take('user:anna'))).toBeUndefined();
    const refused = refusal(() => limiter.take('user:anna'));
    expect(refused).toBeInstanceOf(TooManyRequestsError);
    expect(refused?.status).toBe(429);
    expect(refused?.code).toBe('too_many_requests');
    expect(refused?.retryAfterSeconds).toBe(1);
    expect(refused?.params).toEqual({ seconds: 1 });
  });

  it.each([
    { rate: 1, retry: 1 },
    { rate: 0.5, retry: 2 },
    { rate: 0.25, retry: 4 },
    { rate: 0.1, retry: 10 },
    { rate: 2, retry: 1 },
    { rate: 10, retry: 1 },
  ])('tells when to retry for a refill of $rate/s ($retry s), and that is exactly enough', ({ rate, retry }) => {
    const c = clock();
    const limiter = new RateLimiter(3, rate, c.now);
    for (let i = 0; i < 3; i++) limiter.take('ben');
    const refused = refusal(() => limiter.take('ben'));
    expect(refused?.retryAfterSeconds).toBe(retry);
    // One second less is not enough (unless the answer is the 1 s floor)...
    if (retry > 1) {
      c.advance((retry - 1) * 1000);
      expect(refusal(() => limiter.take('ben'))?.retryAfterSeconds).toBe(1);
      c.advance(1000);
    } else {
      c.advance(retry * 1000);
    }
    // ...and after the advertised wait the next write passes.
    expect(refusal(() => limiter.take('ben'))).toBeUndefined();
  });

  it('never advertises less than 1 s, also for partly refilled buckets', () => {
    const c = clock();
    const limiter = new RateLimiter(1, 1, c.now);
    limiter.take('x');
    c.advance(999);
    expect(refusal(() => limiter.take('x'))?.retryAfterSeconds).toBe(1);
    c.advance(1);
    expect(refusal(() => limiter.take('x'))).toBeUndefined();
  });

  it('refills over time at the configured rate, up to the burst size', () => {
    const c = clock();
    const limiter = new RateLimiter(5, 2, c.now);
    for (let i = 0; i < 5; i++) limiter.take('hana');
    expect(refusal(() => limiter.take('hana'))).toBeDefined();
    c.advance(1500); // 3 tokens at 2/s
    for (let i = 0; i < 3; i++) expect(refusal(() => limiter.take('hana'))).toBeUndefined();
    expect(refusal(() => limiter.take('hana'))).toBeDefined();
    // A long pause refills only up to the burst size.
    c.advance(3_600_000);
    for (let i = 0; i < 5; i++) expect(refusal(() => limiter.take('hana'))).toBeUndefined();
    expect(refusal(() => limiter.take('hana'))).toBeDefined();
  });

  it('keeps a separate bucket per person, and refusals do not drain anyone else', () => {
    const c = clock();
    const limiter = new RateLimiter(2, 1, c.now);
    limiter.take('user:anna');
    limiter.take('user:anna');
    for (let i = 0; i < 10; i++) expect(refusal(() => limiter.take('user:anna'))).toBeDefined();
    expect(refusal(() => limiter.take('user:ben'))).toBeUndefined();
    expect(refusal(() => limiter.take('user:ben'))).toBeUndefined();
    expect(refusal(() => limiter.take('user:ben'))).toBeDefined();
    // Signed links are counted apart from the person they belong to.
    expect(refusal(() => limiter.take('link:abc'))).toBeUndefined();
    // Refused attempts cost nothing: anna gets her token back after 1 s, not later.
    c.advance(1000);
    expect(refusal(() => limiter.take('user:anna'))).toBeUndefined();
  });

  it('gives nobody more than capacity + elapsed × rate successes, over any sequence of writes (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.constantFrom(0.1, 0.25, 0.5, 1, 2, 5),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3_000 })), { maxLength: 300 }),
        (capacity, rate, events) => {
          const c = clock();
          const limiter = new RateLimiter(capacity, rate, c.now);
          const successes = [0, 0, 0, 0];
          const firstSeen: Array<number | undefined> = [];
          for (const [person, stepMs] of events) {
            c.advance(stepMs);
            firstSeen[person] ??= c.now();
            const refused = refusal(() => limiter.take(`user:${person}`));
            if (!refused) successes[person]! += 1;
            else expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(1);
            // Buckets start full when a person is first seen; 1e-9 absorbs floating-point rounding.
            const elapsedSeconds = (c.now() - firstSeen[person]!) / 1000;
            expect(successes[person]!).toBeLessThanOrEqual(capacity + elapsedSeconds * rate + 1e-9);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('always lets the write through after the advertised Retry-After, and not a second sooner (property)', () => {
    // Steps of 250 ms and binary-fraction rates keep the arithmetic exact.
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10 }),
        fc.constantFrom(0.25, 0.5, 1, 2, 4),
        fc.array(fc.integer({ min: 0, max: 8 }), { maxLength: 100 }),
        (capacity, rate, steps) => {
          const c = clock();
          const limiter = new RateLimiter(capacity, rate, c.now);
          for (const quarterSeconds of steps) {
            c.advance(quarterSeconds * 250);
            const refused = refusal(() => limiter.take('p'));
            if (!refused) continue;
            const wait = refused.retryAfterSeconds;
            expect(wait).toBeGreaterThanOrEqual(1);
            if (wait > 1) {
              c.advance((wait - 1) * 1000);
              expect(refusal(() => limiter.take('p'))).toBeDefined();
              c.advance(1000);
            } else {
              c.advance(wait * 1000);
            }
            expect(refusal(() => limiter.take('p'))).toBeUndefined();
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
