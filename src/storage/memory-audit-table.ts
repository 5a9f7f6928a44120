import type { AuditPeriod, AuditRecord, AuditRow } from './audit-entry';
import type { AuditTable } from './audit-table';

function isInPeriod(at: Date, period: AuditPeriod): boolean {
  return (!period.from || at >= period.from) && (!period.to || at < period.to);
}

/** An audit table in process memory, for unit tests. */
export class MemoryAuditTable implements AuditTable {
  private rows: AuditRow[] = [];
  private nextId = 1;

  async append(record: AuditRecord): Promise<void> {
    this.rows.push(structuredClone({ ...record, id: this.nextId }));
    this.nextId += 1;
  }

  async query(period: AuditPeriod): Promise<AuditRow[]> {
    return this.rows
      .filter((row) => isInPeriod(row.at, period))
      .sort((a, b) => a.at.getTime() - b.at.getTime() || a.id - b.id)
      .map((row) => structuredClone(row));
  }

  async deleteByUserHash(userHash: string): Promise<number> {
    return this.deleteWhere((row) => row.userHash === userHash);
  }

  async deleteBefore(cutoff: Date): Promise<number> {
    return this.deleteWhere((row) => row.at < cutoff);
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {}

  private deleteWhere(matches: (row: AuditRow) => boolean): number {
    const before = this.rows.length;
    this.rows = this.rows.filter((row) => !matches(row));
    return before - this.rows.length;
  }
}
