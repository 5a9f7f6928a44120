import { ConversationStore } from '../../../src/server/direct-line/conversation-store';

describe('ConversationStore (local Direct Line memory)', () => {
  let time = 0;
  const store = (overrides: Partial<ConstructorParameters<typeof ConversationStore>[0]> = {}) =>
    new ConversationStore({
      maxConversations: 3,
      maxActivitiesPerConversation: 2,
      idleMs: 1000,
      now: () => time,
      ...overrides,
    });

  beforeEach(() => {
    time = 0;
  });

  it('caps the number of conversations by dropping the oldest', () => {
    const s = store();
    const first = s.start('u1');
    s.start('u2');
    s.start('u3');
    s.start('u4');
    expect(s.size).toBe(3);
    expect(s.find(first.conversationId)).toBeUndefined();
  });

  it('keeps the last activities of a conversation, and the watermark stays meaningful', () => {
    const s = store();
    const { conversationId } = s.start('u1');
    for (const text of ['one', 'two', 'three']) s.append(conversationId, { type: 'message', text });
    const page = s.page(conversationId, undefined);
    expect(page?.activities.map((a) => a.text)).toEqual(['two', 'three']);
    expect(page?.watermark).toBe('3');
    expect(s.page(conversationId, 2)?.activities.map((a) => a.text)).toEqual(['three']);
    expect(s.page(conversationId, 3)?.activities).toEqual([]);
  });

  it('expires idle conversations, but not ones in use', () => {
    const s = store();
    const idle = s.start('u1');
    const busy = s.start('u2');
    time = 800;
    s.append(busy.conversationId, { type: 'message' });
    time = 1500;
    expect(s.find(idle.conversationId)).toBeUndefined();
    expect(s.find(busy.conversationId)).toBeDefined();
  });

  it('opens a conversation once and binds it to its token', () => {
    const s = store();
    const { conversationId, token } = s.start('u1');
    expect(s.open(conversationId)).toBe(true);
    expect(s.open(conversationId)).toBe(false);
    expect(s.find(conversationId, 'another-token')).toBeUndefined();
    expect(s.findByToken(token)?.conversationId).toBe(conversationId);
  });
});
