/**
 * What this process last wrote under a key: the record as written, with that write's eTag, and what
 * `runTurn` handed back to keep (opaque) for it.
 */
interface RecentWorkup<Written> {
  eTag: string;
  written: Written;
  kept: unknown;
}

/**
 * The last record this process wrote per workup, with the turn's `kept` value, least recently
 * used dropped first. They are only ever used when storage still holds that very write (same
 * eTag): another instance's write, a deletion or the retention sweep all change or remove the
 * eTag, and then storage's copy is used. What `kept` is stays the conversation's business.
 */
export class RecentWorkups<Written> {
  private readonly entries = new Map<string, RecentWorkup<Written>>();

  constructor(private readonly capacity: number) {}

  /** The record this process last wrote under `key` and its eTag, for storage to confirm it still holds it. */
  written(key: string): { eTag: string; written: Written } | undefined {
    return this.entries.get(key);
  }

  /** What to run the turn on: our kept value if storage still holds our write, otherwise storage's own copy. */
  current(key: string, stored: { eTag?: string; conversation?: unknown }): unknown {
    const recent = this.entries.get(key);
    if (recent === undefined || stored.eTag === undefined || recent.eTag !== stored.eTag)
      return stored.conversation;
    this.entries.delete(key);
    this.entries.set(key, recent);
    return recent.kept;
  }

  remember(key: string, eTag: string | undefined, written: Written, kept: unknown): void {
    this.entries.delete(key);
    if (eTag === undefined || kept === undefined) return;
    this.entries.set(key, { eTag, written, kept });
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }

  forgetPrefix(prefix: string): void {
    for (const key of this.entries.keys()) if (key.startsWith(prefix)) this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}
