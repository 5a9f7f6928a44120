import { Pool, type PoolClient } from 'pg';

export interface PostgresConnectionOptions {
  connectionString: string;
  /** The schema holding the tables (created if missing); tests use one per run. Default `public`. */
  schema?: string;
  /** Idle-connection failures (e.g. a database restart); queries after them reconnect or fail visibly. */
  onConnectionError?: (error: Error) => void;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** Returns the schema name quoted for SQL, after checking it is a plain identifier. */
export function quotedSchema(schema = 'public'): string {
  if (!SCHEMA_NAME.test(schema)) {
    throw new RangeError(
      `PostgreSQL schema "${schema}" must be 1-63 lower-case letters, digits or underscores, not starting with a digit.`,
    );
  }
  return `"${schema}"`;
}

export function createPool(options: PostgresConnectionOptions): Pool {
  const pool = new Pool({ connectionString: options.connectionString });
  // Without a listener, an idle client's error event would crash the process.
  pool.on('error', (error) => options.onConnectionError?.(error));
  return pool;
}

/**
 * Runs `work` in one transaction on one pooled connection: committed if it resolves, rolled back
 * if it throws (the error is rethrown). A connection whose rollback fails is discarded, not reused.
 */
export async function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch((rollbackError: Error) => {
      broken = rollbackError;
    });
    throw error;
  } finally {
    client.release(broken);
  }
}

/**
 * Runs idempotent DDL under a transaction-scoped advisory lock: several bot instances starting at
 * once would otherwise race on `CREATE ... IF NOT EXISTS` and fail with duplicate-key errors.
 */
export function migrate(pool: Pool, schema: string, statements: string[]): Promise<void> {
  return inTransaction(pool, async (client) => {
    await client.query("SELECT pg_advisory_xact_lock(hashtext('alp-workup-schema'))");
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    for (const statement of statements) {
      await client.query(statement);
    }
  });
}
