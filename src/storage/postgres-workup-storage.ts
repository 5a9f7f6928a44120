import type { StoreItem, StoreItems } from 'botbuilder';
import type { Pool, PoolClient, QueryConfig } from 'pg';
import { ETagConflictError } from './etag-conflict';
import {
  createPool,
  inTransaction,
  migrate,
  quotedSchema,
  type PostgresConnectionOptions,
} from './postgres-connection';
import {
  KEY_PARTITION_SQL,
  WORKUP_PARTITIONS,
  keyPartition,
  ownerPartition,
  prefixOwner,
} from './key-partition';
import { prefixUpperBound } from './key-prefix-range';
import { deleteInSlices, type SlicedDeleteOptions } from './sliced-delete';
import { assertKeys, decodeItem, encodeChanges, newETag } from './store-item-codec';
import { UNCHANGED, type WorkupStorage } from './workup-storage';

export interface PostgresStorageOptions extends PostgresConnectionOptions {
  /** Clock for the "last written" time that retention uses. */
  now?: () => Date;
}

/** Where a write's statements run: the pool itself, or one connection inside a transaction. */
type Queryable = Pool | PoolClient;

interface StoredRow {
  key: string;
  etag: string;
  data: string;
}

function partitionTable(schema: string, partition: number): string {
  return `${schema}.workup_items_p${String(partition).padStart(3, '0')}`;
}

/**
 * How long "forget me" waits for older snapshots before rewriting (see untilNoSnapshotSees): a
 * turn's transactions last milliseconds; a session that stays in a transaction longer keeps the
 * forgotten rows' bytes until the partition is rewritten again.
 */
const SNAPSHOT_WAIT_MS = 5_000;
const SNAPSHOT_POLL_MS = 10;

/** How long the client waits for one statement of a move to the partitioned layout. */
const MIGRATION_STATEMENT_TIMEOUT_MS = 60 * 60 * 1000;

/** A statement of the migration, which may run far past the turn-sized statement_timeout. */
async function longStatement(client: PoolClient, text: string): Promise<void> {
  // pg reads query_timeout from a query's config, though its types do not declare it.
  const query: QueryConfig & { query_timeout: number } = {
    text,
    query_timeout: MIGRATION_STATEMENT_TIMEOUT_MS,
  };
  await client.query(query);
}

/**
 * Creates the partitioned workup table, or moves a plain one (the layout before partitions) into
 * it. The move copies every row in one statement, which at 10^6 workups takes tens of seconds:
 * the turn-sized statement_timeout would cut it, so this one transaction allows an hour.
 */
async function createOrMigrateWorkupTable(client: PoolClient, schema: string): Promise<void> {
  const table = `${schema}.workup_items`;
  const { rows } = await client.query<{ kind: string }>(
    'SELECT relkind AS kind FROM pg_class WHERE oid = to_regclass($1)',
    [table],
  );
  const kind = rows[0]?.kind;
  if (kind !== 'p') await createPartitionedTable(client, schema, kind !== undefined);
  // Built after the rows are in (when moving them), which is far faster than row by row.
  await longStatement(client, `CREATE INDEX IF NOT EXISTS workup_items_written_at ON ${table} (written_at)`);
  // "Forget me" is a range on the key in byte order (see prefixUpperBound); the primary key's
  // index follows the database's collation, whose order is not byte order, so it cannot serve it.
  await longStatement(
    client,
    `CREATE INDEX IF NOT EXISTS workup_items_key_bytes ON ${table} (key COLLATE "C")`,
  );
}

async function createPartitionedTable(
  client: PoolClient,
  schema: string,
  movingOldTable: boolean,
): Promise<void> {
  const table = `${schema}.workup_items`;
  const old = `${schema}.workup_items_unpartitioned`;
  if (movingOldTable) {
    await client.query(`ALTER TABLE ${table} RENAME TO workup_items_unpartitioned`);
    await client.query(
      `ALTER TABLE ${old} RENAME CONSTRAINT workup_items_pkey TO workup_items_unpartitioned_pkey`,
    );
    await client.query(
      `DROP INDEX IF EXISTS ${schema}.workup_items_written_at, ${schema}.workup_items_key_bytes`,
    );
  }
  // data is text, not jsonb: jsonb rejects \u0000 in strings and would reorder keys. The partition
  // is in the primary key because PostgreSQL requires the partition key in every unique index.
  await client.query(
    `CREATE TABLE ${table} (
       partition smallint NOT NULL,
       key text NOT NULL,
       etag text NOT NULL,
       data text NOT NULL,
       written_at timestamptz NOT NULL,
       PRIMARY KEY (key, partition)
     ) PARTITION BY LIST (partition)`,
  );
  for (let partition = 0; partition < WORKUP_PARTITIONS; partition += 1) {
    await client.query(
      `CREATE TABLE ${partitionTable(schema, partition)} PARTITION OF ${table} FOR VALUES IN (${partition})`,
    );
  }
  if (movingOldTable) {
    await client.query(`SET LOCAL statement_timeout = ${MIGRATION_STATEMENT_TIMEOUT_MS}`);
    await longStatement(
      client,
      `INSERT INTO ${table} (partition, key, etag, data, written_at)
       SELECT ${KEY_PARTITION_SQL}, key, etag, data, written_at FROM ${old}`,
    );
    await client.query(`DROP TABLE ${old}`);
  }
}

