import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import path from 'node:path';
import { Client } from 'pg';
import { LOCAL_AUDIT_SALT } from '../../src/config/config-schema';
import { makeDataDir, runAppUntilExit, startAppProcess } from './support/app-process';
import { createFreshDatabase } from './support/fresh-database';

jest.setTimeout(120_000);

const production = {
  MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
  MicrosoftAppPassword: 'not-a-real-password',
  LOG_LEVEL: 'info',
};

/** The user a root test process runs the app as, so that file permissions apply to it. */
const UNPRIVILEGED = 65534;
const asUnprivileged = process.getuid?.() === 0 ? { uid: UNPRIVILEGED } : {};

/** Exit code 1, and the one line that says why somewhere in what the process printed. */
async function expectRefusal(env: Record<string, string>, cwd: string, why: RegExp, options = {}) {
  const exited = await runAppUntilExit(env, cwd, options);
  expect(exited.code).toBe(1);
  const lines = `${exited.stdout}${exited.stderr}`.split('\n').filter((line) => why.test(line));
  expect(lines).toHaveLength(1);
  expect(`${exited.stdout}${exited.stderr}`).not.toMatch(/^\s+at /m);
}

describe('start-up refuses what would fail later (real server processes)', () => {
  const dataDir = makeDataDir('refusals');
  afterAll(() => dataDir.remove());
  const sqlite = () => ({ SQLITE_PATH: path.join(dataDir.path, 'alp.sqlite') });

  it.each([
    ['the public local default', LOCAL_AUDIT_SALT, /AUDIT_SALT: is the public local-development value/],
    ['16 x "a"', 'a'.repeat(16), /AUDIT_SALT: has fewer than 8 different characters/],
    ['a short repeated pattern', 'abab'.repeat(8), /AUDIT_SALT: has fewer than 8 different characters/],
    ['one too short', 'Sh0rt-salt', /AUDIT_SALT: must be at least 16 characters/],
  ])('refuses %s as the production AUDIT_SALT', async (_case, salt, why) => {
    await expectRefusal({ ...production, ...sqlite(), AUDIT_SALT: salt }, dataDir.path, why);
  });

  it.each(['https://*', '*', "'self' https://*.example.org", 'https://intranet.example.org *'])(
    'refuses the wildcard FRAME_ANCESTORS %s',
    async (ancestors) => {
      await expectRefusal(
        { ...sqlite(), FRAME_ANCESTORS: ancestors },
        dataDir.path,
        /FRAME_ANCESTORS: must not contain a wildcard/,
      );
    },
  );

  it.each([
    ['/proc/x/y', /SQLITE_PATH \/proc\/x\/y is under \/proc/],
    ['/sys/alp/alp.sqlite', /is under \/sys/],
    ['/dev/shm/alp.sqlite', /is under \/dev/],
  ])('refuses SQLITE_PATH=%s with one line instead of hanging', async (sqlitePath, why) => {
    await expectRefusal({ SQLITE_PATH: sqlitePath }, dataDir.path, why);
  });

  it('refuses a SQLITE_PATH whose folder is a file, or that is a folder', async () => {
    const file = path.join(dataDir.path, 'a-file');
    writeFileSync(file, 'not a folder');
    await expectRefusal({ SQLITE_PATH: path.join(file, 'alp.sqlite') }, dataDir.path, /is not a directory/);
    const folder = path.join(dataDir.path, 'a-folder');
    mkdirSync(folder);
    await expectRefusal({ SQLITE_PATH: folder }, dataDir.path, /is not a regular file/);
  });

  it('refuses a read-only SQLite database: the file, then also its folder, not writable for the server user', async () => {
    const dir = path.join(dataDir.path, 'read-only');
    mkdirSync(dir);
    chmodSync(dataDir.path, 0o755);
    chmodSync(dir, 0o777);
    const env = { SQLITE_PATH: path.join(dir, 'alp.sqlite'), LOG_LEVEL: 'info' };
    const first = await startAppProcess(env, dir, asUnprivileged);
    await first.stop();
    chmodSync(path.join(dir, 'alp.sqlite'), 0o444);
    await expectRefusal(env, dir, /refuses writes.*could not start/, asUnprivileged);
    chmodSync(dir, 0o555);
    await expectRefusal(env, dir, /the directory .* is not writable.*could not start/, asUnprivileged);
  });

  it('refuses a PostgreSQL database in read-only mode (default_transaction_read_only)', async () => {
    const database = await createFreshDatabase('read_only');
    try {
      const first = await startAppProcess({ DATABASE_URL: database.url, LOG_LEVEL: 'info' }, dataDir.path);
      await first.stop();
      const admin = new Client({ connectionString: database.url });
      await admin.connect();
      await admin.query(
        `ALTER DATABASE "${new URL(database.url).pathname.slice(1)}" SET default_transaction_read_only = on`,
      );
      await admin.end();
      await expectRefusal(
        { DATABASE_URL: database.url, LOG_LEVEL: 'info' },
        dataDir.path,
        /read-only transaction.*could not start/,
      );
    } finally {
      await database.drop();
    }
  });

  it('gives up on a PostgreSQL server that accepts connections and never answers, within the connect timeout', async () => {
    const held = new Set<Socket>();
    const silent: Server = createServer((socket) => held.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as { port: number };
    try {
      await expectRefusal(
        {
          DATABASE_URL: `postgres://postgres@127.0.0.1:${port}/alp`,
          DATABASE_CONNECT_TIMEOUT_SECONDS: '1',
          LOG_LEVEL: 'info',
        },
        dataDir.path,
        /connection timeout.*could not start/,
      );
    } finally {
      for (const socket of held) socket.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });
});
