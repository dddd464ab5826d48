/**
 * Items read on nearly every request (profiles, departments, the current service), kept per process
 * for a short time. With `maxEntries`, the cache never holds more than that many: setting one more
 * drops the entry set longest ago.
 */
export class BriefCache<V> {
  private readonly entries = new Map<string, { value: V; until: number }>();

  constructor(
    private readonly keepMs: number,
    private readonly now: () => number,
    private readonly maxEntries = Number.POSITIVE_INFINITY,
  ) {}

  /** The value kept under `key`, unless it is older than the time it is kept for. */
  get(key: string): V | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    if (hit.until > this.now()) return hit.value;
    this.entries.delete(key);
    return undefined;
  }

  set(key: string, value: V): void {
    // Deleting first moves the key to the end of the Map's order, so the first key is the oldest set.
    this.entries.delete(key);
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(key, { value, until: this.now() + this.keepMs });
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  /** How many entries are held (expired ones included until they are read or pushed out). */
  get size(): number {
    return this.entries.size;
  }
}
