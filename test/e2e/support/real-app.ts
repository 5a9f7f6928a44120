import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { loadConfig } from '../../../src/config/load-config';
import { startApp } from '../../../src/index';
import { createLogger } from '../../../src/server/logger';

export interface RealApp {
  /** The server's own origin, e.g. http://127.0.0.1:41234: the only one the page may talk to. */
  origin: string;
  /** The server's log, kept for failure reports and leak checks. */
  logLines: string[];
  /** The SQLite file (with its -wal and -shm beside it), for leak checks. */
  sqlitePath: string;
  stop(): Promise<void>;
}

/**
 * The product as `npm start` composes it (config -> SQLite -> bot -> server), in local mode, in
 * process, on 127.0.0.1 and a free port, with its database in a temporary directory.
 * All browsers of a test run share the one loopback address, so the per-address rate limits are
 * raised: a clinician's single page stays far below the defaults, a test file's pages together
 * need not.
 */
export async function startRealApp(env: Record<string, string> = {}): Promise<RealApp> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'alp-e2e-'));
  const sqlitePath = path.join(dataDir, 'alp-workup.sqlite');
  const loaded = loadConfig({
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'info',
    SQLITE_PATH: sqlitePath,
    RATE_LIMIT_MAX_REQUESTS: '100000',
    RATE_LIMIT_TOKEN_MAX_REQUESTS: '1000',
    ...env,
  });
  if (!loaded.ok) throw new Error(`e2e configuration rejected: ${JSON.stringify(loaded.problems)}`);
  const logLines: string[] = [];
  const logger = createLogger({
    level: loaded.config.logLevel,
    destination: new Writable({
      write(chunk: Buffer, _encoding, done) {
        logLines.push(chunk.toString());
        done();
      },
    }),
  });
  const app = await startApp(loaded.config, logger);
  return {
    origin: new URL(app.url).origin,
    logLines,
    sqlitePath,
    stop: async () => {
      await app.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
