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
