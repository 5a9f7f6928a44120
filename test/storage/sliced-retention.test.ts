import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Client } from 'pg';
import {
  PostgresAuditTable,
  PostgresStorage,
  WORKUP_PARTITIONS,
  SqliteAuditTable,
  SqliteStorage,
  type AuditRecord,
} from '../../src/storage';
import { deleteInSlices } from '../../src/storage/sliced-delete';
import { keyPartition } from '../../src/storage/key-partition';
import { makeTempDir } from './support/temp-dir';
import { dropSchema, requireTestDatabaseUrl, uniqueSchemaName } from './support/test-postgres';

const OLD = new Date('2026-01-01T00:00:00Z');
const NEW = new Date('2026-03-01T00:00:00Z');
const CUTOFF = new Date('2026-02-01T00:00:00Z');
const EXPIRED = 35;

function auditRecord(at: Date, n: number): AuditRecord {
  return {
    at,
    channelId: 'msteams',
    conversationHash: `c${n}`,
    userHash: `u${n % 3}`,
    step: 'alp',
    event: 'answer-text',
    ruleIds: [],
    contentVersion: '1',
    redFlags: [],
    pattern: null,
    origin: null,
    urgent: null,
  };
}

const keysOf = (count: number, label: string) =>
  Array.from({ length: count }, (_, n) => `workup/msteams/${label}${n}/c`);

describe('deleteInSlices', () => {
  it('deletes until a slice comes back short, and stops at the next slice once aborted', async () => {
    let left = 100;
    const slices: number[] = [];
    const take = (limit: number) => {
      const deleted = Math.min(limit, left);
      left -= deleted;
      slices.push(deleted);
      return deleted;
    };
    expect(await deleteInSlices(take, { firstSliceRows: 20 })).toBe(100);
    expect(left).toBe(0);
    expect(slices[0]).toBe(20);
    expect(slices.length).toBeGreaterThan(1);
    // A slice grows at most twofold, so one fast slice cannot make the next one stall the loop.
    slices.slice(1).forEach((size, index) => expect(size).toBeLessThanOrEqual(slices[index]! * 2));

    left = 100;
    const stopping = new AbortController();
    const deleted = await deleteInSlices(take, {
      firstSliceRows: 20,
      onSlice: () => stopping.abort(),
      signal: stopping.signal,
    });
    expect(deleted).toBe(20);
    expect(left).toBe(80);
  });
});

describe('SQLite retention in slices', () => {
  it('deletes every expired workup in several slices and answers other work between them', async () => {
    const dir = makeTempDir('sliced-sweep');
    const filePath = join(dir.path, 'workups.sqlite');
    let clock = OLD;
    const storage = new SqliteStorage({ filePath, now: () => clock });
    const expired = keysOf(EXPIRED, 'old');
    await storage.write(Object.fromEntries(expired.map((key) => [key, { n: 1 }])));
    clock = NEW;
    await storage.write({ 'workup/msteams/fresh/c': { n: 2 } });
    const count = () =>
      (storage as unknown as { db: Database.Database }).db
        .prepare('SELECT count(*) AS n FROM workup_items')
        .get() as { n: number };

    const slices: number[] = [];
    const sweeping = storage.sweep(CUTOFF, { firstSliceRows: 10, onSlice: (n) => slices.push(n) });
    // Runs at the first yield: part of the sweep is done, and a turn's write gets through.
    const between = new Promise<number>((resolve) =>
      setImmediate(() => {
        resolve(count().n);
        void storage.write({ 'workup/msteams/between/c': { n: 3 } });
      }),
    );

    expect(await sweeping).toBe(EXPIRED);
    const seenBetween = await between;
    expect(seenBetween).toBeGreaterThan(1);
    expect(seenBetween).toBeLessThan(EXPIRED + 1);
    expect(slices.length).toBeGreaterThanOrEqual(2);
    expect(
      Object.keys(
        await storage.read([...expired, 'workup/msteams/fresh/c', 'workup/msteams/between/c']),
      ).sort(),
    ).toEqual(['workup/msteams/between/c', 'workup/msteams/fresh/c']);
    await storage.close();
    dir.remove();
  });

  it('deletes every expired audit row in slices and keeps the newer ones', async () => {
    const dir = makeTempDir('sliced-audit');
    const table = new SqliteAuditTable(join(dir.path, 'audit.sqlite'));
    await Promise.all(Array.from({ length: EXPIRED }, (_, n) => table.append(auditRecord(OLD, n))));
    await table.append(auditRecord(NEW, 99));
    const slices: number[] = [];

    expect(await table.deleteBefore(CUTOFF, { firstSliceRows: 10, onSlice: (n) => slices.push(n) })).toBe(
      EXPIRED,
    );

    expect(slices.length).toBeGreaterThanOrEqual(2);
    expect((await table.query({})).map((row) => row.conversationHash)).toEqual(['c99']);
    await table.close();
    dir.remove();
  });

  it('finds a user\'s workups for "forget me" through the key index, not by reading the table', () => {
    const dir = makeTempDir('forget-plan');
    const storage = new SqliteStorage({ filePath: join(dir.path, 'workups.sqlite') });
    const { db, deletePrefixRange } = storage as unknown as {
      db: Database.Database;
      deletePrefixRange: Database.Statement;
    };
    const plan = db
      .prepare(`EXPLAIN QUERY PLAN ${deletePrefixRange.source}`)
      .all({ prefix: 'a/', upper: 'a0' }) as { detail: string }[];
    expect(plan.map((step) => step.detail).join('\n')).toMatch(
      /SEARCH workup_items USING INDEX .*\(key>\? AND key<\?\)/,
    );
    void storage.close();
    dir.remove();
  });
});

