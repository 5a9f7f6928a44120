import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  createStorage,
  isETagConflict,
  PostgresStorage,
  SqliteStorage,
  type AuditEntry,
} from '../../src/storage';
import { makeTempDir } from './support/temp-dir';
import { dropSchema, requireTestDatabaseUrl, uniqueSchemaName } from './support/test-postgres';

const auditSalt = 'create-storage-test-salt';

const entry: AuditEntry = {
  at: new Date('2026-06-01T12:00:00Z'),
  channelId: 'msteams',
  conversationId: 'conversation',
  userId: 'user',
  step: 'assessment',
  event: 'assessment-shown',
  ruleIds: ['R-01'],
  contentVersion: '1',
  redFlags: [],
  outcome: { pattern: 'isolated', origin: 'bone', urgent: false },
};

describe('createStorage', () => {
  it('opens workups and the audit trail in one SQLite file when there is no database URL', async () => {
    const dir = makeTempDir('create-sqlite');
    const sqlitePath = join(dir.path, 'data', 'alp-workup.sqlite');

    const first = await createStorage({ sqlitePath, auditSalt, databaseUrl: '' });
    expect(first.storage).toBeInstanceOf(SqliteStorage);
    await first.storage.write({ 'workup/msteams/user/conversation': { step: 'ggt' } });
    await first.audit.record(entry);
    await first.close();
    expect(existsSync(sqlitePath)).toBe(true);

    const second = await createStorage({ sqlitePath, auditSalt });
    expect(await second.storage.read(['workup/msteams/user/conversation'])).toEqual({
      'workup/msteams/user/conversation': { step: 'ggt', eTag: expect.any(String) },
    });
    expect((await second.audit.summary()).outcomes.pattern.isolated).toBe(1);
    expect(await second.audit.forgetUser('msteams', 'user')).toBe(1);
    await second.close();
    dir.remove();
  });

  it('opens PostgreSQL when a database URL is set', async () => {
    const databaseUrl = requireTestDatabaseUrl();
    const postgresSchema = uniqueSchemaName('create');
    const dir = makeTempDir('create-pg');
    const sqlitePath = join(dir.path, 'unused.sqlite');

    const opened = await createStorage({ databaseUrl, postgresSchema, sqlitePath, auditSalt });
    const item = { step: 'alp' };
    await opened.storage.write({ k: item });
    const stale = opened.storage.write({ k: { step: 'ggt', eTag: 'not-the-current-etag' } });
    await opened.audit.record(entry);

    expect(opened.storage).toBeInstanceOf(PostgresStorage);
    expect(isETagConflict(await stale.catch((error: unknown) => error))).toBe(true);
    expect(await opened.audit.query()).toHaveLength(1);
    await expect(opened.storage.ping()).resolves.toBeUndefined();
    expect(existsSync(sqlitePath)).toBe(false);

    await opened.close();
    await dropSchema(databaseUrl, postgresSchema);
    dir.remove();
  });

  it('refuses a short audit salt before creating any file', async () => {
    const dir = makeTempDir('create-salt');
    const sqlitePath = join(dir.path, 'data', 'alp-workup.sqlite');

    await expect(createStorage({ sqlitePath, auditSalt: 'short' })).rejects.toThrow('at least 16 characters');
    expect(existsSync(join(dir.path, 'data'))).toBe(false);
    dir.remove();
  });
});
