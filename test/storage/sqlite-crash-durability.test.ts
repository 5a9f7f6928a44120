import { spawn } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteStorage } from '../../src/storage';
import { makeTempDir } from './support/temp-dir';

/** Starts the writer child and resolves with the last revision it acknowledged before kill -9. */
function killWriterAfter(filePath: string, acknowledgements: number): Promise<number> {
  const child = spawn(
    process.execPath,
    [
      '-r',
      join(__dirname, 'support', 'swc-register.js'),
      join(__dirname, 'support', 'sqlite-writer-child.ts'),
      filePath,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let lastAcknowledged = 0;
  let pending = '';
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => {
    errors += chunk.toString();
  });
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        lastAcknowledged = Number(line);
      }
      if (lastAcknowledged >= acknowledgements && child.exitCode === null && !child.killed) {
        child.kill('SIGKILL');
      }
    });
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') {
        resolve(lastAcknowledged);
      } else {
        reject(new Error(`writer exited on its own (${signal ?? code}): ${errors}`));
      }
    });
  });
}

describe('SqliteStorage durability', () => {
  it('keeps every acknowledged write, and an intact file, when the writing process is killed with -9', async () => {
    const dir = makeTempDir('sqlite-crash');
    const filePath = join(dir.path, 'data', 'alp-workup.sqlite');

    const lastAcknowledged = await killWriterAfter(filePath, 300);

    const storage = new SqliteStorage({ filePath });
    const stored = (await storage.read(['workup/webchat/user/conversation']))[
      'workup/webchat/user/conversation'
    ];
    await storage.close();
    expect(lastAcknowledged).toBeGreaterThanOrEqual(300);
    expect(stored.revision).toBeGreaterThanOrEqual(lastAcknowledged);
    const db = new Database(filePath, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
    dir.remove();
  });
});
