import { ActivityTypes, TestAdapter, type Activity } from 'botbuilder';
import { StorageFloorBot } from '../../bench/storage-floor-bot';
import { MemoryAuditLog, MemoryWorkupStorage } from '../../src/storage';
import { workupKey } from '../../src/bot/workup-key';

describe('the storage floor bot', () => {
  it('does the durable work of a workup turn: reads and writes the workup, replies as the bot does, audits', async () => {
    const storage = new MemoryWorkupStorage();
    const audit = new MemoryAuditLog();
    const bot = new StorageFloorBot({ storage, audit, close: async () => undefined });
    const adapter = new TestAdapter(async (context) => bot.run(context));
    const conversation = { id: 'bench-1', isGroup: false, name: 'bench', conversationType: 'personal' };
    const send = () =>
      adapter.processActivity({
        type: ActivityTypes.Message,
        channelId: 'bench',
        conversation,
        from: { id: 'clinician', name: 'Clinician' },
        recipient: { id: 'bot', name: 'Bot' },
        text: 'GGT 30 ULN 60',
      });
    await send();
    await send();

    const replies = adapter.activeQueue.splice(0) as Partial<Activity>[];
    expect(replies).toHaveLength(4);
    expect(replies[1]?.attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    const key = workupKey({ channelId: 'bench', userId: 'clinician', conversationId: 'bench-1' });
    const stored = (await storage.read([key]))[key] as {
      eTag?: string;
      conversation?: { snapshot?: unknown };
    };
    expect(stored.eTag).toEqual(expect.any(String));
    expect(stored.conversation?.snapshot).toBeDefined();
    expect(await audit.query()).toHaveLength(2);
  });
});
