/** The workup state this process last wrote under a key, with the eTag storage gave that write. */
interface RecentWorkup {
  eTag: string;
  workup: unknown;
}

/**
 * The last state this process wrote per workup, least recently used dropped first. It is only
 * ever used when storage still holds that very write (same eTag): another instance's write, a
 * deletion or the retention sweep all change or remove the eTag, and then storage's copy is used.
 */
export class RecentWorkups {
  private readonly entries = new Map<string, RecentWorkup>();

  constructor(private readonly capacity: number) {}

  /** The state to run the turn on: ours if storage still holds our write, otherwise storage's own copy. */
  current(key: string, stored: { eTag?: string; workup?: unknown }): unknown {
    const recent = this.entries.get(key);
    if (recent === undefined || stored.eTag === undefined || recent.eTag !== stored.eTag)
      return stored.workup;
    this.entries.delete(key);
    this.entries.set(key, recent);
    return recent.workup;
  }

  remember(key: string, eTag: string | undefined, workup: unknown): void {
    this.entries.delete(key);
    if (eTag === undefined) return;
    this.entries.set(key, { eTag, workup });
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
