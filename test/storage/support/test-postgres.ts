import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/**
 * The PostgreSQL suites must run, not skip: a missing server is a failure with instructions.
 */
export function requireTestDatabaseUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    throw new Error(
      'TEST_DATABASE_URL is not set, so the PostgreSQL storage tests cannot run. Start a throwaway server with\n' +
        '  eval "$(bash scripts/start-test-postgres.sh)"\n' +
        '(set TEST_PG_PORT for another port) or run bash .ci/run, which does it for you.',
    );
  }
  return url;
}

/** A schema name unique to this test run, so parallel jest workers never share tables. */
export function uniqueSchemaName(label: string): string {
  return `test_${label}_${process.pid}_${randomBytes(4).toString('hex')}`;
}

export async function dropSchema(connectionString: string, schema: string): Promise<void> {
  const client = new Client({ connectionString });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}
