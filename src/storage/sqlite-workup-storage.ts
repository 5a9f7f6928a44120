import type { Statement } from 'better-sqlite3';
import type { StoreItem, StoreItems } from 'botbuilder';
import { ETagConflictError } from './etag-conflict';
import type { SqliteGroupCommit } from './sqlite-group-commit';
import { checkpointAndTruncateWal, type SqliteDatabase } from './sqlite-connection';
import { SqliteSharedFile } from './sqlite-shared-file';
import { prefixUpperBound } from './key-prefix-range';
import { deleteInSlices, type SlicedDeleteOptions } from './sliced-delete';
import { assertKeys, decodeItem, encodeChanges, newETag, type EncodedChange } from './store-item-codec';
import { UNCHANGED, type WorkupStorage } from './workup-storage';

export interface SqliteStorageOptions {
  /**
   * The database file (it and its directory are created if missing), or a file shared with the
   * audit table so both write through one connection and one commit.
   */
  filePath: string | SqliteSharedFile;
  /** Clock for the "last written" time that retention uses. */
  now?: () => Date;
}

interface StoredRow {
  key: string;
  etag: string;
  data: string;
}

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS workup_items (
    key TEXT PRIMARY KEY NOT NULL,
    etag TEXT NOT NULL,
    data TEXT NOT NULL,
    written_at INTEGER NOT NULL
  );
  CREATE INDEX IF NOT EXISTS workup_items_written_at ON workup_items (written_at);
  CREATE TABLE IF NOT EXISTS storage_heartbeat (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    written_at INTEGER NOT NULL
  );
