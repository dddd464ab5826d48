/**
 * A mergeable summary of durations: counts in fixed logarithmic buckets of business minutes. Two
 * histograms add bucket by bucket (DynamoDB ADD on each bucket's counter), so a period's histogram is
 * the sum of its days' and a median or p90 of any period comes from aggregates, never from orders.
 *
 * Bucket 0 holds [0, 1] minute; bucket i ≥ 1 holds (√2^(i−1), √2^i]; the last bucket is open-ended
 * (from √2^(LOG_BUCKETS−2), about 45 working days of 8 h). A quantile interpolated inside its bucket
 * lies in the same bucket as the exact quantile, so it is off by less than the bucket's width: at most
 * a factor of √2 (≈ 41 %) above 1 minute.
 */

/** How many buckets (the last one open-ended). */
export const LOG_BUCKETS = 34;

/** The bucket of a duration in minutes (negative durations count as 0). */
export function logBucket(minutes: number): number {
  if (!(minutes > 1)) return 0;
  // √2^i ≥ minutes  ⇔  i ≥ 2·log2(minutes); the small epsilon keeps exact powers in their own bucket.
  const i = Math.ceil(2 * Math.log2(minutes) - 1e-9);
  return Math.min(Math.max(i, 1), LOG_BUCKETS - 1);
}

/** The bounds of bucket i in minutes: [lower, upper]; the last bucket's upper is Infinity. */
export function bucketBounds(i: number): [number, number] {
  const lower = i === 0 ? 0 : Math.SQRT2 ** (i - 1);
  const upper = i === LOG_BUCKETS - 1 ? Number.POSITIVE_INFINITY : i === 0 ? 1 : Math.SQRT2 ** i;
  return [lower, upper];
}

/**
 * The q-quantile (0 < q ≤ 1) of a histogram given as counts per bucket, interpolated linearly inside
 * the bucket holding the rank q × total (the open-ended last bucket reports its lower bound).
 * Undefined for an empty histogram.
 */
export function histogramQuantileOf(counts: readonly number[], q: number): number | undefined {
  const total = counts.reduce((a, b) => a + Math.max(b, 0), 0);
  if (total === 0) return undefined;
  const rank = Math.max(q * total, Number.MIN_VALUE);
  let seen = 0;
  for (let i = 0; i < counts.length; i++) {
    const n = Math.max(0, counts[i] ?? 0);
    if (n > 0 && seen + n >= rank) {
      const [lower, upper] = bucketBounds(i);
      if (!Number.isFinite(upper)) return lower;
      return lower + ((rank - seen) / n) * (upper - lower);
    }
    seen += n;
  }
  return bucketBounds(LOG_BUCKETS - 1)[0];
}

/** Counts per bucket from counters named `${prefix}${i}` (missing ones are 0). */
export function bucketCounts(counters: Readonly<Record<string, number>>, prefix: string): number[] {
  return Array.from({ length: LOG_BUCKETS }, (_, i) => counters[`${prefix}${i}`] ?? 0);
}
