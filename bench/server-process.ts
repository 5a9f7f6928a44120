import { spawn, type ChildProcess } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { expectRepliesActivity } from './expect-replies-activity';

export type ServerKind = 'echo' | 'floor' | 'bot';

/**
 * The settings every bench server runs with: production mode on loopback, no Bot Framework
 * credentials, no database unless a run names one, and a rate limit out of the way, since the
 * bench measures turns, not the per-address limiter every load-generator request shares.
 */
export const BENCH_SERVER_ENV = {
  HOST: '127.0.0.1',
  PORT: '0',
  RATE_LIMIT_MAX_REQUESTS: '1000000',
  LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
  NODE_ENV: 'production',
  MicrosoftAppId: undefined,
  DATABASE_URL: undefined,
} satisfies Record<string, string | undefined>;

/** A JSON line the server printed on stdout (its port, a probe report, a sweep result). */
export type ServerLine = Record<string, unknown>;

export interface RunningServer {
  url: string;
  child: ChildProcess;
  /** Process spawn to the first answered turn, milliseconds. */
  coldStartMs: number;
  /** Resolves with the first stdout line not yet taken that has `field` (waiting for it if need be). */
  nextLine(field: string, timeoutMs?: number): Promise<ServerLine>;
  stop(): Promise<void>;
}

/** Reads the server's stdout as JSON lines and hands them out in order, waiting for those not yet printed. */
function lineReader(child: ChildProcess) {
  const lines: ServerLine[] = [];
  const waiters: (() => void)[] = [];
  let ended = false;
  const reader = createInterface({ input: child.stdout! });
  reader.on('line', (text) => {
    try {
      lines.push(JSON.parse(text) as ServerLine);
    } catch {
      return;
    }
    waiters.splice(0).forEach((wake) => wake());
  });
  reader.on('close', () => {
    ended = true;
    waiters.splice(0).forEach((wake) => wake());
  });
  return async (field: string, timeoutMs = 600_000): Promise<ServerLine> => {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const index = lines.findIndex((line) => field in line);
      if (index >= 0) return lines.splice(index, 1)[0]!;
      if (ended) throw new Error(`server exited before printing "${field}" (exit code ${child.exitCode})`);
      if (performance.now() > deadline)
        throw new Error(`server printed no "${field}" within ${timeoutMs} ms`);
      await new Promise<void>((wake) => {
        waiters.push(wake);
        setTimeout(wake, 1000).unref();
      });
    }
  };
}

/**
 * Spawns `bench/serve.js` as its own process (so its memory is its own and cold start includes
 * module loading), waits for it to print its port, and answers one turn to time the cold start.
 */
export async function startServer(
  kind: ServerKind,
  env: Record<string, string | undefined>,
  nodeArgs: string[] = [],
  /** Another build's `dist/bench/serve.js` (an A/B of two commits); default this build's. */
  serveScript = `${__dirname}/serve.js`,
): Promise<RunningServer> {
  const startedAt = performance.now();
  const child = spawn(process.execPath, [...nodeArgs, serveScript, kind], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const nextLine = lineReader(child);
  const { port } = await nextLine('port');
  const url = `http://127.0.0.1:${String(port)}`;
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
    nextLine,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}