/**
 * `WorkupStorage` in PostgreSQL, safe for several bot instances on one database: the eTag check
 * and the update are one conditional UPDATE, which PostgreSQL serialises per row.
 *
 * The workups are partitioned by their owner, the user (see key-partition.ts), so "forget me"
 * rewrites one small partition instead of the whole table; every statement about known keys names
 * their partition table itself.
 */
export class PostgresStorage implements WorkupStorage {
  private closed = false;

  private constructor(
    private readonly pool: Pool,
    private readonly schema: string,
    private readonly heartbeatTable: string,
    private readonly now: () => Date,
  ) {}

  /**
   * Connects and creates the schema and tables if they do not exist yet. A store made before the
   * workups were partitioned (one plain `workup_items`) is moved into the partitioned layout in the
   * same transaction: every row is copied with its eTag, and the old table's files are dropped.
   */
  static async open(options: PostgresStorageOptions): Promise<PostgresStorage> {
    const schema = quotedSchema(options.schema);
    const heartbeatTable = `${schema}.storage_heartbeat`;
    const pool = createPool(options);
    try {
      await migrate(pool, schema, async (client) => {
        await createOrMigrateWorkupTable(client, schema);
        await client.query(
          `CREATE TABLE IF NOT EXISTS ${heartbeatTable} (
             id integer PRIMARY KEY CHECK (id = 1),
             written_at timestamptz NOT NULL
           )`,
        );
      });
    } catch (error) {
      await pool.end();
      throw error;
    }
    return new PostgresStorage(pool, schema, heartbeatTable, options.now ?? (() => new Date()));
  }

  /** The keys grouped by the partition table holding them. */
  private byPartition(keys: string[]): Map<string, string[]> {
    const groups = new Map<string, string[]>();
    for (const key of keys) {
      const table = partitionTable(this.schema, keyPartition(key));
      groups.set(table, [...(groups.get(table) ?? []), key]);
    }
    return groups;
  }

  async read(keys: string[]): Promise<StoreItems> {
    assertKeys(keys);
    const found: StoreItems = {};
    for (const [table, tableKeys] of this.byPartition(keys)) {
      const { rows } = await this.pool.query<StoredRow>(
        `SELECT key, etag, data FROM ${table} WHERE key = ANY($1::text[])`,
        [tableKeys],
      );
      for (const row of rows) {
        found[row.key] = decodeItem(row.data, row.etag);
      }
    }
    return found;
  }

  async readChanged(key: string, heldETag: string): Promise<StoreItem | typeof UNCHANGED | undefined> {
    // The data only when the eTag differs: an unchanged row's text is not even sent.
    const { rows } = await this.pool.query<{ etag: string; data: string | null }>(
      `SELECT etag, CASE WHEN etag = $2 THEN NULL ELSE data END AS data
       FROM ${partitionTable(this.schema, keyPartition(key))} WHERE key = $1`,
      [key, heldETag],
    );
    const row = rows[0];
    if (row === undefined) return undefined;
    return row.data === null ? UNCHANGED : decodeItem(row.data, row.etag);
  }

  async write(changes: StoreItems): Promise<void> {
    const encoded = encodeChanges(changes);
    const writtenAt = this.now();
    // A single item needs no transaction: one conditional statement is atomic, and saves two round trips.
    const run = <T>(work: (client: Queryable) => Promise<T>): Promise<T> =>
      encoded.length === 1 ? work(this.pool) : inTransaction(this.pool, work);
    const eTags = await run(async (client) => {
      const written: string[] = [];
      for (const change of encoded) {
        const eTag = newETag();
        const partition = keyPartition(change.key);
        const table = partitionTable(this.schema, partition);
        if (change.expectedETag === undefined) {
          await client.query(
            `INSERT INTO ${table} (partition, key, etag, data, written_at) VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (key, partition) DO UPDATE
             SET etag = excluded.etag, data = excluded.data, written_at = excluded.written_at`,
            [partition, change.key, eTag, change.json, writtenAt],
          );
        } else {
          const updated = await client.query(
            `UPDATE ${table} SET etag = $2, data = $3, written_at = $4 WHERE key = $1 AND etag = $5`,
            [change.key, eTag, change.json, writtenAt, change.expectedETag],
          );
          if (updated.rowCount !== 1) {
            throw new ETagConflictError(change.key);
          }
        }
        written.push(eTag);
      }
      return written;
    });
    encoded.forEach((change, index) => {
      change.item.eTag = eTags[index];
    });
  }

