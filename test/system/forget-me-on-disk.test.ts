import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { AuditIdHasher } from '../../src/storage/audit-id-hasher';
import { requireTestDatabaseUrl } from '../storage/support/test-postgres';
import { appProcessForSuite } from './support/app-process-for-suite';
import { createFreshDatabase, type FreshDatabase } from './support/fresh-database';
import { WorkupClient } from './support/workup-client';
import { WORKUP_ANSWERS, answer } from './support/workup-script';

jest.setTimeout(180_000);

const SALT = 'forget-me-test-salt-0123456789';
const FORGOTTEN = new WorkupClient('conversation-FORGET-7Qw2', 'clinician-FORGET-Jm5x');
const KEPT = new WorkupClient('conversation-KEEP-3Rt9', 'clinician-KEEP-Wd8c');

/** The forgotten clinician's own case: values no other workup here has. */
const FORGOTTEN_ANSWERS = [
  'ALP 873 U/L (ULN 129), baseline ALP 111\n' +
    'ALT 37/41, AST 29/42, T bili 0.9 mg/dL (ULN 1.3), INR 1.0, Ca 2.44 mmol/L (ULN 2.6), albumin 36 g/L\n' +
    'GGT 33 (ULN 67)',
  'carfilzomib week 5, steroids yes, no fracture, not pregnant, fasting',
];

const hasher = new AuditIdHasher(SALT);

/** What identifies each clinician's data in the raw bytes: ids, lab values as stored, the drug. */
function tracesOf(client: WorkupClient, values: string[]): string[] {
  return [client.userId, client.conversationId, ...values];
}
const FORGOTTEN_TRACES = tracesOf(FORGOTTEN, [
  '"alp":{"value":873',
  '"alt":{"value":37',
  '"ggt":{"value":33',
  '"bilirubinTotal":{"value":0.9',
  '"agent":"carfilzomib"',
]);
const KEPT_TRACES = tracesOf(KEPT, ['"alp":{"value":987', '"agent":"bortezomib"']);

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

/** Which of `needles` occur anywhere in the files' raw bytes. */
function found(files: string[], needles: string[]): string[] {
  const contents = files.filter((file) => existsSync(file)).map((file) => readFileSync(file));
  return needles.filter((needle) => contents.some((bytes) => bytes.includes(needle)));
}

interface StoreOnDisk {
  env: Record<string, string>;
  /**
   * Whether the forgotten user's audit hash is gone from the files too. On PostgreSQL the audit
   * table gets a plain VACUUM, not a rewrite (see PostgresAuditTable.deleteByUserHash): the rows
   * leave its indexes, but their bytes, hashes and tokens with no lab value, stay in free space.
   */
  erasesAuditHash: boolean;
  /** The files holding this store's tables, with everything the database had buffered written out. */
  files(): Promise<string[]>;
  dispose(): Promise<void>;
}

function sqliteOnDisk(dir: string): StoreOnDisk {
  const file = path.join(dir, 'alp.sqlite');
  return {
    env: { SQLITE_PATH: file },
    erasesAuditHash: true,
    files: async () => [file, `${file}-wal`, `${file}-shm`],
    dispose: async () => undefined,
  };
}

/** TEST_PG_DATA (CI exports it), else the server's own answer: the tests connect as a superuser. */
async function postgresOnDisk(): Promise<StoreOnDisk> {
  const database: FreshDatabase = await createFreshDatabase('forget');
  const admin = new Client({ connectionString: requireTestDatabaseUrl() });
  await admin.connect();
  const dataDir =
    process.env.TEST_PG_DATA ??
    (await admin.query<{ d: string }>("SELECT current_setting('data_directory') AS d")).rows[0]?.d ??
    '';
  const oid = (
    await admin.query<{ oid: number }>('SELECT oid FROM pg_database WHERE datname = $1', [
      new URL(database.url).pathname.slice(1),
    ])
  ).rows[0]?.oid;
  const databaseDir = path.join(dataDir, 'base', String(oid));
  if (!existsSync(databaseDir)) {
    throw new Error(
      `Cannot read the PostgreSQL data directory ${databaseDir}: set TEST_PG_DATA to the test cluster's data directory.`,
    );
  }
  return {
    env: { DATABASE_URL: database.url },
    erasesAuditHash: false,
    files: async () => {
      await admin.query('CHECKPOINT');
      // Tables, indexes and TOAST the app created; the system catalogs (file numbers below 16384,
      // PostgreSQL's first user object id) hold nothing of the app's.
      return filesUnder(databaseDir).filter((file) => Number.parseInt(path.basename(file), 10) >= 16384);
    },
    dispose: async () => {
      await admin.end();
      await database.drop();
    },
  };
}

describe.each(['SQLite', 'PostgreSQL'] as const)('"forget me" on %s leaves nothing in the files', (kind) => {
  const suite = appProcessForSuite(`forget-${kind.toLowerCase()}`, {
    env: { AUDIT_SALT: SALT },
    storage: (dataDir): StoreOnDisk | Promise<StoreOnDisk> =>
      kind === 'SQLite' ? sqliteOnDisk(dataDir) : postgresOnDisk(),
  });

  it('erases the forgotten clinician from the database files and their WAL, while running and after shutdown', async () => {
    const forgotten = [
      ...FORGOTTEN_TRACES,
      ...(suite.storage().erasesAuditHash ? [hasher.user('msteams', FORGOTTEN.userId)] : []),
    ];
    await answer(KEPT, WORKUP_ANSWERS.slice(0, 2), () => suite.app().url);
    await answer(FORGOTTEN, FORGOTTEN_ANSWERS, () => suite.app().url);
    // Several versions of each workup: every turn rewrote it.
    await FORGOTTEN.say(suite.app().url, 'summary');
    await answer(KEPT, WORKUP_ANSWERS.slice(2, 3), () => suite.app().url);
    expect(found(await suite.storage().files(), [...forgotten, ...KEPT_TRACES])).toEqual([
      ...forgotten,
      ...KEPT_TRACES,
    ]);

    expect((await FORGOTTEN.say(suite.app().url, 'forget me')).shown).toContain('Delete all your workups?');
    expect((await FORGOTTEN.say(suite.app().url, 'yes')).shown).toContain('I deleted your workups');
    expect(found(await suite.storage().files(), forgotten)).toEqual([]);

    await suite.app().stop();
    expect(found(await suite.storage().files(), forgotten)).toEqual([]);
    expect(found(await suite.storage().files(), KEPT_TRACES)).toEqual(KEPT_TRACES);
  });
});
