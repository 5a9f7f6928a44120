import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { checkSqlitePath } from './sqlite-path';

export type SqliteDatabase = Database.Database;

/**
 * Opens (creating it and its directory if needed) the SQLite file shared by the workup store and
 * the audit trail. Each component opens its own connection and closes it itself.
 */
export function openSqliteDatabase(filePath: string): SqliteDatabase {
  checkSqlitePath(filePath);
  mkdirSync(dirname(filePath), { recursive: true });
  const db = new Database(filePath);
  // WAL: readers never block the writer, and a crash (even kill -9) loses no committed transaction.
  db.pragma('journal_mode = WAL');
  // With WAL, NORMAL syncs at checkpoints rather than every commit: a process crash still loses
  // nothing; only a power loss or OS crash may roll back the last few commits, which for a workup
  // means re-answering a question, a fair price for several times faster turns.
  db.pragma('synchronous = NORMAL');
  // Another process (a second bot, the audit CLI) may hold the write lock briefly: wait, don't fail.
  db.pragma('busy_timeout = 5000');
  // Deleted rows are overwritten with zeros, not just unlinked: "forget me" must leave nothing to
  // read in the file's free space. The zeros are written into pages the delete rewrites anyway.
  db.pragma('secure_delete = ON');
  return db;
}

/** The rows were deleted and zeroed in the file, but a reader elsewhere kept their old copies in the WAL. */
export class WalBusyError extends Error {
  override readonly name = 'WalBusyError';
  constructor() {
    super(
      'The rows were deleted, but another connection kept the WAL busy: older copies stay in it until the next checkpoint.',
    );
  }
}

/**
 * After a delete that must leave no trace: the WAL still holds earlier versions of the deleted
 * rows' pages until a checkpoint copies the zeroed pages into the file and empties it. TRUNCATE
 * waits (busy_timeout) for other connections' readers, then throws if one still holds the WAL.
 */
export function checkpointAndTruncateWal(db: SqliteDatabase): void {
  const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
  if (result?.busy !== 0) throw new WalBusyError();
}
