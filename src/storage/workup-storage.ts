import type { Storage, StoreItem } from 'botbuilder';
import type { SlicedDeleteOptions } from './sliced-delete';

/**
 * botbuilder's `Storage` with real eTag concurrency plus what the bot needs around it:
 * "forget me" (delete by key prefix), retention, readiness and shutdown.
 *
 * eTag semantics shared by every implementation:
 * - an item written without `eTag` or with `eTag: '*'` overwrites whatever is stored;
 * - an item written with any other `eTag` succeeds only if it equals the stored one; otherwise the
 *   whole `write` fails with an error for which `isETagConflict(err)` is true and nothing is written;
 * - an eTag write for an item that no longer exists is a conflict too, so a turn in flight cannot
 *   resurrect a workup that "forget me" or retention has just deleted;
 * - after a successful write every written object carries its new `eTag`, so a second write in the
 *   same turn passes the check.
 */
/** What `readChanged` answers when storage still holds the very write the caller holds. */
export const UNCHANGED: unique symbol = Symbol('unchanged');

export interface WorkupStorage extends Storage {
  /**
   * The item under `key`, unless storage still holds the write whose eTag is `heldETag`: then
   * `UNCHANGED`, and its JSON is neither sent nor decoded, since the caller holds what it wrote.
   * Another instance's write, a deletion or the sweep change or remove the eTag, and then the item
   * (or `undefined` when there is none) is returned as `read` would.
   */
  readChanged(key: string, heldETag: string): Promise<StoreItem | typeof UNCHANGED | undefined>;
  /** Deletes every item whose key starts with `prefix` (case-sensitive); resolves to how many. */
  deleteByPrefix(prefix: string): Promise<number>;
  /**
   * Retention: deletes every item last written before `olderThan`; resolves to how many. The
   * database implementations delete in slices and let the event loop run between them, so turns
   * keep being answered during a large sweep.
   */
  sweep(olderThan: Date, options?: SlicedDeleteOptions): Promise<number>;
  /** Resolves when the backing store commits a write (a heartbeat row): the readiness probe. */
  ping(): Promise<void>;
  /** Releases the connection; safe to call more than once. */
  close(): Promise<void>;
}
