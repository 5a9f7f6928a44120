import { z } from 'zod';
import { AuditEntrySchema, type AuditEntry } from './audit-entry';
import type { AuditIdHasher } from './audit-id-hasher';
import type { AuditLog } from './audit-log';
import type { AuditTable } from './audit-table';
import { AuditTableReader } from './audit-table-reader';
import type { SlicedDeleteOptions } from './sliced-delete';

/** The `AuditLog` over any table: validates entries and hashes ids before anything is stored. */
export class HashingAuditLog extends AuditTableReader implements AuditLog {
  constructor(
    table: AuditTable,
    private readonly hasher: AuditIdHasher,
  ) {
    super(table);
  }

  async record(entry: AuditEntry): Promise<void> {
    const parsed = AuditEntrySchema.safeParse(entry);
    if (!parsed.success) {
      // Entries come from the bot's own code, so a bad one is a bug to surface, not user input.
      throw new TypeError(`Audit entry refused: ${z.prettifyError(parsed.error)}`);
    }
    const { at, channelId, conversationId, userId, outcome, ...rest } = parsed.data;
    await this.table.append({
      ...rest,
      at,
      channelId,
      conversationHash: this.hasher.conversation(channelId, conversationId),
      userHash: this.hasher.user(channelId, userId),
      pattern: outcome?.pattern ?? null,
      origin: outcome?.origin ?? null,
      urgent: outcome?.urgent ?? null,
    });
  }

  forgetUser(channelId: string, userId: string): Promise<number> {
    return this.table.deleteByUserHash(this.hasher.user(channelId, userId));
  }

  deleteBefore(cutoff: Date, options?: SlicedDeleteOptions): Promise<number> {
    return this.table.deleteBefore(cutoff, options);
  }

  ping(): Promise<void> {
    return this.table.ping();
  }
}
