import { openSqliteDatabase, type SqliteDatabase } from './sqlite-connection';
import { SqliteGroupCommit } from './sqlite-group-commit';

/**
 * One connection and one group commit for everything the bot keeps in one SQLite file. The workup
 * store and the audit table each held a connection of their own, so a turn's workup write and its
 * audit entry were two transactions with two WAL writes; on one connection, the writes and audit
 * entries of every turn in flight share one transaction (`SqliteGroupCommit`). The connection opens
 * with the first holder and closes when the last one lets go.
 */
export class SqliteSharedFile {
  private connection: { db: SqliteDatabase; commits: SqliteGroupCommit } | undefined;
  private holders = 0;

  constructor(readonly filePath: string) {}

  /** Opens the file if no one holds it yet; each holder calls `release` once when it closes. */
  hold(): { db: SqliteDatabase; commits: SqliteGroupCommit } {
    if (this.connection === undefined) {
      const db = openSqliteDatabase(this.filePath);
      this.connection = { db, commits: new SqliteGroupCommit(db) };
    }
    this.holders += 1;
    return this.connection;
  }

  /** Commits what is pending and closes the connection once the last holder has let go. */
  release(): void {
    this.holders -= 1;
    if (this.holders > 0 || this.connection === undefined) return;
    const { db, commits } = this.connection;
    this.connection = undefined;
    if (db.open) {
      commits.flush();
      db.close();
    }
  }
}
