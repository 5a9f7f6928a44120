import { randomUUID } from 'node:crypto';
import type { StoreItem, StoreItems } from 'botbuilder';

/** An item about to be written: its JSON without the eTag, and the eTag the writer holds. */
export interface EncodedChange {
  key: string;
  item: StoreItem;
  json: string;
  /** `undefined` means "overwrite unconditionally" (no eTag, or `'*'`). */
  expectedETag: string | undefined;
}

/** eTags are random rather than counters so that several bot instances never mint the same one. */
export function newETag(): string {
  return randomUUID();
}

/**
 * Validates and serialises `changes`, sorted by key so concurrent multi-item writers lock rows in
 * the same order (no deadlocks on PostgreSQL).
 */
export function encodeChanges(changes: StoreItems): EncodedChange[] {
  if (typeof changes !== 'object' || changes === null) {
    throw new TypeError('Storage: changes must be an object mapping keys to items.');
  }
  return Object.keys(changes)
    .sort()
    .map((key) => {
      const item: unknown = changes[key];
      if (key.length === 0) {
        throw new TypeError('Storage: keys must be non-empty strings.');
      }
      if (typeof item !== 'object' || item === null || Array.isArray(item)) {
        throw new TypeError(`Storage: the item for "${key}" must be a JSON object.`);
      }
      const { eTag, ...data } = item as StoreItem;
      return {
        key,
        item: item as StoreItem,
        json: JSON.stringify(data),
        expectedETag: typeof eTag === 'string' && eTag !== '*' ? eTag : undefined,
      };
    });
}

export function decodeItem(json: string, eTag: string): StoreItem {
  return { ...(JSON.parse(json) as StoreItem), eTag };
}

export function assertKeys(keys: string[]): void {
  if (!Array.isArray(keys)) {
    throw new TypeError('Storage: keys must be an array of strings.');
  }
}
