/**
 * Per-person write limit (token bucket), kept per process. API Gateway's stage throttling protects
 * the service as a whole; this stops one person (or script) from flooding it from a single client.
 */
import { TooManyRequestsError } from '#shared/errors.ts';

export { TooManyRequestsError };

export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  constructor(
    /** Burst size. */
    private readonly capacity: number,
    /** Tokens added per second. */
    private readonly refillPerSecond: number,
    private readonly now: () => number = Date.now,
  ) {}

  take(who: string): void {
    const now = this.now();
    const bucket = this.buckets.get(who) ?? { tokens: this.capacity, at: now };
    const tokens = Math.min(this.capacity, bucket.tokens + ((now - bucket.at) / 1000) * this.refillPerSecond);
    if (tokens < 1) {
      this.buckets.set(who, { tokens, at: now });
      throw new TooManyRequestsError(Math.max(1, Math.ceil((1 - tokens) / this.refillPerSecond)));
    }
    this.buckets.set(who, { tokens: tokens - 1, at: now });
    // Keep memory bounded on long-lived processes.
    if (this.buckets.size > 10_000) this.buckets.delete(this.buckets.keys().next().value as string);
  }
}
