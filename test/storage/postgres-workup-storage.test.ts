import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { PostgresStorage } from '../../src/storage';
import { dropSchema, requireTestDatabaseUrl, uniqueSchemaName } from './support/test-postgres';
import { describeWorkupStorageContract } from './support/workup-storage-contract';

describeWorkupStorageContract('PostgreSQL', async () => {
  const connectionString = requireTestDatabaseUrl();
  const schema = uniqueSchemaName('storage');
  return {
    open: (now) => PostgresStorage.open({ connectionString, schema, now }),
    dispose: () => dropSchema(connectionString, schema),
  };
});

describe('PostgresStorage start-up', () => {
  it('creates its tables idempotently when several instances open at once', async () => {
    const connectionString = requireTestDatabaseUrl();
    const schema = uniqueSchemaName('startup');
    const instances = await Promise.all(
      Array.from({ length: 5 }, () => PostgresStorage.open({ connectionString, schema })),
    );
    await Promise.all(instances.map((instance) => instance.ping()));
    await Promise.all(instances.map((instance) => instance.close()));
    await dropSchema(connectionString, schema);
    expect(instances).toHaveLength(5);
  });

  it('refuses a schema name that is not a plain identifier', async () => {
    const connectionString = requireTestDatabaseUrl();
    await expect(PostgresStorage.open({ connectionString, schema: 'x"; DROP TABLE y; --' })).rejects.toThrow(
      'PostgreSQL schema',
    );
  });
});

describe('PostgresStorage "forget me" beside an older snapshot', () => {
  it("waits for a transaction that could still see the rows, so the rewrite leaves none of the user's bytes", async () => {
    const connectionString = requireTestDatabaseUrl();
    const schema = uniqueSchemaName('forget_snapshot');
    const storage = await PostgresStorage.open({ connectionString, schema });
    const admin = new Client({ connectionString });
    const holder = new Client({ connectionString });
    await Promise.all([admin.connect(), holder.connect()]);
    try {
      const prefix = 'workup/msteams/clinician-SNAPSHOT-8Kq/';
      await storage.write({ [`${prefix}c1`]: { alp: 'ALP-VALUE-6173' } });
      await storage.write({ 'workup/msteams/someone-else/c1': { alp: 'ALP-VALUE-5522' } });
      // A session mid-transaction with a snapshot from before the DELETE (a report, a slow turn).
      await holder.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
      // Its snapshot is taken by its first statement; it holds no lock on the workups.
      await holder.query('SELECT 1');
      const forgetting = storage.deleteByPrefix(prefix);
      setTimeout(() => void holder.query('COMMIT'), 200);
      expect(await forgetting).toBe(1);

      await admin.query('CHECKPOINT');
      const dataDir =
        process.env.TEST_PG_DATA ??
        (await admin.query<{ d: string }>("SELECT current_setting('data_directory') AS d")).rows[0]!.d;
      const { rows } = await admin.query<{ file: string }>(
        `SELECT pg_relation_filepath(c.oid) AS file FROM pg_class c
         WHERE c.relnamespace = $1::regnamespace AND pg_relation_filepath(c.oid) IS NOT NULL`,
        [schema],
      );
      const contents = rows
        .map((row) => path.join(dataDir, row.file))
        .filter((file) => existsSync(file))
        .map((file) => readFileSync(file));
      expect(contents.some((bytes) => bytes.includes('ALP-VALUE-6173'))).toBe(false);
      expect(contents.some((bytes) => bytes.includes('ALP-VALUE-5522'))).toBe(true);
    } finally {
      await Promise.all([admin.end(), holder.end(), storage.close()]);
      await dropSchema(connectionString, schema);
    }
  });
});
