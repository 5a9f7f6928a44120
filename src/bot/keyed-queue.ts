/**
 * Serialises asynchronous work per key inside this process, so two turns for the same workup
 * never interleave their read-modify-write. Different keys run concurrently. Across processes
 * the storage eTag is the guard; this queue only removes the avoidable conflicts.
 */
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<void>>();

  run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(work);
    // The tail never rejects: one failed turn must not poison the turns queued behind it.
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  /** Keys with work queued or running; an idle queue holds no memory. */
  get pendingKeys(): number {
    return this.tails.size;
  }
}
