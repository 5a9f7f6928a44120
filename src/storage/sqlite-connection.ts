import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

export type SqliteDatabase = Database.Database;

/**
 * Opens (creating it and its directory if needed) the SQLite file shared by the workup store and
 * the audit trail. Each component opens its own connection and closes it itself.
 */
export function openSqliteDatabase(filePath: string): SqliteDatabase {
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
  return db;
}