  async delete(keys: string[]): Promise<void> {
    assertKeys(keys);
    for (const [table, tableKeys] of this.byPartition(keys)) {
      await this.pool.query(`DELETE FROM ${table} WHERE key = ANY($1::text[])`, [tableKeys]);
    }
  }

  /**
   * "Forget me". A DELETE only marks rows dead, and a plain VACUUM leaves their bytes in the
   * pages' free space (measured), so each partition that held the user's rows is rewritten:
   * VACUUM FULL copies its live rows to new files and drops the old ones. A user's keys share one
   * owner and so one partition, 1/256 of the workups: about 30-40 ms at 10^6 workups (measured in
   * the README), where rewriting the whole table took 11.4 s under a lock every turn waited on.
   * The WAL keeps its copies until PostgreSQL reuses the segments.
   */
  async deleteByPrefix(prefix: string): Promise<number> {
    const upper = prefixUpperBound(prefix);
    const owner = prefixOwner(prefix);
    // A user's prefix names its partition; a shorter one goes through the parent, to every partition.
    const table =
      owner === undefined
        ? `${this.schema}.workup_items`
        : partitionTable(this.schema, ownerPartition(owner));
    // The range finds the rows through the key index; starts_with keeps the match exact.
    const result =
      upper === undefined
        ? await this.pool.query<{ partition: number }>(
            `DELETE FROM ${table} WHERE starts_with(key, $1) RETURNING partition`,
            [prefix],
          )
        : await this.pool.query<{ partition: number }>(
            `DELETE FROM ${table}
             WHERE key COLLATE "C" >= $1 AND key COLLATE "C" < $2 AND starts_with(key, $1)
             RETURNING partition`,
            [prefix, upper],
          );
    const partitions = new Set(result.rows.map((row) => row.partition));
    if (partitions.size > 0) await this.untilNoSnapshotSees();
    for (const partition of partitions) {
      await this.pool.query(`VACUUM FULL ${partitionTable(this.schema, partition)}`);
    }
    return result.rowCount ?? 0;
  }

  /**
   * VACUUM FULL copies a deleted row into the new files while any transaction that began before
   * the DELETE committed could still see it (measured: one REPEATABLE READ transaction left the
   * forgotten values in the rewritten partition). So it waits, up to SNAPSHOT_WAIT_MS, until no
   * other session of this database holds such a snapshot (a plain VACUUM's own is ignored by
   * PostgreSQL and here). Without the privilege to see other roles' sessions
   * (`pg_read_all_stats`), their snapshots are not seen and not waited for.
   */
  private async untilNoSnapshotSees(): Promise<void> {
    const deadline = Date.now() + SNAPSHOT_WAIT_MS;
    const { rows } = await this.pool.query<{ at: Date }>('SELECT clock_timestamp() AS at');
    for (;;) {
      const older = await this.pool.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity
         WHERE datname = current_database() AND pid <> pg_backend_pid()
           AND backend_xmin IS NOT NULL AND xact_start < $1
           AND NOT (backend_type = 'autovacuum worker' AND query LIKE 'autovacuum: VACUUM%' AND query NOT LIKE '%ANALYZE%')`,
        [rows[0]!.at],
      );
      if (older.rows[0]!.n === 0 || Date.now() >= deadline) return;
      await new Promise((resolve) => setTimeout(resolve, SNAPSHOT_POLL_MS));
    }
  }

  /**
   * Retention in slices, so no single statement holds row locks and a connection for long, one
   * partition after the other.
   */
  sweep(olderThan: Date, options?: SlicedDeleteOptions): Promise<number> {
    let partition = 0;
    return deleteInSlices(async (limit) => {
      let deleted = 0;
      while (partition < WORKUP_PARTITIONS) {
        const table = partitionTable(this.schema, partition);
        const result = await this.pool.query(
          `DELETE FROM ${table} WHERE key IN (SELECT key FROM ${table} WHERE written_at < $1 LIMIT $2)`,
          [olderThan, limit - deleted],
        );
        deleted += result.rowCount ?? 0;
        if (deleted >= limit) return deleted;
        partition += 1;
      }
      return deleted;
    }, options);
  }

  /**
   * A committed write of one heartbeat row: a read-only database (`default_transaction_read_only`,
   * a read-only role, a hot standby) or a full disk fails it, as it would a turn.
   */
  async ping(): Promise<void> {
    await this.pool.query(
      `INSERT INTO ${this.heartbeatTable} (id, written_at) VALUES (1, now())
       ON CONFLICT (id) DO UPDATE SET written_at = excluded.written_at`,
    );
  }

  async close(): Promise<void> {
    if (!this.closed) {
      this.closed = true;
      await this.pool.end();
    }
  }
}
