import { createHmac } from 'node:crypto';
import { AuditIdHasher } from '../../src/storage';

describe('AuditIdHasher', () => {
  const hasher = new AuditIdHasher('a-deployment-secret-salt');

  it('is HMAC-SHA256 keyed by the salt over kind, channel and id', () => {
    const expected = createHmac('sha256', 'a-deployment-secret-salt')
      .update('user\u0000msteams\u0000u1')
      .digest('hex');

    expect(hasher.user('msteams', 'u1')).toBe(expected);
  });

  it('separates users from conversations, channels from each other, and salts from salts', () => {
    const hashes = [
      hasher.user('msteams', 'id'),
      hasher.conversation('msteams', 'id'),
      hasher.user('webchat', 'id'),
      new AuditIdHasher('another-deployment-salt').user('msteams', 'id'),
      hasher.user('msteams', 'id2'),
    ];

    expect(new Set(hashes).size).toBe(hashes.length);
    expect(hasher.user('msteams', 'id')).toBe(hashes[0]);
  });

  it('gives the same hash for an id hashed again after many others (its cache of recent ids)', () => {
    const first = hasher.user('msteams', 'first');
    for (let n = 0; n < 5000; n += 1) hasher.user('msteams', `other-${n}`);
    const expected = createHmac('sha256', 'a-deployment-secret-salt')
      .update('user\u0000msteams\u0000first')
      .digest('hex');

    expect(hasher.user('msteams', 'first')).toBe(expected);
    expect(first).toBe(expected);
  });

  it('refuses a salt too short to be a secret, saying how long it must be', () => {
    expect(() => new AuditIdHasher('short')).toThrow('at least 16 characters');
  });
});
