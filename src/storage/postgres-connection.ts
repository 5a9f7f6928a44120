import { Pool, type PoolClient } from 'pg';

/**
 * How long PostgreSQL may take before a request fails instead of hanging (a server that stopped
 * answering, a lock held elsewhere, a transaction left open), and how many connections to keep.
 */
export interface PostgresLimits {
  /** Opening a connection, or waiting for a free one in the pool. */
  connectTimeoutMs: number;
  /** Server-side `statement_timeout`; the client gives up one second later if the server is silent. */
  statementTimeoutMs: number;
  /** Server-side `idle_in_transaction_session_timeout`: a connection stuck mid-transaction is cut. */
  idleInTransactionTimeoutMs: number;
  poolMax: number;
  /** An idle pooled connection is closed after this long. */
  poolIdleMs: number;
}

export const DEFAULT_POSTGRES_LIMITS: PostgresLimits = {
  connectTimeoutMs: 5_000,
  statementTimeoutMs: 10_000,
  idleInTransactionTimeoutMs: 30_000,
  poolMax: 10,
  poolIdleMs: 30_000,
};

/** The client waits this much longer than `statement_timeout`, so the server's clearer error usually wins. */
const CLIENT_TIMEOUT_MARGIN_MS = 1_000;

export interface PostgresConnectionOptions {
  connectionString: string;
  /** Timeouts and pool size; defaults to `DEFAULT_POSTGRES_LIMITS`. */
  limits?: PostgresLimits;
  /** The schema holding the tables (created if missing); tests use one per run. Default `public`. */
  schema?: string;
  /**
   * Failures outside any request, for the logger: an idle connection's (e.g. a database restart;
   * queries after it reconnect or fail visibly), or the audit table's VACUUM after a forgetting.
   */
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
  const limits = options.limits ?? DEFAULT_POSTGRES_LIMITS;
  const pool = new Pool({
    connectionString: options.connectionString,
    connectionTimeoutMillis: limits.connectTimeoutMs,
    statement_timeout: limits.statementTimeoutMs,
    // A server that accepts and then never answers sends no error at all: the client must stop waiting.
    query_timeout: limits.statementTimeoutMs + CLIENT_TIMEOUT_MARGIN_MS,
    idle_in_transaction_session_timeout: limits.idleInTransactionTimeoutMs,
    max: limits.poolMax,
    idleTimeoutMillis: limits.poolIdleMs,
  });
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
 * Runs idempotent DDL (statements, or a function issuing them on the transaction's connection) under a
 * transaction-scoped advisory lock: several bot instances starting at once would otherwise race on
 * `CREATE ... IF NOT EXISTS` and fail with duplicate-key errors.
 */
export function migrate(
  pool: Pool,
  schema: string,
  statements: string[] | ((client: PoolClient) => Promise<void>),
): Promise<void> {
  return inTransaction(pool, async (client) => {
    await client.query("SELECT pg_advisory_xact_lock(hashtext('alp-workup-schema'))");
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    if (typeof statements === 'function') {
      await statements(client);
      return;
    }
    for (const statement of statements) {
      await client.query(statement);
    }
  });
}
