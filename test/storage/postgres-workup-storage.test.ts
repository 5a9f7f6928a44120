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
