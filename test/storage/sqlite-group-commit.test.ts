import { join } from 'node:path';
import { openSqliteDatabase, type SqliteDatabase } from '../../src/storage/sqlite-connection';
import { SqliteGroupCommit } from '../../src/storage/sqlite-group-commit';
import { SqliteStorage } from '../../src/storage';
import { makeTempDir } from './support/temp-dir';

describe('SqliteGroupCommit', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let db: SqliteDatabase;
  let commits: SqliteGroupCommit;
  const insert = (value: number) => () =>
    db.prepare('INSERT INTO items (value) VALUES (?)').run(value).lastInsertRowid;
  const values = () =>
    (db.prepare('SELECT value FROM items ORDER BY id').all() as { value: number }[]).map((r) => r.value);

  beforeEach(() => {
    dir = makeTempDir('group-commit');
    db = openSqliteDatabase(join(dir.path, 'items.sqlite'));
    db.exec('CREATE TABLE items (id INTEGER PRIMARY KEY, value INTEGER NOT NULL CHECK (value >= 0))');
    commits = new SqliteGroupCommit(db);
  });
  afterEach(() => {
    db.close();
    dir.remove();
  });

  it('commits the writes of one event-loop turn in one transaction, in order, each with its own result', async () => {
    const reader = openSqliteDatabase(join(dir.path, 'items.sqlite'));
    let seenByAnotherConnection = -1;
    const third = () => {
      seenByAnotherConnection = (reader.prepare('SELECT count(*) AS n FROM items').get() as { n: number }).n;
      return insert(3)();
    };
    const results = await Promise.all([commits.run(insert(1)), commits.run(insert(2)), commits.run(third)]);
    // Had the first two been committed on their own, the other connection would have seen them.
    expect(seenByAnotherConnection).toBe(0);
    expect(results.map(Number)).toEqual([1, 2, 3]);
    expect(values()).toEqual([1, 2, 3]);
    expect((reader.prepare('SELECT count(*) AS n FROM items').get() as { n: number }).n).toBe(3);
    reader.close();
  });

  it('rejects only the write that failed; the others in its batch are committed', async () => {
    const outcomes = await Promise.allSettled([
      commits.run(insert(1)),
      commits.run(insert(-1)),
      commits.run(insert(3)),
    ]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(String((outcomes[1] as PromiseRejectedResult).reason)).toContain('CHECK constraint failed');
    expect(values()).toEqual([1, 3]);
  });

  it('rejects every write of a batch whose transaction cannot start, and writes none', async () => {
    const other = openSqliteDatabase(join(dir.path, 'items.sqlite'));
    other.pragma('busy_timeout = 0');
    db.pragma('busy_timeout = 0');
    other.exec('BEGIN IMMEDIATE');
    const outcomes = await Promise.allSettled([commits.run(insert(1)), commits.run(insert(2))]);
    other.exec('ROLLBACK');
    other.close();
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected']);
    expect(values()).toEqual([]);
  });

  it('flush commits what is pending at once, before the write is awaited', async () => {
    const pending = commits.run(insert(7));
    expect(values()).toEqual([]);
    commits.flush();
    expect(values()).toEqual([7]);
    await expect(pending).resolves.toBeDefined();
  });
});

describe('SqliteStorage with group commit', () => {
  it('applies a write queued just before a deleteByPrefix first, so forgetting a user leaves nothing behind', async () => {
    const dir = makeTempDir('group-commit-forget');
    const storage = new SqliteStorage({ filePath: join(dir.path, 'workups.sqlite') });
    const written = storage.write({ 'workup/msteams/user-1/chat-2': { step: 'alp' } });
    expect(await storage.deleteByPrefix('workup/msteams/user-1/')).toBe(1);
    await written;
    expect(await storage.read(['workup/msteams/user-1/chat-2'])).toEqual({});
    await storage.close();
    dir.remove();
  });

  it('keeps eTag semantics inside one batch: of two writers holding the same eTag, exactly one wins', async () => {
    const dir = makeTempDir('group-commit-etag');
    const storage = new SqliteStorage({ filePath: join(dir.path, 'workups.sqlite') });
    const key = 'workup/webchat/u/c';
    await storage.write({ [key]: { step: 'alp' } });
    const eTag = (await storage.read([key]))[key]!.eTag as string;
    const outcomes = await Promise.allSettled([
      storage.write({ [key]: { step: 'context', eTag } }),
      storage.write({ [key]: { step: 'redFlags', eTag } }),
    ]);
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect((await storage.read([key]))[key]).toMatchObject({ step: 'context' });
    await storage.close();
    dir.remove();
  });
});
