import { userWorkupPrefix, workupKey } from '../../../src/bot/workup-key';
import { BOT, CLINICIAN, ConversationDriver } from '../../bot/conversation-harness';
import { playConversation } from './conversation-table';

const COLLEAGUE = { id: 'clinician-2', name: 'Dr Lee' };
const mention = { type: 'mention', mentioned: { id: BOT.id, name: BOT.name }, text: `<at>${BOT.name}</at>` };
const groupChat = {
  entities: [mention],
  conversation: {
    id: '19:group-chat@thread.v2',
    isGroup: true,
    conversationType: 'groupChat',
    name: 'ward team',
  },
};

describe('a group chat', () => {
  it('gives each colleague a workup of their own', async () => {
    const driver = new ConversationDriver();
    await playConversation(driver, [
      {
        say: '<at>ALP Workup</at> ALP 180 U/L (ULN 120)',
        extra: groupChat,
        expect: ['I read: ALP 180 U/L', 'Step 2 of 6'],
      },
      {
        say: '<at>ALP Workup</at> ALP 600 U/L (ULN 120)',
        extra: groupChat,
        from: COLLEAGUE,
        expect: ['I read: ALP 600 U/L (5.0x ULN)', 'Step 2 of 6'],
      },
      { say: '<at>ALP Workup</at> summary', extra: groupChat, expect: ['180 U/L'], absent: ['600'] },
      {
        say: '<at>ALP Workup</at> summary',
        extra: groupChat,
        from: COLLEAGUE,
        expect: ['600 U/L'],
        absent: ['180'],
      },
    ]);
  });
});

describe('forget me', () => {
  it("deletes every workup and audit row of that user, and only that user's", async () => {
    const driver = new ConversationDriver();
    await playConversation(driver, [
      { say: 'ALP 180 U/L (ULN 120)', expect: ['Step 2 of 6'] },
      { say: '<at>ALP Workup</at> ALP 250 U/L (ULN 120)', extra: groupChat, expect: ['Step 2 of 6'] },
      {
        say: '<at>ALP Workup</at> ALP 600 U/L (ULN 120)',
        extra: groupChat,
        from: COLLEAGUE,
        expect: ['Step 2 of 6'],
      },
    ]);
    expect(await driver.audit.query()).toHaveLength(3);

    await playConversation(driver, [
      { say: 'forget me', expect: ['Delete all your workups?'], absent: ['I deleted'] },
      { say: 'yes', expect: ['I deleted your workups and your audit entries'] },
    ]);
    const clinicianKeys = ['personal-chat-1', groupChat.conversation.id].map((conversationId) =>
      workupKey({ channelId: 'msteams', userId: CLINICIAN.id, conversationId }),
    );
    expect(await driver.storage.read(clinicianKeys)).toEqual({});

    expect(await driver.storage.deleteByPrefix(userWorkupPrefix('msteams', CLINICIAN.id))).toBe(0);
    expect(await driver.storage.deleteByPrefix(userWorkupPrefix('msteams', COLLEAGUE.id))).toBe(1);
    const remaining = await driver.audit.query();
    expect(remaining).toHaveLength(1);
    expect(remaining[0]?.step).toBe('redFlags');
    await playConversation(driver, [{ say: 'summary', expect: ['Nothing entered yet'] }]);
  });
});
