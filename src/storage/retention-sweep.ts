import type { AuditLog } from './audit-log';
import type { WorkupStorage } from './workup-storage';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface RetentionSweepOptions {
  /** Workups not written for this many days are deleted (RETENTION_DAYS, default 30). */
  retentionDays: number;
  /**
   * Audit rows older than this many days are deleted. Left out, the audit trail is kept: how long
   * governance records are held is a decision for the deployment, not a default to guess.
   */
  auditRetentionDays?: number;
  intervalMs: number;
  now: () => Date;
  onError: (error: unknown) => void;
  onSweep?: (result: RetentionSweepResult) => void;
}

export interface RetentionSweepResult {
  workupsDeleted: number;
  auditRowsDeleted: number;
}

function daysBefore(now: Date, days: number): Date {
  return new Date(now.getTime() - days * DAY_MS);
}

function assertPositive(name: string, value: number | undefined): void {
  if (value !== undefined && !(Number.isFinite(value) && value > 0)) {
    throw new RangeError(`Retention sweep: ${name} must be a positive number, got ${value}.`);
  }
}

/**
 * Sweeps once now (a server that was down for weeks catches up at start) and then every
 * `intervalMs`; start it once the server listens, as the sweep runs beside the turns in slices.
 * Returns a stop function that ends a sweep in progress at its next slice and resolves once it
 * has, so the caller can close the storage after it.
 */
export function startRetentionSweep(
  storage: WorkupStorage,
  audit: AuditLog,
  options: RetentionSweepOptions,
): () => Promise<void> {
  assertPositive('retentionDays', options.retentionDays);
  assertPositive('auditRetentionDays', options.auditRetentionDays);
  assertPositive('intervalMs', options.intervalMs);

  let inFlight: Promise<void> | undefined;
  let stopped = false;
  // A stop ends a large sweep at its next slice instead of waiting for all of it.
  const stopping = new AbortController();
  const slices = { signal: stopping.signal };

  const sweepOnce = async (): Promise<void> => {
    const now = options.now();
    const workupsDeleted = await storage.sweep(daysBefore(now, options.retentionDays), slices);
    const auditRowsDeleted =
      options.auditRetentionDays === undefined
        ? 0
        : await audit.deleteBefore(daysBefore(now, options.auditRetentionDays), slices);
    options.onSweep?.({ workupsDeleted, auditRowsDeleted });
  };

  const tick = (): void => {
    // A slow sweep (large table, busy database) must not overlap the next one.
    if (stopped || inFlight) {
      return;
    }
    inFlight = sweepOnce()
      .catch(options.onError)
      .finally(() => {
        inFlight = undefined;
      });
  };

  const timer = setInterval(tick, options.intervalMs);
  // The sweep alone must not keep a stopping process alive.
  timer.unref();
  tick();

  return async () => {
    stopped = true;
    stopping.abort();
    clearInterval(timer);
    await inFlight;
  };
}
