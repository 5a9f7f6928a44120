import type { AuditPeriod, AuditRow } from './audit-entry';
import type { AuditReader } from './audit-log';
import { summarizeAuditRows, type AuditSummary } from './audit-summary';
import type { AuditTable } from './audit-table';

/** Reads and summarises an audit table. */
export class AuditTableReader implements AuditReader {
  constructor(protected readonly table: AuditTable) {}

  query(period: AuditPeriod = {}): Promise<AuditRow[]> {
    return this.table.query(period);
  }

  async summary(period: AuditPeriod = {}): Promise<AuditSummary> {
    return summarizeAuditRows(await this.table.query(period));
  }

  close(): Promise<void> {
    return this.table.close();
  }
}