`;

/** `WorkupStorage` in an SQLite file (better-sqlite3, WAL): the embedded default. */
export class SqliteStorage implements WorkupStorage {
  private readonly db: SqliteDatabase;
  private readonly now: () => Date;
  private readonly writeAll: (changes: EncodedChange[], writtenAt: number) => string[];
  private readonly selectOne: Statement<[string], StoredRow>;
  private readonly selectChanged: Statement<[string, string], { etag: string; data: string | null }>;
  private readonly deleteKeys: (keys: string[]) => void;
  private readonly deletePrefixRange: Statement<{ prefix: string; upper: string }>;
  private readonly deletePrefixToEnd: Statement<{ prefix: string }>;
  private readonly deleteOlderSlice: Statement<[number, number]>;
  private readonly commits: SqliteGroupCommit;
  private readonly heartbeat: Statement<[number]>;
  private readonly file: SqliteSharedFile;
  private closed = false;

  constructor(options: SqliteStorageOptions) {
    this.file =
      typeof options.filePath === 'string' ? new SqliteSharedFile(options.filePath) : options.filePath;
    const { db, commits } = this.file.hold();
    this.db = db;
    this.commits = commits;
    this.db.exec(SCHEMA);
    this.now = options.now ?? (() => new Date());

    const upsert = this.db.prepare(
      `INSERT INTO workup_items (key, etag, data, written_at) VALUES (@key, @etag, @data, @writtenAt)
       ON CONFLICT (key) DO UPDATE SET etag = excluded.etag, data = excluded.data, written_at = excluded.written_at`,
    );
    const updateIfMatch = this.db.prepare(
      `UPDATE workup_items SET etag = @etag, data = @data, written_at = @writtenAt
       WHERE key = @key AND etag = @expected`,
    );
    // One request's items are all or nothing: a savepoint inside the group commit's transaction.
    this.writeAll = this.db.transaction((changes: EncodedChange[], writtenAt: number) =>
      changes.map((change) => {
        const row = { key: change.key, etag: newETag(), data: change.json, writtenAt };
        if (change.expectedETag === undefined) {
          upsert.run(row);
        } else if (updateIfMatch.run({ ...row, expected: change.expectedETag }).changes === 0) {
          throw new ETagConflictError(change.key);
        }
        return row.etag;
      }),
    );

    this.selectOne = this.db.prepare('SELECT key, etag, data FROM workup_items WHERE key = ?');
    // The data only when the eTag differs: an unchanged row's text is not even copied out of SQLite.
    this.selectChanged = this.db.prepare(
      'SELECT etag, CASE WHEN etag = ? THEN NULL ELSE data END AS data FROM workup_items WHERE key = ?',
    );
    const deleteOne = this.db.prepare<[string]>('DELETE FROM workup_items WHERE key = ?');
    this.deleteKeys = this.db.transaction((keys: string[]) => keys.forEach((key) => deleteOne.run(key)));
    // A range on the primary key, so the index finds the user's rows instead of reading every row
    // (see prefixUpperBound); substr keeps the match literal and case-sensitive, where LIKE would
    // be neither.
    this.deletePrefixRange = this.db.prepare(
      `DELETE FROM workup_items
       WHERE key >= @prefix AND key < @upper AND substr(key, 1, length(@prefix)) = @prefix`,
    );
    this.deletePrefixToEnd = this.db.prepare(
      'DELETE FROM workup_items WHERE key >= @prefix AND substr(key, 1, length(@prefix)) = @prefix',
    );
    this.deleteOlderSlice = this.db.prepare(
      `DELETE FROM workup_items WHERE rowid IN
         (SELECT rowid FROM workup_items WHERE written_at < ? LIMIT ?)`,
    );
    this.heartbeat = this.db.prepare(
      `INSERT INTO storage_heartbeat (id, written_at) VALUES (1, ?)
       ON CONFLICT (id) DO UPDATE SET written_at = excluded.written_at`,
    );
  }

  async read(keys: string[]): Promise<StoreItems> {
    assertKeys(keys);
    const found: StoreItems = {};
    for (const key of keys) {
      const row = this.selectOne.get(key);
      if (row) {
        found[key] = decodeItem(row.data, row.etag);
      }
    }
    return found;
  }

  async readChanged(key: string, heldETag: string): Promise<StoreItem | typeof UNCHANGED | undefined> {
    const row = this.selectChanged.get(heldETag, key);
    if (row === undefined) return undefined;
    return row.data === null ? UNCHANGED : decodeItem(row.data, row.etag);
  }

  async write(changes: StoreItems): Promise<void> {
    const encoded = encodeChanges(changes);
    const writtenAt = this.now().getTime();
    const eTags = await this.commits.run(() => this.writeAll(encoded, writtenAt));
    encoded.forEach((change, index) => {
      change.item.eTag = eTags[index];
    });
  }

  async delete(keys: string[]): Promise<void> {
    assertKeys(keys);
    this.commits.flush();
    this.deleteKeys(keys);
  }

  /** "Forget me": the rows go, and with them every copy in the WAL (see `checkpointAndTruncateWal`). */
  async deleteByPrefix(prefix: string): Promise<number> {
    this.commits.flush();
    const upper = prefixUpperBound(prefix);
    const deleted = (
      upper === undefined
        ? this.deletePrefixToEnd.run({ prefix })
        : this.deletePrefixRange.run({ prefix, upper })
    ).changes;
    if (deleted > 0) checkpointAndTruncateWal(this.db);
    return deleted;
  }

  /** Retention, in slices that each hold the event loop for a few milliseconds (see `deleteInSlices`). */
  async sweep(olderThan: Date, options?: SlicedDeleteOptions): Promise<number> {
    const cutoff = olderThan.getTime();
    const deleted = await deleteInSlices((limit) => {
      // Turns queued before this slice commit first, as before any delete.
      this.commits.flush();
      return this.deleteOlderSlice.run(cutoff, limit).changes;
    }, options);
    if (deleted > 0 && this.db.open) checkpointAndTruncateWal(this.db);
    return deleted;
  }

  /** A committed write of one heartbeat row: a read-only file or a full disk fails it, as it would a turn. */
  async ping(): Promise<void> {
    await this.commits.run(() => this.heartbeat.run(Date.now()));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.commits.flush();
    this.file.release();
  }
}
