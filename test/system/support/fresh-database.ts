import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { requireTestDatabaseUrl } from '../../storage/support/test-postgres';

export interface FreshDatabase {
  /** A DATABASE_URL for the app: same server and credentials as TEST_DATABASE_URL, an empty database. */
  url: string;
  drop(): Promise<void>;
}

async function onServer(serverUrl: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * The app's configuration has no PostgreSQL schema setting (DATABASE_URL only), so each test gets
 * its own database on TEST_DATABASE_URL's server: processes under test never see another test's rows.
 */
export async function createFreshDatabase(label: string): Promise<FreshDatabase> {
  const serverUrl = requireTestDatabaseUrl();
  const name = `alp_system_${label}_${process.pid}_${randomBytes(4).toString('hex')}`;
  await onServer(serverUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    // FORCE: a process killed with -9 may leave its connections open until the server notices.
    drop: () => onServer(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}
