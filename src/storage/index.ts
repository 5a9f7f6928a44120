export { UNCHANGED, type WorkupStorage } from './workup-storage';
export { ETagConflictError, isETagConflict } from './etag-conflict';
export {
  MemoryWorkupStorage,
  type MemoryStoredItem,
  type MemoryWorkupStorageOptions,
} from './memory-workup-storage';
export { SqliteStorage, type SqliteStorageOptions } from './sqlite-workup-storage';
export { PostgresStorage, type PostgresStorageOptions } from './postgres-workup-storage';
export { WORKUP_PARTITIONS } from './key-partition';
export {
  AuditEntrySchema,
  type AuditEntry,
  type AuditPeriod,
  type AuditRecord,
  type AuditRow,
} from './audit-entry';
export type { AuditLog, AuditReader } from './audit-log';
export type { AuditTable } from './audit-table';
export { summarizeAuditRows, type AuditSummary } from './audit-summary';
export { AuditIdHasher } from './audit-id-hasher';
export { AuditTableReader } from './audit-table-reader';
export { auditRowsToCsv } from './audit-csv';
export { HashingAuditLog } from './hashing-audit-log';
export { MemoryAuditTable } from './memory-audit-table';
export { MemoryAuditLog } from './memory-audit-log';
export { SqliteAuditTable } from './sqlite-audit-table';
export { PostgresAuditTable } from './postgres-audit-table';
export { openAuditTable, openWorkupStorage, type StorageTarget } from './storage-target';
export { DEFAULT_POSTGRES_LIMITS, type PostgresLimits } from './postgres-connection';
export {
  createStorage,
  StorageNotWritableError,
  type OpenedStorage,
  type StorageConfig,
} from './create-storage';
export {
  startRetentionSweep,
  type RetentionSweepOptions,
  type RetentionSweepResult,
} from './retention-sweep';
