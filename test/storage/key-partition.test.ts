import { Client } from 'pg';
import {
  KEY_PARTITION_SQL,
  WORKUP_PARTITIONS,
  keyOwner,
  keyPartition,
  ownerPartition,
  prefixOwner,
} from '../../src/storage/key-partition';
import { userWorkupPrefix, workupKey } from '../../src/bot/workup-key';
import { requireTestDatabaseUrl } from './support/test-postgres';

const KEYS = [
  workupKey({ channelId: 'msteams', userId: '29:1a/b', conversationId: 'a:1/2' }),
  workupKey({ channelId: 'web/chat', userId: 'dl_\u00e9\u{1f600}', conversationId: 'c' }),
  'workup/msteams/user/',
  'workup/msteams/user/deeper/still',
  'workup/msteams/user',
  'no-slash-at-all',
  '///',
  'a/b/c\n/d',
];

describe('the partition of a key', () => {
  it("is the user's own prefix for every key the bot builds", () => {
    const owner = { channelId: 'msteams', userId: '29:1a/b', conversationId: 'a:1/2' };
    expect(keyOwner(workupKey(owner))).toBe(userWorkupPrefix(owner.channelId, owner.userId));
  });

  it('is the key through its third "/", or the whole key when it has fewer', () => {
    expect(KEYS.map(keyOwner)).toEqual([
      'workup/msteams/29%3A1a%2Fb/',
      'workup/web%2Fchat/dl_%C3%A9%F0%9F%98%80/',
      'workup/msteams/user/',
      'workup/msteams/user/',
      'workup/msteams/user',
      'no-slash-at-all',
      '///',
      'a/b/c\n/',
    ]);
  });

  it('names the owner every key under a prefix shares, only when the prefix reaches that far', () => {
    const prefix = userWorkupPrefix('msteams', 'someone');
    expect(prefixOwner(prefix)).toBe(prefix);
    expect(prefixOwner(`${prefix}conversation-1`)).toBe(prefix);
    expect(prefixOwner('workup/msteams/some')).toBeUndefined();
    for (const key of KEYS) {
      const shared = prefixOwner(key.slice(0, 12));
      if (shared !== undefined) expect(keyOwner(key)).toBe(shared);
    }
  });

  it('places every key of one owner in one partition, and spreads owners over all of them', () => {
    const prefix = userWorkupPrefix('msteams', 'someone');
    expect(keyPartition(`${prefix}a`)).toBe(ownerPartition(prefix));
    expect(keyPartition(`${prefix}b`)).toBe(ownerPartition(prefix));
    const used = new Set(Array.from({ length: 5000 }, (_, n) => ownerPartition(`workup/msteams/user-${n}/`)));
    expect(used.size).toBe(WORKUP_PARTITIONS);
  });

  it('is computed the same way by PostgreSQL, which places rows itself when a store is migrated', async () => {
    const client = new Client({ connectionString: requireTestDatabaseUrl() });
    await client.connect();
    try {
      const { rows } = await client.query<{ partition: number }>(
        `SELECT ${KEY_PARTITION_SQL} AS partition FROM unnest($1::text[]) WITH ORDINALITY AS k(key, n) ORDER BY n`,
        [KEYS],
      );
      expect(rows.map((row) => row.partition)).toEqual(KEYS.map(keyPartition));
    } finally {
      await client.end();
    }
  });
});
