/** Items read on nearly every request (profiles, departments), kept per process for a short time. */
export class BriefCache<V> {
  private readonly entries = new Map<string, { value: V; until: number }>();

  constructor(
    private readonly keepMs: number,
    private readonly now: () => number,
  ) {}

  /** The value kept under `key`, unless it is older than the time it is kept for. */
  get(key: string): V | undefined {
    const hit = this.entries.get(key);
    return hit && hit.until > this.now() ? hit.value : undefined;
  }

  set(key: string, value: V): void {
    this.entries.set(key, { value, until: this.now() + this.keepMs });
  }

  delete(key: string): void {
    this.entries.delete(key);
  }
}
