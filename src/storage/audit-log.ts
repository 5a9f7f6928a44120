import type { SlicedDeleteOptions } from './sliced-delete';
import type { AuditEntry, AuditPeriod, AuditRow } from './audit-entry';
import type { AuditSummary } from './audit-summary';

/** Read access to the audit trail, all that the export command needs (no salt required). */
export interface AuditReader {
  /** Rows in the period, ordered by time. */
  query(period?: AuditPeriod): Promise<AuditRow[]>;
  summary(period?: AuditPeriod): Promise<AuditSummary>;
  close(): Promise<void>;
}

/** The append-only audit trail the bot writes: it passes raw ids, the log hashes them. */
export interface AuditLog extends AuditReader {
  /** Rejects, naming the field, if the entry carries anything but tokens (no free text). */
  record(entry: AuditEntry): Promise<void>;
  /** "Forget me": deletes every row of this user in this channel; resolves to how many. */
  forgetUser(channelId: string, userId: string): Promise<number>;
  /** Retention: deletes rows recorded before `cutoff`; resolves to how many. */
  deleteBefore(cutoff: Date, options?: SlicedDeleteOptions): Promise<number>;
  ping(): Promise<void>;
}
