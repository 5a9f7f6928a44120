import { createHmac } from 'node:crypto';

const MIN_SALT_LENGTH = 16;
/** Ids hashed recently; a clinician's every turn hashes the same two, so a few thousand cover the active ones. */
const CACHED_HASHES = 4096;

/**
 * Pseudonymises channel ids for the audit trail with HMAC-SHA256 keyed by a per-deployment secret
 * salt (config `AUDIT_SALT`). The same user always gets the same hash, so "forget me" can find their
 * rows and governance can count distinct users, but without the salt nobody can test a known id
 * against the table. Rotating the salt makes existing rows unreachable by "forget me": treat it like
 * a database password and keep it for the life of the data.
 */
export class AuditIdHasher {
  private readonly recent = new Map<string, string>();

  constructor(private readonly salt: string) {
    if (salt.length < MIN_SALT_LENGTH) {
      throw new RangeError(`The audit salt must be a secret of at least ${MIN_SALT_LENGTH} characters.`);
    }
  }

  conversation(channelId: string, conversationId: string): string {
    return this.hash('conversation', channelId, conversationId);
  }

  /** User ids are only unique within a channel, so the channel is part of the hashed identity. */
  user(channelId: string, userId: string): string {
    return this.hash('user', channelId, userId);
  }

  private hash(kind: string, channelId: string, id: string): string {
    // NUL separators keep ("a", "bc") and ("ab", "c") apart.
    const input = `${kind}\u0000${channelId}\u0000${id}`;
    let hash = this.recent.get(input);
    if (hash === undefined) {
      hash = createHmac('sha256', this.salt).update(input).digest('hex');
      // Oldest first out: a Map iterates in insertion order.
      if (this.recent.size >= CACHED_HASHES) this.recent.delete(this.recent.keys().next().value!);
      this.recent.set(input, hash);
    }
    return hash;
  }
}
