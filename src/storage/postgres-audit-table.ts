import type { Pool } from 'pg';
import type { Origin, Pattern } from '../clinical';
import type { AuditPeriod, AuditRecord, AuditRow } from './audit-entry';
import type { AuditTable } from './audit-table';
import { createPool, migrate, quotedSchema, type PostgresConnectionOptions } from './postgres-connection';
import { deleteInSlices, type SlicedDeleteOptions } from './sliced-delete';

interface StoredAuditRow {
  id: string;
  at: Date;
  channel_id: string;
  conversation_hash: string;
  user_hash: string;
  step: string;
  event: string;
  rule_ids: string[];
  content_version: string;
  red_flags: string[];
  pattern: Pattern | null;
  origin: Origin | null;
  urgent: boolean | null;
}

function toRow(stored: StoredAuditRow): AuditRow {
  return {
    // bigserial arrives as a string; audit tables will not pass 2^53 rows.
    id: Number(stored.id),
    at: stored.at,
    channelId: stored.channel_id,
    conversationHash: stored.conversation_hash,
    userHash: stored.user_hash,
    step: stored.step,
    event: stored.event,
    ruleIds: stored.rule_ids,
    contentVersion: stored.content_version,
    redFlags: stored.red_flags,
    pattern: stored.pattern,
    origin: stored.origin,
    urgent: stored.urgent,
  };
}

/** The audit table in PostgreSQL, shared by every bot instance (needs PostgreSQL 14 or later). */
export class PostgresAuditTable implements AuditTable {
  private closed = false;
  private vacuuming: Promise<void> = Promise.resolve();
  private vacuumPending = false;

  private constructor(
    private readonly pool: Pool,
    private readonly table: string,
    private readonly onError: ((error: Error) => void) | undefined,
  ) {}

  /** Connects and creates the schema, table and append-only trigger if they do not exist yet. */
  static async open(options: PostgresConnectionOptions): Promise<PostgresAuditTable> {
    const schema = quotedSchema(options.schema);
    const table = `${schema}.audit_entries`;
    const refuseUpdate = `${schema}.audit_entries_refuse_update`;
    const pool = createPool(options);
    try {
      await migrate(pool, schema, [
        `CREATE TABLE IF NOT EXISTS ${table} (
           id bigserial PRIMARY KEY,
           at timestamptz NOT NULL,
           channel_id text NOT NULL,
           conversation_hash text NOT NULL,
           user_hash text NOT NULL,
           step text NOT NULL,
           event text NOT NULL,
           rule_ids text[] NOT NULL,
           content_version text NOT NULL,
           red_flags text[] NOT NULL,
           pattern text,
           origin text,
           urgent boolean
         )`,
        `CREATE INDEX IF NOT EXISTS audit_entries_at ON ${table} (at)`,
        `CREATE INDEX IF NOT EXISTS audit_entries_user_hash ON ${table} (user_hash)`,
        `CREATE OR REPLACE FUNCTION ${refuseUpdate}() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN
           RAISE EXCEPTION 'audit entries are append-only';
         END
         $$`,
        `CREATE OR REPLACE TRIGGER audit_entries_append_only BEFORE UPDATE ON ${table}
         FOR EACH ROW EXECUTE FUNCTION ${refuseUpdate}()`,
      ]);
    } catch (error) {
      await pool.end();
      throw error;
    }
    return new PostgresAuditTable(pool, table, options.onConnectionError);
  }

  async append(record: AuditRecord): Promise<void> {
    await this.pool.query(
      `INSERT INTO ${this.table} (at, channel_id, conversation_hash, user_hash, step, event, rule_ids,
         content_version, red_flags, pattern, origin, urgent)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [
        record.at,
        record.channelId,
        record.conversationHash,
        record.userHash,
        record.step,
        record.event,
        record.ruleIds,
        record.contentVersion,
        record.redFlags,
        record.pattern,
        record.origin,
        record.urgent,
      ],
    );
  }

  async query(period: AuditPeriod): Promise<AuditRow[]> {
    const { rows } = await this.pool.query<StoredAuditRow>(
      `SELECT * FROM ${this.table}
       WHERE ($1::timestamptz IS NULL OR at >= $1) AND ($2::timestamptz IS NULL OR at < $2)
       ORDER BY at, id`,
      [period.from ?? null, period.to ?? null],
    );
    return rows.map(toRow);
  }

  /**
   * "Forget me". Audit rows hold no lab value, only hashes and tokens, and the table grows with
   * every turn: rewriting it as the workups are (VACUUM FULL, about 1.5 s for 200,000 rows,
   * measured) would stall every turn's audit write that long. A plain VACUUM takes no lock that
   * blocks writes and removes the rows from the indexes; their bytes stay in free space until
   * reused. It scans every index, 105 ms at 10^7 rows (measured), so it runs after the forgetting
   * instead of inside it: the rows are deleted and committed when this resolves.
   */
  async deleteByUserHash(userHash: string): Promise<number> {
    const result = await this.pool.query(`DELETE FROM ${this.table} WHERE user_hash = $1`, [userHash]);
    const deleted = result.rowCount ?? 0;
    if (deleted > 0) this.vacuumSoon();
    return deleted;
  }

  /** One VACUUM at a time; forgettings that arrive while one runs share the next. */
  private vacuumSoon(): void {
    if (this.vacuumPending) return;
    this.vacuumPending = true;
    this.vacuuming = this.vacuuming.then(async () => {
      this.vacuumPending = false;
      // Autovacuum does the same later if this fails; the failure is only reported.
      await this.pool.query(`VACUUM ${this.table}`).catch((error: Error) => this.onError?.(error));
    });
  }

  /** Retention in slices, so no single statement holds row locks and a connection for long. */
  deleteBefore(cutoff: Date, options?: SlicedDeleteOptions): Promise<number> {
    return deleteInSlices(async (limit) => {
      const result = await this.pool.query(
        `DELETE FROM ${this.table} WHERE id IN (SELECT id FROM ${this.table} WHERE at < $1 LIMIT $2)`,
        [cutoff, limit],
      );
      return result.rowCount ?? 0;
    }, options);
  }

  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  /** Waits for a VACUUM after a forgetting, then releases the pool. */
  async close(): Promise<void> {
    if (!this.closed) {
      this.closed = true;
      await this.vacuuming;
      await this.pool.end();
    }
  }
}
