import Database from 'better-sqlite3';

/**
 * Mean stored size of one workup (the JSON the bot persists per conversation and user), read
 * from the SQLite file after the server has stopped.
 */
export function persistedBytesPerWorkup(sqlitePath: string): number | undefined {
  const db = new Database(sqlitePath, { readonly: true });
  try {
    const row = db
      .prepare("SELECT avg(length(CAST(data AS BLOB))) AS bytes FROM workup_items WHERE key LIKE 'workup/%'")
      .get() as { bytes: number | null };
    return row.bytes === null ? undefined : Math.round(row.bytes);
  } finally {
    db.close();
  }
}
