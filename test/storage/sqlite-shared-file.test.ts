import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createStorage, type AuditEntry } from '../../src/storage';
import { makeTempDir } from './support/temp-dir';

const entry: AuditEntry = {
  at: new Date('2026-06-01T12:00:00Z'),
  channelId: 'msteams',
  conversationId: 'conversation',
  userId: 'user',
  step: 'origin',
  event: 'answer-text',
  ruleIds: [],
  contentVersion: '1',
  redFlags: [],
};

const KEY = 'workup/msteams/user/conversation';

/** What another connection (another process, the audit CLI) sees committed in the file. */
function committed(path: string): { workups: number; auditRows: number } {
  const db = new Database(path, { readonly: true });
  try {
    const count = (table: string) =>
      (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    return { workups: count('workup_items'), auditRows: count('audit_entries') };
  } finally {
    db.close();
  }
}

describe('the SQLite workup store and audit table of createStorage', () => {
  it("commit a turn's workup write and its audit entry in one transaction when they arrive in the same turn of the event loop", async () => {
    const dir = makeTempDir('shared-file');
    const path = join(dir.path, 'alp.sqlite');
    const opened = await createStorage({ sqlitePath: path, auditSalt: 'shared-file-test-salt-0123' });
    try {
      const written = opened.storage.write({ [KEY]: { step: 'ggt' } });
      // Queued between the two: on two connections, each with its own group commit, this saw the
      // workup committed and its audit entry not yet (two transactions, two WAL writes).
      const between = new Promise<{ workups: number; auditRows: number }>((resolve) =>
        setImmediate(() => resolve(committed(path))),
      );
      const recorded = opened.audit.record(entry);
      expect(await between).toEqual({ workups: 1, auditRows: 1 });
      await Promise.all([written, recorded]);

      // Each still fails alone: a workup write refused for its stale eTag leaves the audit entry
      // committed with it standing.
      const stale = opened.storage.write({ [KEY]: { step: 'alt', eTag: 'stale' } });
      const conflict = opened.audit.record({ ...entry, event: 'conflict' });
      await expect(stale).rejects.toThrow();
      await conflict;
      expect(committed(path)).toEqual({ workups: 1, auditRows: 2 });
      expect((await opened.storage.read([KEY]))[KEY]).toMatchObject({ step: 'ggt' });
    } finally {
      await opened.close();
      dir.remove();
    }
  });

  it('closes the shared connection only when both have closed', async () => {
    const dir = makeTempDir('shared-close');
    const path = join(dir.path, 'alp.sqlite');
    const opened = await createStorage({ sqlitePath: path, auditSalt: 'shared-file-test-salt-0123' });
    await opened.storage.close();
    await opened.audit.record(entry);
    expect((await opened.audit.query({})).map((row) => row.step)).toEqual(['origin']);
    await opened.close();
    await opened.close();
    expect(committed(path)).toEqual({ workups: 0, auditRows: 1 });
    dir.remove();
  });
});
