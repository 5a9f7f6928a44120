import { spawn, type ChildProcess } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { once } from 'node:events';
import { expectRepliesActivity } from './expect-replies-activity';

export type ServerKind = 'echo' | 'floor' | 'bot';

export interface RunningServer {
  url: string;
  child: ChildProcess;
  /** Process spawn to the first answered turn, milliseconds. */
  coldStartMs: number;
  stop(): Promise<void>;
}

/**
 * Spawns `bench/serve.js` as its own process (so its memory is its own and cold start includes
 * module loading), waits for it to print its port, and answers one turn to time the cold start.
 */
export async function startServer(
  kind: ServerKind,
  env: Record<string, string | undefined>,
  nodeArgs: string[] = [],
): Promise<RunningServer> {
  const startedAt = performance.now();
  const child = spawn(process.execPath, [...nodeArgs, `${__dirname}/serve.js`, kind], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await readPort(child);
  const url = `http://127.0.0.1:${port}`;
  const response = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: expectRepliesActivity('bench-cold-start', 'bench-cold-start-user', 'start'),
  });
  await response.text();
  if (response.status !== 200)
    throw new Error(`${kind} server answered the first turn with ${response.status}`);
  const coldStartMs = performance.now() - startedAt;
  return {
    url,
    child,
    coldStartMs,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}

async function readPort(child: ChildProcess): Promise<number> {
  let buffered = '';
  for await (const chunk of child.stdout!) {
    buffered += String(chunk);
    const match = /"port":(\d+)/.exec(buffered);
    if (match) return Number(match[1]);
  }
  throw new Error(`server exited before listening (exit code ${child.exitCode})`);
}
