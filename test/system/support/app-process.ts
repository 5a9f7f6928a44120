import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const SWC_REGISTER = path.join(REPO_ROOT, 'test', 'storage', 'support', 'swc-register.js');
const ENTRY_POINT = path.join(REPO_ROOT, 'src', 'index.ts');
const LISTENING = /ALP workup bot listening on (http:\/\/127\.0\.0\.1:\d+)/;

export interface AppProcess {
  /** Where the server listens, read from its own start-up log line. */
  url: string;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** What it wrote to stderr alone (its logs go to stdout). */
  stderr(): string;
  /** kill -9: no shutdown hook runs, nothing is flushed or closed. */
  kill(): Promise<void>;
  /** SIGTERM: the graceful stop `npm start` gets from a process manager. */
  stop(): Promise<void>;
}

/** A scratch directory for one test file's databases; also the processes' working directory. */
export function makeDataDir(label: string): { path: string; remove: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), `alp-system-${label}-`));
  return { path: dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Resolves once the process has exited and its output streams are drained, so output() is whole. */
function whenClosed(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => child.once('close', () => resolve()));
}

/**
 * The app as `npm start` runs it (`main(process.env)` in src/index.ts), in its own process,
 * compiled on the fly by the tests' swc so no prior build is needed. Only the variables given
 * reach it (plus PATH): nothing from the developer's shell, and `cwd` is the test's data directory
 * so a developer's .env in the repository is not read either. PORT=0 lets the OS pick the port,
 * read from the info-level "listening" line: LOG_LEVEL must be info or more verbose.
 */
export interface SpawnOptions {
  /** Run as this user id (a test running as root uses an unprivileged one so file permissions apply). */
  uid?: number;
}

function spawnApp(env: Record<string, string>, cwd: string, options: SpawnOptions = {}): ChildProcess {
  return spawn(process.execPath, ['-r', SWC_REGISTER, ENTRY_POINT], {
    cwd,
    env: { PATH: process.env.PATH ?? '', PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(options.uid === undefined ? {} : { uid: options.uid, gid: options.uid }),
  });
}

export interface ExitedApp {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Starts the app and waits for it to exit on its own: for start-up refusals. */
export function runAppUntilExit(
  env: Record<string, string>,
  cwd: string,
  options: SpawnOptions = {},
): Promise<ExitedApp> {
  const child = spawnApp(env, cwd, options);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => {
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export function startAppProcess(
  env: Record<string, string>,
  cwd: string,
  options: SpawnOptions = {},
): Promise<AppProcess> {
  const child = spawnApp(env, cwd, options);
  const closed = whenClosed(child);
  let output = '';
  let errors = '';
  let listening = false;
  child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = LISTENING.exec(output)?.[1];
      if (url !== undefined && !listening) {
        listening = true;
        child.removeListener('exit', onEarlyExit);
        resolve({
          url,
          output: () => output,
          stderr: () => errors,
          kill: async () => {
            child.kill('SIGKILL');
            await closed;
          },
          stop: async () => {
            child.kill('SIGTERM');
            await closed;
          },
        });
      }
    };
    const onEarlyExit = (code: number | null, signal: NodeJS.Signals | null) =>
      reject(new Error(`The app exited before listening (${signal ?? code}):\n${output}`));
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', onEarlyExit);
  });
}
