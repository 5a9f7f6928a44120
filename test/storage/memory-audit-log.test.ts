import { MemoryAuditLog, MemoryAuditTable } from '../../src/storage';
import { describeAuditLogContract } from './support/audit-log-contract';

describeAuditLogContract('memory', async () => {
  const table = new MemoryAuditTable();
  return {
    open: async () => table,
    rawContents: async () => JSON.stringify(await table.query({})),
    dispose: async () => {},
  };
});

describe('MemoryAuditLog', () => {
  it('hashes ids with its own salt, ready for unit tests of other modules', async () => {
    const audit = new MemoryAuditLog();
    await audit.record({
      at: new Date('2026-05-01T00:00:00Z'),
      channelId: 'webchat',
      conversationId: 'conversation-1',
      userId: 'user-1',
      step: 'welcome',
      event: 'conversation-start',
      ruleIds: [],
      contentVersion: '1',
      redFlags: [],
    });

    const [row] = await audit.query();

    expect(row?.userHash).toMatch(/^[0-9a-f]{64}$/);
    expect(await audit.forgetUser('webchat', 'user-1')).toBe(1);
  });
});
