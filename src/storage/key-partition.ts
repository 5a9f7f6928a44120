import { createHash } from 'node:crypto';

/**
 * Where PostgreSQL keeps a workup: one of `WORKUP_PARTITIONS` tables, chosen by the key's owner,
 * so all of one user's workups share one small table that "forget me" can rewrite on its own.
 *
 * The owner is the key through its third "/", which for the bot's keys
 * (`workup/<channel>/<user>/<conversation>`, see src/bot/workup-key.ts) is the user's own prefix,
 * the one "forget me" deletes; a key with fewer than three "/" is its own owner. The partition is
 * the first byte of the owner's SHA-256: the same in JavaScript and in SQL, so the storage sends
 * each statement straight to its partition (a statement on the partitioned parent took 0.1-0.3 ms
 * longer, measured, spent choosing among 256 partitions), and SQL can place rows itself when the
 * store is migrated or filled.
 */
export const WORKUP_PARTITIONS = 256;

const OWNER = /^[^/]*\/[^/]*\/[^/]*\//;

export function keyOwner(key: string): string {
  return OWNER.exec(key)?.[0] ?? key;
}

/**
 * The owner every key starting with `prefix` shares, when the prefix reaches that far (a user's
 * prefix does); `undefined` when keys of several owners can start with it.
 */
export function prefixOwner(prefix: string): string | undefined {
  return OWNER.exec(prefix)?.[0];
}

/** The partition (0-255) holding an owner's keys. */
export function ownerPartition(owner: string): number {
  return createHash('sha256').update(owner, 'utf8').digest()[0]!;
}

export function keyPartition(key: string): number {
  return ownerPartition(keyOwner(key));
}

/** `keyPartition` in PostgreSQL, over a column named `key`. */
export const KEY_PARTITION_SQL = `get_byte(sha256(convert_to(coalesce(substring(key from '^([^/]*/[^/]*/[^/]*/)'), key), 'UTF8')), 0)`;
