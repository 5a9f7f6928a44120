import { performance } from 'node:perf_hooks';

/** What one slice of a large delete may take before the event loop gets its turn again. */
export const SLICE_TARGET_MS = 10;
const MIN_SLICE_ROWS = 20;
const MAX_SLICE_ROWS = 5000;
const FIRST_SLICE_ROWS = 200;

/** Removes at most `limit` rows and says how many it removed. */
export type DeleteSlice = (limit: number) => number | Promise<number>;

export interface SlicedDeleteOptions {
  /** Rows in the first slice; later slices grow or shrink to take about `SLICE_TARGET_MS` each. */
  firstSliceRows?: number;
  /** Called between slices (tests count them); the event loop has run by then. */
  onSlice?: (deleted: number) => void;
  /** Stops before the next slice (a stopping server); the rows left go at the next sweep. */
  signal?: AbortSignal;
}

/** Lets every pending I/O callback (incoming turns, their commits) run before the next slice. */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * A retention sweep over a large table, as slices that each hold the event loop for about
 * `SLICE_TARGET_MS` (better-sqlite3 runs a statement synchronously, so one DELETE of 100,000 rows
 * would stall every turn for the whole statement). The slice size adapts to how long the last one
 * took, so large rows or a slow disk shrink it instead of stalling. Resolves to the rows removed.
 */
export async function deleteInSlices(
  deleteSlice: DeleteSlice,
  options: SlicedDeleteOptions = {},
): Promise<number> {
  let limit = options.firstSliceRows ?? FIRST_SLICE_ROWS;
  let total = 0;
  for (;;) {
    const startedAt = performance.now();
    const deleted = await deleteSlice(limit);
    const tookMs = performance.now() - startedAt;
    total += deleted;
    if (deleted < limit) return total;
    options.onSlice?.(deleted);
    await yieldToEventLoop();
    if (options.signal?.aborted === true) return total;
    const scaled = Math.round((limit * SLICE_TARGET_MS) / Math.max(tookMs, 0.1));
    // At most double per slice: one fast slice (a warm cache) must not make the next one huge.
    limit = Math.min(MAX_SLICE_ROWS, Math.max(MIN_SLICE_ROWS, Math.min(scaled, limit * 2)));
  }
}
