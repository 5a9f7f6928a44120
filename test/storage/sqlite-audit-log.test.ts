import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteAuditTable } from '../../src/storage';
import { describeAuditLogContract } from './support/audit-log-contract';
import { makeTempDir } from './support/temp-dir';

/** The database file and its write-ahead log, byte for byte: a raw id left in any page shows up. */
function fileContents(filePath: string): string {
  return [filePath, `${filePath}-wal`]
    .filter((path) => existsSync(path))
    .map((path) => readFileSync(path).toString('latin1'))
    .join('\n');
}

describeAuditLogContract('SQLite', async () => {
  const dir = makeTempDir('sqlite-audit');
  const filePath = join(dir.path, 'data', 'audit.sqlite');
  return {
    open: async () => new SqliteAuditTable(filePath),
    rawContents: async () => fileContents(filePath),
    dispose: async () => dir.remove(),
  };
});

describe('SQLite audit table', () => {
  it('refuses updates at the database level: append-only', async () => {
    const dir = makeTempDir('sqlite-audit-update');
    const filePath = join(dir.path, 'audit.sqlite');
    const table = new SqliteAuditTable(filePath);
    await table.append({
      at: new Date('2026-03-01T00:00:00Z'),
      channelId: 'webchat',
      conversationHash: 'c'.repeat(64),
      userHash: 'u'.repeat(64),
      step: 'alp',
      event: 'answer',
      ruleIds: [],
      contentVersion: '1',
      redFlags: [],
      pattern: null,
      origin: null,
      urgent: null,
    });
    await table.close();

    const db = new Database(filePath);
    expect(() => db.prepare("UPDATE audit_entries SET step = 'changed'").run()).toThrow(
      'audit entries are append-only',
    );
    expect(db.prepare('SELECT step FROM audit_entries').all()).toEqual([{ step: 'alp' }]);
    db.close();
    dir.remove();
  });
});
