import { Client } from 'pg';
import { PostgresAuditTable } from '../../src/storage';
import { describeAuditLogContract } from './support/audit-log-contract';
import { dropSchema, requireTestDatabaseUrl, uniqueSchemaName } from './support/test-postgres';

async function withClient<T>(connectionString: string, use: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

describeAuditLogContract('PostgreSQL', async () => {
  const connectionString = requireTestDatabaseUrl();
  const schema = uniqueSchemaName('audit');
  return {
    open: () => PostgresAuditTable.open({ connectionString, schema }),
    rawContents: () =>
      withClient(connectionString, async (client) => {
        const { rows } = await client.query<{ row: string }>(
          `SELECT t::text AS row FROM "${schema}".audit_entries t`,
        );
        return rows.map((row) => row.row).join('\n');
      }),
    dispose: () => dropSchema(connectionString, schema),
  };
});

describe('PostgreSQL audit table', () => {
  it('refuses updates at the database level: append-only', async () => {
    const connectionString = requireTestDatabaseUrl();
    const schema = uniqueSchemaName('audit_update');
    const table = await PostgresAuditTable.open({ connectionString, schema });
    await table.append({
      at: new Date('2026-03-01T00:00:00Z'),
      channelId: 'webchat',
      conversationHash: 'c'.repeat(64),
      userHash: 'u'.repeat(64),
      step: 'alp',
      event: 'answer',
      ruleIds: ['R-01'],
      contentVersion: '1',
      redFlags: [],
      pattern: null,
      origin: null,
      urgent: null,
    });
    await table.close();

    await withClient(connectionString, async (client) => {
      await expect(client.query(`UPDATE "${schema}".audit_entries SET step = 'changed'`)).rejects.toThrow(
        'audit entries are append-only',
      );
      const { rows } = await client.query(`SELECT step FROM "${schema}".audit_entries`);
      expect(rows).toEqual([{ step: 'alp' }]);
    });
    await dropSchema(connectionString, schema);
  });
});

describe('PostgreSQL audit "forget me"', () => {
  const record = (userHash: string) => ({
    at: new Date('2026-03-01T00:00:00Z'),
    channelId: 'webchat',
    conversationHash: 'c'.repeat(64),
    userHash,
    step: 'alp',
    event: 'answer',
    ruleIds: [],
    contentVersion: '1',
    redFlags: [],
    pattern: null,
    origin: null,
    urgent: null,
  });

  it('has deleted the rows when it resolves, and vacuums the table after it, before closing', async () => {
    const connectionString = requireTestDatabaseUrl();
    const schema = uniqueSchemaName('audit_forget');
    const table = await PostgresAuditTable.open({ connectionString, schema });
    await table.append(record('f'.repeat(64)));
    await table.append(record('k'.repeat(64)));
    const vacuums = (client: Client) =>
      client
        .query<{ n: string }>(
          'SELECT vacuum_count AS n FROM pg_stat_user_tables WHERE schemaname = $1 AND relname = $2',
          [schema, 'audit_entries'],
        )
        .then(({ rows }) => Number(rows[0]!.n));

    await withClient(connectionString, async (locker) => {
      // A lock VACUUM needs and a DELETE does not: the forgetting must not wait for the VACUUM.
      await locker.query('BEGIN');
      await locker.query(`LOCK TABLE "${schema}".audit_entries IN SHARE UPDATE EXCLUSIVE MODE`);
      expect(await table.deleteByUserHash('f'.repeat(64))).toBe(1);
      expect((await table.query({})).map((row) => row.userHash)).toEqual(['k'.repeat(64)]);
      expect(await vacuums(locker)).toBe(0);
      await locker.query('COMMIT');
    });
    await table.close();

    await withClient(connectionString, async (client) => expect(await vacuums(client)).toBe(1));
    await dropSchema(connectionString, schema);
  });
});
