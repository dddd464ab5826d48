/**
 * Comparing content however it was built: the audit log's changed fields (audit.ts) and a catalog
 * import's plan (transfer.ts) both ask whether two values hold the same, not whether they are the
 * same object or were written in the same key order.
 */

/** A value without its `undefined` members, keys sorted, so two equal values print the same. */
export function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, canonical(v)]),
    );
  }
  return value;
}

/** Whether two values hold the same content (key order and `undefined` members aside). */
export function sameContent(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}
