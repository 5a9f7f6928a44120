/**
 * Whose a stored key is: the key through its third "/", which for the bot's keys
 * (`workup/<channel>/<user>/<conversation>`, see src/bot/workup-key.ts) is the user's own prefix, the
 * one "forget me" deletes. PostgreSQL places each row in a partition by this owner, so one user's
 * workups share one small partition. A key with fewer than three "/" is its own owner.
 */
const OWNER = /^[^/]*\/[^/]*\/[^/]*\//;

/** The same rule in PostgreSQL, for moving rows stored before the owner column existed. */
export const KEY_OWNER_SQL = `coalesce(substring(key from '^([^/]*/[^/]*/[^/]*/)'), key)`;

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
