import { AuditIdHasher } from './audit-id-hasher';
import { HashingAuditLog } from './hashing-audit-log';
import { MemoryAuditTable } from './memory-audit-table';

/** `AuditLog` in process memory, for unit tests of other modules. */
export class MemoryAuditLog extends HashingAuditLog {
  constructor(salt = 'memory-audit-log-unit-test-salt') {
    super(new MemoryAuditTable(), new AuditIdHasher(salt));
  }
}
