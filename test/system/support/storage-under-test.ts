import path from 'node:path';
import { createFreshDatabase } from './fresh-database';

/** The environment that points the app at one empty store, and how to remove it afterwards. */
export interface StorageUnderTest {
  env: Record<string, string>;
  dispose(): Promise<void>;
}

export type StorageKind = 'SQLite' | 'PostgreSQL';

/**
 * SQLite: a file in a directory that does not exist yet (start-up creates it, as `npm start`
 * creates ./data). PostgreSQL: an empty database of its own on TEST_DATABASE_URL's server.
 */
export async function openStorageUnderTest(kind: StorageKind, dataDir: string): Promise<StorageUnderTest> {
  if (kind === 'SQLite') {
    return {
      env: { SQLITE_PATH: path.join(dataDir, 'data', 'alp-workup.sqlite') },
      dispose: async () => undefined,
    };
  }
  const database = await createFreshDatabase('restart');
  return { env: { DATABASE_URL: database.url }, dispose: () => database.drop() };
}
