import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findFreePort } from './free-port';

const CLI = path.join(
  path.dirname(require.resolve('@microsoft/m365agentsplayground/package.json')),
  'cli.js',
);

export interface AgentsPlayground {
  /** The page a clinician would open, e.g. http://127.0.0.1:56150/ */
  url: string;
  /** Everything the playground printed, for failure reports. */
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts Microsoft 365 Agents Playground as a Teams emulator in front of `botEndpoint`. It runs
 * offline; it writes a devTools/ log folder into its working directory, so it gets a temporary
 * one. When the requested port is taken it silently picks another, so the port is read from
 * its "Listening on N" line rather than assumed.
 */
export async function startAgentsPlayground(botEndpoint: string): Promise<AgentsPlayground> {
  const workDir = mkdtempSync(path.join(tmpdir(), 'alp-playground-'));
  const requestedPort = await findFreePort();
  const child = spawn(
    process.execPath,
    [CLI, '-e', botEndpoint, '-c', 'msteams', '-p', String(requestedPort), '--disable-telemetry'],
    {
      cwd: workDir,
      env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Listening on (\d+)/.exec(output);
      if (match?.[1] !== undefined) resolve(Number(match[1]));
    });
    child.once('exit', (code) =>
      reject(new Error(`Agents Playground exited (${code}) before listening:\n${output}`)),
    );
    child.once('error', reject);
  });
  return {
    url: `http://127.0.0.1:${port}/`,
    output: () => output,
    stop: async () => {
      await stopChild(child);
      rmSync(workDir, { recursive: true, force: true });
    },
  };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
