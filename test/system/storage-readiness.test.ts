import { createConnection, createServer, type Server, type Socket } from 'node:net';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Client } from 'pg';
import { makeDataDir, startAppProcess, type AppProcess } from './support/app-process';
import { createFreshDatabase, type FreshDatabase } from './support/fresh-database';
import { WorkupClient } from './support/workup-client';

jest.setTimeout(120_000);

const readiness = async (app: AppProcess) => (await fetch(`${app.url}/readyz`)).status;

/** Readiness until it reports `status`: a pooled connection the test cut may answer one probe first. */
async function readinessBecomes(app: AppProcess, status: number): Promise<number> {
  let seen = 0;
  for (let probe = 0; probe < 5 && seen !== status; probe += 1) seen = await readiness(app);
  return seen;
}

async function onDatabase<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const databaseName = (url: string) => new URL(url).pathname.slice(1);

/** Cuts the app's connections, so its pool opens new sessions that see the database's new settings. */
const cutOtherSessions = (url: string) =>
  onDatabase(url, (client) =>
    client.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
      [databaseName(url)],
    ),
  );

/**
 * A TCP proxy in front of PostgreSQL that can go silent: once frozen, it accepts connections and
 * reads nothing, forwards nothing and closes nothing, as a hung server or a dead network path does.
 */
async function startFreezableProxy(
  target: URL,
): Promise<{ port: number; freeze(): void; close(): Promise<void> }> {
  let frozen = false;
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    sockets.add(client);
    if (frozen) {
      client.pause();
      return;
    }
    const upstream = createConnection(Number(target.port || 5432), target.hostname);
    sockets.add(upstream);
    client.pipe(upstream);
    upstream.pipe(client);
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as { port: number }).port,
    freeze: () => {
      frozen = true;
      for (const socket of sockets) {
        socket.unpipe();
        socket.pause();
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

const APOLOGY = /Sorry, something went wrong on my side \(error \w+\)/;

describe('readiness proves a write (real server processes)', () => {
  const dataDir = makeDataDir('readiness');
  afterAll(() => dataDir.remove());

  it('SQLite: /readyz turns 503 while the database cannot take a write, and 200 again after', async () => {
    const file = path.join(dataDir.path, 'alp.sqlite');
    const app = await startAppProcess({ SQLITE_PATH: file, LOG_LEVEL: 'info' }, dataDir.path);
    try {
      expect(await readiness(app)).toBe(200);
      // Another process holds the write lock past busy_timeout: reads still work, writes cannot.
      const other = new Database(file);
      other.exec('BEGIN IMMEDIATE');
      expect(other.prepare('SELECT count(*) AS n FROM workup_items').get()).toBeDefined();
      expect(await readiness(app)).toBe(503);
      other.exec('ROLLBACK');
      other.close();
      expect(await readiness(app)).toBe(200);
    } finally {
      await app.stop();
    }
    expect(app.output()).toMatch(/"reason":"database is locked".*readiness check failed/);
  });

  describe('PostgreSQL', () => {
    let database: FreshDatabase;
    beforeAll(async () => {
      database = await createFreshDatabase('readiness');
    });
    afterAll(() => database?.drop());

    it('/readyz turns 503 once the database is read-only (default_transaction_read_only), and 200 after', async () => {
      const app = await startAppProcess({ DATABASE_URL: database.url, LOG_LEVEL: 'info' }, dataDir.path);
      const name = databaseName(database.url);
      try {
        expect(await readiness(app)).toBe(200);
        await onDatabase(database.url, (client) =>
          client.query(`ALTER DATABASE "${name}" SET default_transaction_read_only = on`),
        );
        await cutOtherSessions(database.url);
        expect(await readinessBecomes(app, 503)).toBe(503);
        expect(await readiness(app)).toBe(503);
        await onDatabase(database.url, async (client) => {
          // This session starts read-only too: it must say it writes before it may undo the setting.
          await client.query('SET default_transaction_read_only = off');
          await client.query(`ALTER DATABASE "${name}" SET default_transaction_read_only = off`);
        });
        await cutOtherSessions(database.url);
        expect(await readinessBecomes(app, 200)).toBe(200);
      } finally {
        await app.stop();
      }
      expect(app.output()).toMatch(/read-only transaction.*readiness check failed/);
    });

    it('a turn blocked by a lock another connection holds fails at statement_timeout with the apology', async () => {
      const env = { DATABASE_URL: database.url, DATABASE_STATEMENT_TIMEOUT_SECONDS: '1', LOG_LEVEL: 'info' };
      const app = await startAppProcess(env, dataDir.path);
      const clinician = new WorkupClient('conversation-locked', 'clinician-locked');
      const locker = new Client({ connectionString: database.url });
      await locker.connect();
      try {
        await locker.query('BEGIN');
        await locker.query('LOCK TABLE workup_items IN ACCESS EXCLUSIVE MODE');
        const turn = await clinician.say(app.url, 'start');
        expect(turn.shown).toMatch(APOLOGY);
        await locker.query('ROLLBACK');
        expect((await clinician.say(app.url, 'start')).shown).not.toMatch(APOLOGY);
      } finally {
        await locker.end();
        await app.stop();
      }
      expect(app.output()).toMatch(/"code":"57014".*turn failed/);
    });

    it('a server that stops answering fails /readyz and a turn within the timeouts, without hanging', async () => {
      const proxy = await startFreezableProxy(new URL(database.url));
      const viaProxy = new URL(database.url);
      viaProxy.host = `127.0.0.1:${proxy.port}`;
      const app = await startAppProcess(
        {
          DATABASE_URL: viaProxy.toString(),
          DATABASE_STATEMENT_TIMEOUT_SECONDS: '1',
          DATABASE_CONNECT_TIMEOUT_SECONDS: '1',
          LOG_LEVEL: 'info',
        },
        dataDir.path,
      );
      const clinician = new WorkupClient('conversation-hung', 'clinician-hung');
      try {
        expect(await readiness(app)).toBe(200);
        expect((await clinician.say(app.url, 'start')).shown).not.toMatch(APOLOGY);
        proxy.freeze();
        expect(await readiness(app)).toBe(503);
        expect((await clinician.say(app.url, 'summary')).shown).toMatch(APOLOGY);
      } finally {
        await app.stop();
        await proxy.close();
      }
      expect(app.output()).toMatch(
        /"reason":"(Query read timeout|timeout exceeded when trying to connect)".*readiness check failed/,
      );
    });
  });
});
