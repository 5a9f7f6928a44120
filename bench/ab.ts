import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runLoad } from './load';
import { median } from './median';
import { BENCH_SERVER_ENV, startServer, type ServerKind } from './server-process';

/**
 * `npm run bench:ab -- --a <checkout> --b <checkout> [--kind bot|floor] [--rounds 4] [--seconds 4]`:
 * one change measured on its own. A and B are two checkouts built with `npx tsc -p
 * tsconfig.bench.json` (e.g. a `git worktree` of the commit before the change, and this one), whose
 * servers are run alternately A, B, A, B on the same machine under the same load (50 connections
 * replaying the bench's workups, a fresh SQLite file for each run).
 * It reports turns/s and the server process's own CPU time per turn (from /proc, Linux), which
 * other work on a shared machine distorts less than turns/s.
 */

function flag(name: string, fallback?: string): string {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? process.argv[index + 1] : fallback;
  if (value === undefined) throw new Error(`--${name} is required`);
  return value;
}

const CLOCK_TICKS_PER_SECOND = 100;

/** User plus system CPU time of a process so far, in microseconds (fields 14 and 15 of /proc/<pid>/stat). */
function cpuMicros(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1e6) / CLOCK_TICKS_PER_SECOND;
}

interface Run {
  turnsPerSecond: number;
  cpuMicrosPerTurn: number;
}

async function measure(checkout: string, kind: ServerKind, seconds: number, label: string): Promise<Run> {
  const workDir = mkdtempSync(join(tmpdir(), 'alp-ab-'));
  const server = await startServer(
    kind,
    { ...BENCH_SERVER_ENV, SQLITE_PATH: join(workDir, 'ab.sqlite') },
    [],
    join(checkout, 'dist', 'bench', 'serve.js'),
  );
  try {
    // A short warm-up, so both sides are measured with their code optimised.
    await runLoad({ url: server.url, label: `${label}-warm`, connections: 50, durationSeconds: 1 });
    const cpuBefore = cpuMicros(server.child.pid!);
    const result = await runLoad({ url: server.url, label, connections: 50, durationSeconds: seconds });
    const cpu = cpuMicros(server.child.pid!) - cpuBefore;
    if (result.non2xx + result.errors + result.emptyReplies > 0)
      throw new Error(
        `${label}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.emptyReplies} empty`,
      );
    return { turnsPerSecond: result.turnsPerSecond, cpuMicrosPerTurn: Math.round(cpu / result.turns) };
  } finally {
    await server.stop();
    rmSync(workDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const sides = { A: resolve(flag('a')), B: resolve(flag('b')) };
  const kind = flag('kind', 'bot') as ServerKind;
  const rounds = Number(flag('rounds', '4'));
  const seconds = Number(flag('seconds', '4'));
  const runs: Record<'A' | 'B', Run[]> = { A: [], B: [] };
  for (let round = 1; round <= rounds; round += 1) {
    for (const side of ['A', 'B'] as const) {
      const run = await measure(sides[side], kind, seconds, `ab-${side}-${round}`);
      runs[side].push(run);
      console.log(
        `round ${round} ${side}: ${run.turnsPerSecond} turns/s, ${run.cpuMicrosPerTurn} µs CPU a turn`,
      );
    }
  }
  const mean = (values: number[]) => Math.round(values.reduce((sum, v) => sum + v, 0) / values.length);
  for (const side of ['A', 'B'] as const) {
    const tps = runs[side].map((run) => run.turnsPerSecond);
    const cpu = runs[side].map((run) => run.cpuMicrosPerTurn);
    console.log(
      `${side} (${sides[side]}): turns/s mean ${mean(tps)} median ${median(tps)}; ` +
        `µs CPU a turn mean ${mean(cpu)} median ${median(cpu)}`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
