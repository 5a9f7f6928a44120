export type { WorkupStorage } from './workup-storage';
export { ETagConflictError, isETagConflict } from './etag-conflict';
export {
  MemoryWorkupStorage,
  type MemoryStoredItem,
  type MemoryWorkupStorageOptions,
} from './memory-workup-storage';
export { SqliteStorage, type SqliteStorageOptions } from './sqlite-workup-storage';
export { PostgresStorage, type PostgresStorageOptions } from './postgres-workup-storage';
