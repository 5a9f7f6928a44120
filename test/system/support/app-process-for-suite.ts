import path from 'node:path';
import { makeDataDir, startAppProcess, type AppProcess } from './app-process';
import type { StorageUnderTest } from './storage-under-test';

export interface SuiteAppProcess<S extends StorageUnderTest> {
  /** The suite's data directory (the process's working directory); it exists from the call on. */
  dataDir: string;
  /** The process running now; from the suite's beforeAll on. */
  app(): AppProcess;
  /** The store the process was pointed at. */
  storage(): S;
  /** Starts a new process on the same store and environment (after kill(), say); the one before is stopped first if it still runs. */
  startAgain(): Promise<AppProcess>;
}

export interface SuiteAppOptions<S extends StorageUnderTest> {
  /** Variables beyond the defaults (LOG_LEVEL=info and the store's); given the data directory. */
  env?: Record<string, string> | ((dataDir: string) => Record<string, string>);
  /** The store; by default a SQLite file in the data directory that nothing disposes but the directory's removal. */
  storage?: (dataDir: string) => S | Promise<S>;
}

const sqliteInDataDir = (dataDir: string): StorageUnderTest => ({
  env: { SQLITE_PATH: path.join(dataDir, 'alp.sqlite') },
  dispose: async () => undefined,
});

/**
 * One app process for a describe block: a data directory of its own, the store opened and the
 * process started (waiting for its "listening" line) in a beforeAll, and in an afterAll the process
 * stopped gracefully (SIGTERM, then its output streams drained, so app().output() is whole), the
 * store disposed and the directory removed. jest runs a block's hooks in the order they are
 * declared: a beforeAll or afterAll declared before this call runs before the start or the stop, one
 * declared after it runs after them. A test may stop the process itself to read its whole log; the
 * afterAll's stop is then a no-op.
 */
export function appProcessForSuite<S extends StorageUnderTest = StorageUnderTest>(
  label: string,
  options: SuiteAppOptions<S> = {},
): SuiteAppProcess<S> {
  const dataDir = makeDataDir(label);
  let storage: S | undefined;
  let running: AppProcess | undefined;
  const openStorage = options.storage ?? (sqliteInDataDir as (dir: string) => S);
  const env = () => {
    const extra = typeof options.env === 'function' ? options.env(dataDir.path) : (options.env ?? {});
    return { LOG_LEVEL: 'info', ...storage?.env, ...extra };
  };
  const start = async () => {
    running = await startAppProcess(env(), dataDir.path);
    return running;
  };

  beforeAll(async () => {
    storage = await openStorage(dataDir.path);
    await start();
  });
  afterAll(async () => {
    await running?.stop();
    await storage?.dispose();
    dataDir.remove();
  });

  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined)
      throw new Error(`The ${label} suite's ${what} is not there: its beforeAll failed or has not run.`);
    return value;
  };
  return {
    dataDir: dataDir.path,
    app: () => started(running, 'app process'),
    storage: () => started(storage, 'store'),
    startAgain: async () => {
      await running?.stop();
      return start();
    },
  };
}