describe('PostgreSQL retention in slices and "forget me" by key range', () => {
  const connectionString = requireTestDatabaseUrl();
  const schema = uniqueSchemaName('sliced');

  afterAll(() => dropSchema(connectionString, schema));

  it('deletes every expired workup and audit row in several slices and keeps the newer ones', async () => {
    let clock = OLD;
    const storage = await PostgresStorage.open({ connectionString, schema, now: () => clock });
    const audit = await PostgresAuditTable.open({ connectionString, schema });
    const expired = keysOf(EXPIRED, 'old');
    await storage.write(Object.fromEntries(expired.map((key) => [key, { n: 1 }])));
    for (let n = 0; n < EXPIRED; n += 1) await audit.append(auditRecord(OLD, n));
    clock = NEW;
    await storage.write({ 'workup/msteams/fresh/c': { n: 2 } });
    await audit.append(auditRecord(NEW, 99));
    const workupSlices: number[] = [];
    const auditSlices: number[] = [];

    expect(await storage.sweep(CUTOFF, { firstSliceRows: 10, onSlice: (n) => workupSlices.push(n) })).toBe(
      EXPIRED,
    );
    expect(
      await audit.deleteBefore(CUTOFF, { firstSliceRows: 10, onSlice: (n) => auditSlices.push(n) }),
    ).toBe(EXPIRED);

    expect(workupSlices.length).toBeGreaterThanOrEqual(2);
    expect(auditSlices.length).toBeGreaterThanOrEqual(2);
    expect(Object.keys(await storage.read([...expired, 'workup/msteams/fresh/c']))).toEqual([
      'workup/msteams/fresh/c',
    ]);
    expect((await audit.query({})).map((row) => row.conversationHash)).toEqual(['c99']);
    await Promise.all([storage.close(), audit.close()]);
  });

  it('moves a store of the plain layout into partitions: every row kept, "forget me" on one partition by its index', async () => {
    const oldSchema = uniqueSchemaName('premigration');
    const client = new Client({ connectionString });
    await client.connect();
    try {
      await client.query(`CREATE SCHEMA "${oldSchema}"`);
      // The layout every store had before the workups were partitioned by owner.
      await client.query(`CREATE TABLE "${oldSchema}".workup_items (
        key text PRIMARY KEY, etag text NOT NULL, data text NOT NULL, written_at timestamptz NOT NULL)`);
      await client.query(`CREATE INDEX workup_items_written_at ON "${oldSchema}".workup_items (written_at)`);
      await client.query(
        `CREATE INDEX workup_items_key_bytes ON "${oldSchema}".workup_items (key COLLATE "C")`,
      );
      await client.query(
        `INSERT INTO "${oldSchema}".workup_items
           SELECT 'workup/msteams/user' || i || '/c', 'e' || i, '{"n":' || i || '}', now() FROM generate_series(1, 50) AS i`,
      );

      const storage = await PostgresStorage.open({ connectionString, schema: oldSchema });
      const layout = await client.query<{ relname: string; relkind: string }>(
        `SELECT relname, relkind FROM pg_class WHERE relnamespace = $1::regnamespace AND relname LIKE 'workup_items%'
         AND relkind IN ('r', 'p') ORDER BY relname`,
        [oldSchema],
      );
      expect(layout.rows.filter((row) => row.relkind === 'p').map((row) => row.relname)).toEqual([
        'workup_items',
      ]);
      expect(layout.rows.filter((row) => row.relkind === 'r')).toHaveLength(WORKUP_PARTITIONS);
      const { rows } = await client.query<{ n: string }>(
        `SELECT count(*) AS n FROM "${oldSchema}".workup_items`,
      );
      expect(rows[0]!.n).toBe('50');
      // Each row kept its eTag and data, readable and writable under the eTag it had.
      const user7 = 'workup/msteams/user7/c';
      expect(await storage.read([user7, 'workup/msteams/user8/c'])).toEqual({
        [user7]: { n: 7, eTag: 'e7' },
        'workup/msteams/user8/c': { n: 8, eTag: 'e8' },
      });
      await storage.write({ 'workup/msteams/user8/c': { n: 80, eTag: 'e8' } });

      // "Forget me" names the user's partition and finds the rows there through an index.
      const partition = `"${oldSchema}".workup_items_p${String(keyPartition(user7)).padStart(3, '0')}`;
      await client.query(`ANALYZE ${partition}`);
      await client.query('SET enable_seqscan = off');
      const plan = await client.query<{ 'QUERY PLAN': string }>(
        `EXPLAIN DELETE FROM ${partition}
         WHERE key COLLATE "C" >= 'workup/msteams/user7/' AND key COLLATE "C" < 'workup/msteams/user70'
           AND starts_with(key, 'workup/msteams/user7/')`,
      );
      expect(plan.rows.map((row) => row['QUERY PLAN']).join('\n')).toMatch(
        /Index Scan using workup_items_p\d{3}_key_idx/,
      );
      expect(await storage.deleteByPrefix('workup/msteams/user7/')).toBe(1);
      expect(await storage.deleteByPrefix('workup/msteams/user1')).toBe(11);
      const left = await client.query<{ n: string }>(`SELECT count(*) AS n FROM "${oldSchema}".workup_items`);
      expect(left.rows[0]!.n).toBe('38');
      expect(Object.keys(await storage.read([user7, 'workup/msteams/user8/c']))).toEqual([
        'workup/msteams/user8/c',
      ]);
      await storage.close();
    } finally {
      await client.end();
      await dropSchema(connectionString, oldSchema);
    }
  });
});
