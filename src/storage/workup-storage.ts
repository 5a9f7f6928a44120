import type { Storage } from 'botbuilder';
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
export interface WorkupStorage extends Storage {
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
