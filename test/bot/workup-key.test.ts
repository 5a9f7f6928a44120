import { userWorkupPrefix, workupKey } from '../../src/bot/workup-key';

describe('workup keys', () => {
  it('keys a workup by channel, user and conversation, under the user prefix', () => {
    const key = workupKey({ channelId: 'msteams', userId: 'u1', conversationId: '19:abc@thread' });
    expect(key).toBe('workup/msteams/u1/19%3Aabc%40thread');
    expect(key.startsWith(userWorkupPrefix('msteams', 'u1'))).toBe(true);
  });

  it('gives colleagues in one conversation different keys', () => {
    const a = workupKey({ channelId: 'msteams', userId: 'alice', conversationId: 'c' });
    const b = workupKey({ channelId: 'msteams', userId: 'bob', conversationId: 'c' });
    expect(a).not.toBe(b);
  });

  it('does not let one user prefix cover another user whose id extends it', () => {
    const other = workupKey({ channelId: 'webchat', userId: 'u1/x', conversationId: 'c' });
    expect(other.startsWith(userWorkupPrefix('webchat', 'u1'))).toBe(false);
  });
});
