import Database from 'better-sqlite3';
import { Client } from 'pg';
import {
  DEFAULT_POSTGRES_LIMITS,
  PostgresAuditTable,
  PostgresStorage,
  SqliteAuditTable,
  SqliteStorage,
} from '../src/storage';
import { KEY_PARTITION_SQL } from '../src/storage/key-partition';

/** How large a store the scale run builds, and how much of it is past retention. */
export interface StoreSize {
  workups: number;
  /** Of `workups`, how many were last written before the retention cut-off. */
  expiredWorkups: number;
  auditRows: number;
}

export interface FillerTemplate {
  /** A workup record exactly as the bot stored it (JSON), copied into every filler row. */
  workupJson: string;
  now: Date;
  retentionDays: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Filler rows are other clinicians' data in the storage's own format: keys as `workupKey` builds
 * them, a real stored record, last-written times spread over the retention window (the expired
 * ones 10 days past it), audit rows of about 50 per user over 90 days.
 */
function fillerTimes(template: FillerTemplate) {
  const now = template.now.getTime();
  return {
    expiredAt: now - (template.retentionDays + 10) * DAY_MS,
    freshFrom: now - (template.retentionDays - 2) * DAY_MS,
    freshSpan: (template.retentionDays - 3) * DAY_MS,
    auditFrom: now - 90 * DAY_MS,
    auditSpan: 89 * DAY_MS,
  };
}

/**
 * Adds the filler to an SQLite store the product has created (its tables exist). The indexes are
 * dropped, the rows go in with one INSERT ... SELECT each in one transaction, and the product's
 * own schema statements then build the indexes again, sorted, which is far faster than inserting
 * into them row by row.
 */
export async function fillSqliteStore(
  filePath: string,
  size: StoreSize,
  template: FillerTemplate,
): Promise<void> {
  const t = fillerTimes(template);
  const db = new Database(filePath);
  // A rollback journal for the build: in WAL mode every new page would be written twice (WAL, then
  // the checkpoint). The product's own open below puts the file back in WAL mode.
  db.pragma('journal_mode = DELETE');
  db.pragma('synchronous = OFF');
  db.exec(`DROP INDEX IF EXISTS workup_items_written_at;
           DROP INDEX IF EXISTS audit_entries_at;
           DROP INDEX IF EXISTS audit_entries_user_hash;`);
  const users = Math.max(1, Math.ceil(size.auditRows / 50));
  db.transaction(() => {
    db.prepare(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < @workups)
       INSERT INTO workup_items (key, etag, data, written_at)
       SELECT 'workup/msteams/scale-user-' || i || '/scale-conversation-' || i, lower(hex(randomblob(16))), @data,
              CASE WHEN i <= @expired THEN @expiredAt ELSE @freshFrom + abs(random() % @freshSpan) END
       FROM n ORDER BY 1`,
    ).run({
      workups: size.workups,
      expired: size.expiredWorkups,
      data: template.workupJson,
      expiredAt: t.expiredAt,
      freshFrom: t.freshFrom,
      freshSpan: t.freshSpan,
    });
    db.prepare(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < @rows)
       INSERT INTO audit_entries (at, channel_id, conversation_hash, user_hash, step, event, rule_ids,
         content_version, red_flags, pattern, origin, urgent)
       SELECT @from + (i * @span / @rows), 'msteams', printf('%064x', i / 10), printf('%064x', i % @users),
              'origin', 'answer-text', '[]', '1.1.0', '[]', NULL, NULL, NULL
       FROM n`,
    ).run({ rows: size.auditRows, from: t.auditFrom, span: t.auditSpan, users });
  })();
  db.close();
  // The product's own CREATE INDEX IF NOT EXISTS statements rebuild what was dropped.
  await new SqliteStorage({ filePath }).close();
  await new SqliteAuditTable(filePath).close();
  const analysed = new Database(filePath);
  analysed.exec('ANALYZE');
  analysed.close();
}

/**
 * The same filler in PostgreSQL, with generate_series, in the schema the product created (each
 * row placed in its user's partition, as keyPartition computes it).
 */
export async function fillPostgresStore(
  connectionString: string,
  size: StoreSize,
  template: FillerTemplate,
): Promise<void> {
  const t = fillerTimes(template);
  const users = Math.max(1, Math.ceil(size.auditRows / 50));
  const client = new Client({ connectionString });
  await client.connect();
  try {
    await client.query(`DROP INDEX IF EXISTS workup_items_written_at, workup_items_key_bytes,
                          audit_entries_at, audit_entries_user_hash`);
    await client.query('BEGIN');
    await client.query(
      `INSERT INTO workup_items (partition, key, etag, data, written_at)
       SELECT ${KEY_PARTITION_SQL}, key, md5(random()::text), $1,
              to_timestamp((CASE WHEN i <= $3 THEN $4::float8 ELSE $5 + floor(random() * $6) END) / 1000)
       FROM (SELECT i, 'workup/msteams/scale-user-' || i || '/scale-conversation-' || i AS key
             FROM generate_series(1, $2::int) AS i) AS filler ORDER BY 2`,
      [template.workupJson, size.workups, size.expiredWorkups, t.expiredAt, t.freshFrom, t.freshSpan],
    );
    await client.query(
      `INSERT INTO audit_entries (at, channel_id, conversation_hash, user_hash, step, event, rule_ids,
         content_version, red_flags, pattern, origin, urgent)
       SELECT to_timestamp(($2::float8 + i::float8 * $3 / $1) / 1000), 'msteams',
              lpad(to_hex(i / 10), 64, '0'), lpad(to_hex(i % $4), 64, '0'),
              'origin', 'answer-text', '{}', '1.1.0', '{}', NULL, NULL, NULL
       FROM generate_series(1, $1::int) AS i`,
      [size.auditRows, t.auditFrom, t.auditSpan, users],
    );
    await client.query('COMMIT');
  } finally {
    await client.end();
  }
  // The product's own schema statements rebuild the dropped indexes: over 10^7 audit rows, longer
  // than the turn-sized statement_timeout on a busy machine.
  const limits = { ...DEFAULT_POSTGRES_LIMITS, statementTimeoutMs: 30 * 60 * 1000 };
  await (await PostgresStorage.open({ connectionString, limits })).close();
  await (await PostgresAuditTable.open({ connectionString, limits })).close();
  const vacuum = new Client({ connectionString });
  await vacuum.connect();
  try {
    // What autovacuum would have done to a table that grew over months: visibility map and statistics.
    await vacuum.query('VACUUM ANALYZE workup_items');
    await vacuum.query('VACUUM ANALYZE audit_entries');
  } finally {
    await vacuum.end();
  }
}

/** A database of its own on the test server for one scale run, and a function dropping it. */
export async function createScratchDatabase(
  adminUrl: string,
  name: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const admin = async (sql: string) => {
    const client = new Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`DROP DATABASE IF EXISTS ${name}`);
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
