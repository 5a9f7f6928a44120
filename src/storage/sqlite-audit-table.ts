import type { Statement } from 'better-sqlite3';
import type { Origin, Pattern } from '../clinical';
import type { AuditPeriod, AuditRecord, AuditRow } from './audit-entry';
import type { AuditTable } from './audit-table';
import { checkpointAndTruncateWal, type SqliteDatabase } from './sqlite-connection';
import type { SqliteGroupCommit } from './sqlite-group-commit';
import { SqliteSharedFile } from './sqlite-shared-file';
import { deleteInSlices, type SlicedDeleteOptions } from './sliced-delete';

interface StoredAuditRow {
  id: number;
  at: number;
  channel_id: string;
  conversation_hash: string;
  user_hash: string;
  step: string;
  event: string;
  rule_ids: string;
  content_version: string;
  red_flags: string;
  pattern: Pattern | null;
  origin: Origin | null;
  urgent: number | null;
}

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS audit_entries (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at INTEGER NOT NULL,
    channel_id TEXT NOT NULL,
    conversation_hash TEXT NOT NULL,
    user_hash TEXT NOT NULL,
    step TEXT NOT NULL,
    event TEXT NOT NULL,
    rule_ids TEXT NOT NULL,
    content_version TEXT NOT NULL,
    red_flags TEXT NOT NULL,
    pattern TEXT,
    origin TEXT,
    urgent INTEGER
  );
  CREATE INDEX IF NOT EXISTS audit_entries_at ON audit_entries (at);
  CREATE INDEX IF NOT EXISTS audit_entries_user_hash ON audit_entries (user_hash);
  CREATE TRIGGER IF NOT EXISTS audit_entries_append_only BEFORE UPDATE ON audit_entries
  BEGIN
    SELECT RAISE(ABORT, 'audit entries are append-only');
  END;
`;

function toRow(stored: StoredAuditRow): AuditRow {
  return {
    id: stored.id,
    at: new Date(stored.at),
    channelId: stored.channel_id,
    conversationHash: stored.conversation_hash,
    userHash: stored.user_hash,
    step: stored.step,
    event: stored.event,
    ruleIds: JSON.parse(stored.rule_ids) as string[],
    contentVersion: stored.content_version,
    redFlags: JSON.parse(stored.red_flags) as string[],
    pattern: stored.pattern,
    origin: stored.origin,
    urgent: stored.urgent === null ? null : stored.urgent === 1,
  };
}

/**
 * The audit table in the SQLite file next to the workups: on its own connection when given a path,
 * or on the workup store's when given their shared file.
 */
export class SqliteAuditTable implements AuditTable {
  private readonly db: SqliteDatabase;
  private readonly insert: Statement;
  private readonly select: Statement<{ from: number | null; to: number | null }, StoredAuditRow>;
  private readonly deleteUser: Statement<[string]>;
  private readonly deleteOlderSlice: Statement<[number, number]>;
  private readonly commits: SqliteGroupCommit;
  private readonly file: SqliteSharedFile;
  private closed = false;

  constructor(filePath: string | SqliteSharedFile) {
    this.file = typeof filePath === 'string' ? new SqliteSharedFile(filePath) : filePath;
    const { db, commits } = this.file.hold();
    this.db = db;
    this.commits = commits;
    this.db.exec(SCHEMA);
    this.insert = this.db.prepare(
      `INSERT INTO audit_entries (at, channel_id, conversation_hash, user_hash, step, event, rule_ids,
           content_version, red_flags, pattern, origin, urgent)
         VALUES (@at, @channelId, @conversationHash, @userHash, @step, @event, @ruleIds,
           @contentVersion, @redFlags, @pattern, @origin, @urgent)`,
    );
    this.select = this.db.prepare(
      `SELECT * FROM audit_entries
         WHERE (@from IS NULL OR at >= @from) AND (@to IS NULL OR at < @to)
         ORDER BY at, id`,
    );
    this.deleteUser = this.db.prepare('DELETE FROM audit_entries WHERE user_hash = ?');
    this.deleteOlderSlice = this.db.prepare(
      'DELETE FROM audit_entries WHERE id IN (SELECT id FROM audit_entries WHERE at < ? LIMIT ?)',
    );
  }

  async append(record: AuditRecord): Promise<void> {
    const row = {
      ...record,
      at: record.at.getTime(),
      ruleIds: JSON.stringify(record.ruleIds),
      redFlags: JSON.stringify(record.redFlags),
      urgent: record.urgent === null ? null : Number(record.urgent),
    };
    await this.commits.run(() => this.insert.run(row));
  }

  async query(period: AuditPeriod): Promise<AuditRow[]> {
    this.commits.flush();
    const rows = this.select.all({ from: period.from?.getTime() ?? null, to: period.to?.getTime() ?? null });
    return rows.map(toRow);
  }

  /** "Forget me": the rows go, and with them every copy in the WAL (see `checkpointAndTruncateWal`). */
  async deleteByUserHash(userHash: string): Promise<number> {
    this.commits.flush();
    const deleted = this.deleteUser.run(userHash).changes;
    if (deleted > 0) checkpointAndTruncateWal(this.db);
    return deleted;
  }

  /** Retention, in slices that each hold the event loop for a few milliseconds (see `deleteInSlices`). */
  async deleteBefore(cutoff: Date, options?: SlicedDeleteOptions): Promise<number> {
    const at = cutoff.getTime();
    const deleted = await deleteInSlices((limit) => {
      this.commits.flush();
      return this.deleteOlderSlice.run(at, limit).changes;
    }, options);
    if (deleted > 0 && this.db.open) checkpointAndTruncateWal(this.db);
    return deleted;
  }

  async ping(): Promise<void> {
    this.db.prepare('SELECT 1').get();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.commits.flush();
    this.file.release();
  }
}
