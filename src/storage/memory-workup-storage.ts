import type { StoreItem, StoreItems } from 'botbuilder';
import { ETagConflictError } from './etag-conflict';
import { assertKeys, decodeItem, encodeChanges, newETag } from './store-item-codec';
import { UNCHANGED, type WorkupStorage } from './workup-storage';

/** One stored item as the memory store keeps it: serialised, so readers never share objects. */
export interface MemoryStoredItem {
  json: string;
  eTag: string;
  writtenAt: number;
}

export interface MemoryWorkupStorageOptions {
  /** Clock for the "last written" time that retention uses. */
  now?: () => Date;
  /** Lets several instances share one store, standing in for several bot instances on one database. */
  items?: Map<string, MemoryStoredItem>;
}

/** `WorkupStorage` in process memory, for unit tests of other modules; forgets everything on exit. */
export class MemoryWorkupStorage implements WorkupStorage {
  private readonly items: Map<string, MemoryStoredItem>;
  private readonly now: () => Date;

  constructor(options: MemoryWorkupStorageOptions = {}) {
    this.items = options.items ?? new Map();
    this.now = options.now ?? (() => new Date());
  }

  async read(keys: string[]): Promise<StoreItems> {
    assertKeys(keys);
    const found: StoreItems = {};
    for (const key of keys) {
      const stored = this.items.get(key);
      if (stored) {
        found[key] = decodeItem(stored.json, stored.eTag);
      }
    }
    return found;
  }

  async readChanged(key: string, heldETag: string): Promise<StoreItem | typeof UNCHANGED | undefined> {
    const stored = this.items.get(key);
    if (stored === undefined) return undefined;
    return stored.eTag === heldETag ? UNCHANGED : decodeItem(stored.json, stored.eTag);
  }

  async write(changes: StoreItems): Promise<void> {
    const encoded = encodeChanges(changes);
    // Check every item before touching any, so a conflicting write changes nothing.
    for (const change of encoded) {
      if (change.expectedETag !== undefined && this.items.get(change.key)?.eTag !== change.expectedETag) {
        throw new ETagConflictError(change.key);
      }
    }
    const writtenAt = this.now().getTime();
    for (const change of encoded) {
      const eTag = newETag();
      this.items.set(change.key, { json: change.json, eTag, writtenAt });
      change.item.eTag = eTag;
    }
  }

  async delete(keys: string[]): Promise<void> {
    assertKeys(keys);
    for (const key of keys) {
      this.items.delete(key);
    }
  }

  async deleteByPrefix(prefix: string): Promise<number> {
    return this.deleteWhere((key) => key.startsWith(prefix));
  }

  async sweep(olderThan: Date): Promise<number> {
    const cutoff = olderThan.getTime();
    return this.deleteWhere((_key, stored) => stored.writtenAt < cutoff);
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {}

  private deleteWhere(matches: (key: string, stored: MemoryStoredItem) => boolean): number {
    let deleted = 0;
    for (const [key, stored] of this.items) {
      if (matches(key, stored)) {
        this.items.delete(key);
        deleted += 1;
      }
    }
    return deleted;
  }
}
