import { AuditIdHasher } from './audit-id-hasher';
import type { AuditLog } from './audit-log';
import { HashingAuditLog } from './hashing-audit-log';
import { openAuditTable, openWorkupStorage, sharedSqliteFile, type StorageTarget } from './storage-target';
import type { WorkupStorage } from './workup-storage';

export interface StorageConfig extends StorageTarget {
  /** Per-deployment secret keying the HMAC of audit ids (see AuditIdHasher); at least 16 characters. */
  auditSalt: string;
  /** Clock for the "last written" time retention uses; defaults to the system clock. */
  now?: () => Date;
}

export interface OpenedStorage {
  storage: WorkupStorage;
  audit: AuditLog;
  /** Closes both; call once the server has finished its in-flight turns. */
  close(): Promise<void>;
}

/** The database opened but refuses writes: every turn would fail, so start-up refuses it. */
export class StorageNotWritableError extends Error {
  override readonly name = 'StorageNotWritableError';
  constructor(cause: unknown) {
    super(`The database refuses writes (read-only?): ${(cause as Error).message}`);
  }
}

/**
 * Opens the workup store and the audit trail on one database (on SQLite through one connection, so
 * the writes and audit entries of the turns in flight share one commit), creating tables as needed,
 * and proves it takes a write before the server accepts a turn.
 */
export async function createStorage(config: StorageConfig): Promise<OpenedStorage> {
  const hasher = new AuditIdHasher(config.auditSalt);
  const sqliteFile = sharedSqliteFile(config);
  const storage = await openWorkupStorage(config, config.now, sqliteFile);
  let audit: AuditLog;
  try {
    await storage.ping().catch((error: unknown) => {
      throw new StorageNotWritableError(error);
    });
    audit = new HashingAuditLog(await openAuditTable(config, sqliteFile), hasher);
  } catch (error) {
    await storage.close();
    throw error;
  }
  return {
    storage,
    audit,
    close: async () => {
      await Promise.all([storage.close(), audit.close()]);
    },
  };
}
