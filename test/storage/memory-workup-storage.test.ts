import { MemoryWorkupStorage, type MemoryStoredItem } from '../../src/storage';
import { describeWorkupStorageContract } from './support/workup-storage-contract';

describeWorkupStorageContract('memory', async () => {
  const items = new Map<string, MemoryStoredItem>();
  return {
    open: async (now) => new MemoryWorkupStorage({ items, now }),
    dispose: async () => items.clear(),
  };
});
