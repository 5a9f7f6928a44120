import type { SlicedDeleteOptions } from './sliced-delete';
import type { AuditPeriod, AuditRecord, AuditRow } from './audit-entry';

/**
 * Where audit records live. It only ever sees hashed ids. Append-only: there is no update, and
 * rows leave only through "forget me" (by user hash) and retention (by age).
 */
export interface AuditTable {
  append(record: AuditRecord): Promise<void>;
  /** Ordered by time, then insertion. */
  query(period: AuditPeriod): Promise<AuditRow[]>;
  deleteByUserHash(userHash: string): Promise<number>;
  /** Retention; the database tables delete in slices (see `deleteInSlices`). */
  deleteBefore(cutoff: Date, options?: SlicedDeleteOptions): Promise<number>;
  ping(): Promise<void>;
  /** Safe to call more than once. */
  close(): Promise<void>;
}
