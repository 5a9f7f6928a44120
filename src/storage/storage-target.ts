import type { AuditTable } from './audit-table';
import { PostgresAuditTable } from './postgres-audit-table';
import type { PostgresLimits } from './postgres-connection';
import { PostgresStorage } from './postgres-workup-storage';
import { SqliteAuditTable } from './sqlite-audit-table';
import { SqliteSharedFile } from './sqlite-shared-file';
import { SqliteStorage } from './sqlite-workup-storage';
import type { WorkupStorage } from './workup-storage';

/** Which database holds workups and the audit trail: PostgreSQL when `databaseUrl` is set, else SQLite. */
export interface StorageTarget {
  databaseUrl?: string;
  /** The SQLite file used when there is no `databaseUrl` (e.g. ./data/alp-workup.sqlite). */
  sqlitePath: string;
  /** PostgreSQL schema for the tables; default `public`. */
  postgresSchema?: string;
  /** PostgreSQL timeouts and pool size; defaults to `DEFAULT_POSTGRES_LIMITS`. */
  postgresLimits?: PostgresLimits;
  /** PostgreSQL failures outside a request (an idle connection, a VACUUM after a forgetting), for the logger. */
  onConnectionError?: (error: Error) => void;
}

function postgresOptions(target: StorageTarget & { databaseUrl: string }) {
  return {
    connectionString: target.databaseUrl,
    schema: target.postgresSchema,
    limits: target.postgresLimits,
    onConnectionError: target.onConnectionError,
  };
}

function usesPostgres(target: StorageTarget): target is StorageTarget & { databaseUrl: string } {
  return target.databaseUrl !== undefined && target.databaseUrl !== '';
}

/**
 * The SQLite file the workup store and the audit table of one process share (one connection, one
 * commit for both); `undefined` on PostgreSQL, whose pools are their own.
 */
export function sharedSqliteFile(target: StorageTarget): SqliteSharedFile | undefined {
  return usesPostgres(target) ? undefined : new SqliteSharedFile(target.sqlitePath);
}

export function openWorkupStorage(
  target: StorageTarget,
  now?: () => Date,
  sqliteFile?: SqliteSharedFile,
): Promise<WorkupStorage> {
  return usesPostgres(target)
    ? PostgresStorage.open({ ...postgresOptions(target), now })
    : Promise.resolve(new SqliteStorage({ filePath: sqliteFile ?? target.sqlitePath, now }));
}

export function openAuditTable(target: StorageTarget, sqliteFile?: SqliteSharedFile): Promise<AuditTable> {
  return usesPostgres(target)
    ? PostgresAuditTable.open(postgresOptions(target))
    : Promise.resolve(new SqliteAuditTable(sqliteFile ?? target.sqlitePath));
}
