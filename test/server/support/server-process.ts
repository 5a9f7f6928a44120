import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';

const ROOT = path.join(__dirname, '..', '..', '..');

export interface ServerProcess {
  url: string;
  child: ChildProcessWithoutNullStreams;
  /** kill -9: no shutdown handler runs, nothing is flushed. */
  crash(): Promise<void>;
}

/**
 * `src/index.ts` as `npm start` runs it, in a real child process (compiled on the fly), with only
 * the given environment; resolves once it logs the address it listens on.
 */
export function startServerProcess(env: Record<string, string>, cwd: string): Promise<ServerProcess> {
  const child = spawn(
    process.execPath,
    [path.join(__dirname, 'run-ts.js'), path.join(ROOT, 'src', 'index.ts')],
    {
      cwd,
      env: { PATH: process.env.PATH ?? '', PORT: '0', LOG_LEVEL: 'info', ...env },
    },
  );
  const stderr: string[] = [];
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    child.once('exit', (code) =>
      reject(new Error(`server exited (${code}) before listening: ${stderr.join('')}`)),
    );
    createInterface({ input: child.stdout }).on('line', (line) => {
      const url = /listening on (http:\/\/[^"\s]+)/.exec(line)?.[1];
      if (url === undefined) return;
      resolve({
        url,
        child,
        crash: async () => {
          child.kill('SIGKILL');
          await exited;
        },
      });
    });
  });
}
