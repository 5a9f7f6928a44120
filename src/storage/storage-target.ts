import type { AuditTable } from './audit-table';
import { PostgresAuditTable } from './postgres-audit-table';
import type { PostgresLimits } from './postgres-connection';
import { PostgresStorage } from './postgres-workup-storage';
import { SqliteAuditTable } from './sqlite-audit-table';
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
  /** PostgreSQL idle-connection failures, for the logger. */
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

export function openWorkupStorage(target: StorageTarget, now?: () => Date): Promise<WorkupStorage> {
  return usesPostgres(target)
    ? PostgresStorage.open({ ...postgresOptions(target), now })
    : Promise.resolve(new SqliteStorage({ filePath: target.sqlitePath, now }));
}

export function openAuditTable(target: StorageTarget): Promise<AuditTable> {
  return usesPostgres(target)
    ? PostgresAuditTable.open(postgresOptions(target))
    : Promise.resolve(new SqliteAuditTable(target.sqlitePath));
}
