/** What `runTurn` handed back to keep (opaque) for the workup this process last wrote under a key, with that write's eTag. */
interface RecentWorkup {
  eTag: string;
  kept: unknown;
}

/**
 * The `kept` value of the last turn this process wrote per workup, least recently used dropped
 * first. It is only ever used when storage still holds that very write (same eTag): another
 * instance's write, a deletion or the retention sweep all change or remove the eTag, and then
 * storage's copy is used. What the value is stays the conversation's business.
 */
export class RecentWorkups {
  private readonly entries = new Map<string, RecentWorkup>();

  constructor(private readonly capacity: number) {}

  /** What to run the turn on: our kept value if storage still holds our write, otherwise storage's own copy. */
  current(key: string, stored: { eTag?: string; conversation?: unknown }): unknown {
    const recent = this.entries.get(key);
    if (recent === undefined || stored.eTag === undefined || recent.eTag !== stored.eTag)
      return stored.conversation;
    this.entries.delete(key);
    this.entries.set(key, recent);
    return recent.kept;
  }

  remember(key: string, eTag: string | undefined, kept: unknown): void {
    this.entries.delete(key);
    if (eTag === undefined || kept === undefined) return;
    this.entries.set(key, { eTag, kept });
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
