import type { StoreItems } from 'botbuilder';
import type { Pool, PoolClient } from 'pg';
import { ETagConflictError } from './etag-conflict';
import {
  createPool,
  inTransaction,
  migrate,
  quotedSchema,
  type PostgresConnectionOptions,
} from './postgres-connection';
import { prefixUpperBound } from './key-prefix-range';
import { deleteInSlices, type SlicedDeleteOptions } from './sliced-delete';
import { assertKeys, decodeItem, encodeChanges, newETag } from './store-item-codec';
import type { WorkupStorage } from './workup-storage';

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

/**
 * `WorkupStorage` in PostgreSQL, safe for several bot instances on one database: the eTag check
 * and the update are one conditional UPDATE, which PostgreSQL serialises per row.
 */
export class PostgresStorage implements WorkupStorage {
  private closed = false;

  private constructor(
    private readonly pool: Pool,
    private readonly table: string,
    private readonly heartbeatTable: string,
    private readonly now: () => Date,
  ) {}

  /** Connects and creates the schema and table if they do not exist yet. */
  static async open(options: PostgresStorageOptions): Promise<PostgresStorage> {
    const schema = quotedSchema(options.schema);
    const table = `${schema}.workup_items`;
    const heartbeatTable = `${schema}.storage_heartbeat`;
    const pool = createPool(options);
    try {
      // data is text, not jsonb: jsonb rejects \u0000 in strings and would reorder keys.
      await migrate(pool, schema, [
        `CREATE TABLE IF NOT EXISTS ${table} (
           key text PRIMARY KEY,
           etag text NOT NULL,
           data text NOT NULL,
           written_at timestamptz NOT NULL
         )`,
        `CREATE INDEX IF NOT EXISTS workup_items_written_at ON ${table} (written_at)`,
        // "Forget me" is a range on the key in byte order (see prefixUpperBound); the primary key's
        // index follows the database's collation, whose order is not byte order, so it cannot serve it.
        `CREATE INDEX IF NOT EXISTS workup_items_key_bytes ON ${table} (key COLLATE "C")`,
        `CREATE TABLE IF NOT EXISTS ${heartbeatTable} (
           id integer PRIMARY KEY CHECK (id = 1),
           written_at timestamptz NOT NULL
         )`,
      ]);
    } catch (error) {
      await pool.end();
      throw error;
    }
    return new PostgresStorage(pool, table, heartbeatTable, options.now ?? (() => new Date()));
  }

  async read(keys: string[]): Promise<StoreItems> {
    assertKeys(keys);
    const { rows } = await this.pool.query<StoredRow>(
      `SELECT key, etag, data FROM ${this.table} WHERE key = ANY($1::text[])`,
      [keys],
    );
    const found: StoreItems = {};
    for (const row of rows) {
      found[row.key] = decodeItem(row.data, row.etag);
    }
    return found;
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
        if (change.expectedETag === undefined) {
          await client.query(
            `INSERT INTO ${this.table} (key, etag, data, written_at) VALUES ($1, $2, $3, $4)
             ON CONFLICT (key) DO UPDATE
             SET etag = excluded.etag, data = excluded.data, written_at = excluded.written_at`,
            [change.key, eTag, change.json, writtenAt],
          );
        } else {
          const updated = await client.query(
            `UPDATE ${this.table} SET etag = $2, data = $3, written_at = $4 WHERE key = $1 AND etag = $5`,
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
    await this.pool.query(`DELETE FROM ${this.table} WHERE key = ANY($1::text[])`, [keys]);
  }

  /**
   * "Forget me". A DELETE only marks rows dead, and a plain VACUUM leaves their bytes in the
   * pages' free space (measured), so the table is rewritten: VACUUM FULL copies the live rows to
   * new files and drops the old ones. It locks the table for the copy (milliseconds for thousands
   * of workups, measured in the README). The WAL keeps its copies until PostgreSQL reuses the segments.
   */
  async deleteByPrefix(prefix: string): Promise<number> {
    const upper = prefixUpperBound(prefix);
    // The range finds the rows through workup_items_key_bytes; starts_with keeps the match exact.
    const result =
      upper === undefined
        ? await this.pool.query(`DELETE FROM ${this.table} WHERE starts_with(key, $1)`, [prefix])
        : await this.pool.query(
            `DELETE FROM ${this.table}
             WHERE key COLLATE "C" >= $1 AND key COLLATE "C" < $2 AND starts_with(key, $1)`,
            [prefix, upper],
          );
    const deleted = result.rowCount ?? 0;
    if (deleted > 0) await this.pool.query(`VACUUM FULL ${this.table}`);
    return deleted;
  }

  /** Retention in slices, so no single statement holds row locks and a connection for long. */
  sweep(olderThan: Date, options?: SlicedDeleteOptions): Promise<number> {
    return deleteInSlices(async (limit) => {
      const result = await this.pool.query(
        `DELETE FROM ${this.table} WHERE key IN
           (SELECT key FROM ${this.table} WHERE written_at < $1 LIMIT $2)`,
        [olderThan, limit],
      );
      return result.rowCount ?? 0;
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
