import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteStorage } from '../../src/storage';
import { makeTempDir } from './support/temp-dir';
import { describeWorkupStorageContract } from './support/workup-storage-contract';

describeWorkupStorageContract('SQLite', async () => {
  const dir = makeTempDir('sqlite-storage');
  const filePath = join(dir.path, 'nested', 'data', 'workups.sqlite');
  return {
    open: async (now) => new SqliteStorage({ filePath, now }),
    dispose: async () => dir.remove(),
  };
});

describe('SqliteStorage on disk', () => {
  it('creates its directory and a WAL-mode database file', async () => {
    const dir = makeTempDir('sqlite-file');
    const filePath = join(dir.path, 'data', 'alp-workup.sqlite');
    const storage = new SqliteStorage({ filePath });
    await storage.write({ 'workup/webchat/u/c': { step: 'alp' } });
    await storage.close();

    expect(existsSync(filePath)).toBe(true);
    const db = new Database(filePath, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.prepare('SELECT count(*) AS n FROM workup_items').get()).toEqual({ n: 1 });
    db.close();
    dir.remove();
  });
});
