import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median } from './median';
import { runLoad, type LoadResult } from './load';
import { runPacedLoad, type PacedLoadResult } from './paced-load';
import { residentMiB } from './process-rss';
import { BENCH_SERVER_ENV, startServer, type ServerKind } from './server-process';
import { persistedBytesPerWorkup } from './persisted-size';
import { summariseCpuProfile } from './cpu-profile-summary';

/**
 * `npm run bench`: the echo bot (the framework's floor), the storage floor (the echo plus the
 * durable write, audit entry and real replies every workup turn needs) and the real bot, one
 * after the other in each round, on the same machine, with the same load. Results go to
 * bench/results/ as JSON and a Markdown table; the performance issue's goals are reported, never asserted.
 * The machine may be shared: only figures from one run, relative to each other, mean anything.
 */

interface Target {
  name: string;
  kind: ServerKind;
  env: Record<string, string | undefined>;
  storagePath?: string;
}

interface RoundMeasure {
  coldStartMs: number;
  saturated: LoadResult;
  /** autocannon's overallRate: each connection's quota fired back to back at the top of every second. */
  fixedRate: LoadResult;
  /** One turn every 1000/rate ms, timed from when it was due. */
  paced: PacedLoadResult;
  rssMiB: number;
  persistedBytesPerWorkup?: number;
}

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const DURATION_SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 50;
const FIXED_RATE = 200;
const RESULTS_DIR = join(__dirname, '..', '..', 'bench', 'results');

function targets(workDir: string): Target[] {
  const list: Target[] = [
    {
      name: 'echo bot',
      kind: 'echo',
      env: { ...BENCH_SERVER_ENV, SQLITE_PATH: join(workDir, 'echo.sqlite') },
    },
    {
      name: 'storage floor, SQLite',
      kind: 'floor',
      env: { ...BENCH_SERVER_ENV, SQLITE_PATH: join(workDir, 'floor.sqlite') },
    },
    {
      name: 'workup bot, SQLite',
      kind: 'bot',
      env: { ...BENCH_SERVER_ENV, SQLITE_PATH: join(workDir, 'bot.sqlite') },
      storagePath: join(workDir, 'bot.sqlite'),
    },
  ];
  if (process.env.DATABASE_URL) {
    list.push({
      name: 'workup bot, PostgreSQL',
      kind: 'bot',
      env: { ...BENCH_SERVER_ENV, DATABASE_URL: process.env.DATABASE_URL },
    });
  }
  return list;
}

async function measure(target: Target, nodeArgs: string[] = []): Promise<RoundMeasure> {
  const server = await startServer(target.kind, target.env, nodeArgs);
  try {
    await runLoad({
      url: server.url,
      label: `${target.kind}-warm`,
      connections: CONNECTIONS,
      durationSeconds: 2,
    });
    const saturated = await runLoad({
      url: server.url,
      label: target.kind,
      connections: CONNECTIONS,
      durationSeconds: DURATION_SECONDS,
    });
    const fixedRate = await runLoad({
      url: server.url,
      label: `${target.kind}-fixed`,
      connections: 20,
      durationSeconds: DURATION_SECONDS,
      overallRate: FIXED_RATE,
    });
    const paced = await runPacedLoad({
      url: server.url,
      label: `${target.kind}-paced`,
      turnsPerSecond: FIXED_RATE,
      durationSeconds: DURATION_SECONDS,
      clinicians: CONNECTIONS,
    });
    const rssMiB = residentMiB(server.child.pid!);
    await server.stop();
    const persisted = target.storagePath ? persistedBytesPerWorkup(target.storagePath) : undefined;
    return {
      coldStartMs: server.coldStartMs,
      saturated,
      fixedRate,
      paced,
      rssMiB,
      persistedBytesPerWorkup: persisted,
    };
  } finally {
    await server.stop();
  }
}

function summarise(rounds: RoundMeasure[]) {
  const m = (pick: (r: RoundMeasure) => number | undefined) => {
    const values = rounds.map(pick).filter((v): v is number => v !== undefined);
    return values.length ? Math.round(median(values) * 10) / 10 : undefined;
  };
  return {
    rounds: rounds.length,
    turnsPerSecond: m((r) => r.saturated.turnsPerSecond),
    saturatedP50Ms: m((r) => r.saturated.p50Ms),
    saturatedP95Ms: m((r) => r.saturated.p95Ms),
    saturatedP99Ms: m((r) => r.saturated.p99Ms),
    fixedRateTurnsPerSecond: m((r) => r.fixedRate.turnsPerSecond),
    fixedRateP50Ms: m((r) => r.fixedRate.p50Ms),
    fixedRateP95Ms: m((r) => r.fixedRate.p95Ms),
    fixedRateP99Ms: m((r) => r.fixedRate.p99Ms),
    pacedTurnsPerSecond: m((r) => r.paced.turnsPerSecond),
    pacedP50Ms: m((r) => r.paced.p50Ms),
    pacedP95Ms: m((r) => r.paced.p95Ms),
    pacedP99Ms: m((r) => r.paced.p99Ms),
    pacedMaxMs: m((r) => r.paced.maxMs),
    rssMiB: m((r) => r.rssMiB),
    coldStartMs: m((r) => r.coldStartMs),
    persistedBytesPerWorkup: m((r) => r.persistedBytesPerWorkup),
    failedTurns: rounds.reduce(
      (sum, r) =>
        sum +
        r.saturated.non2xx +
        r.saturated.errors +
        r.fixedRate.non2xx +
        r.fixedRate.errors +
        r.paced.failed +
        r.saturated.emptyReplies,
      0,
    ),
  };
}

type Summary = ReturnType<typeof summarise>;

const GOALS = { ratio: 0.5, floorRatio: 0.85, pacedP99Ms: 10, coldStartMs: 1000, persistedBytes: 4096 };

function table(results: { name: string; summary: Summary }[]): string {
  const rows: [string, (s: Summary) => string | number | undefined][] = [
    ['turns/s at 50 connections', (s) => s.turnsPerSecond],
    [
      'p50 / p95 / p99 ms at 50 connections',
      (s) => `${s.saturatedP50Ms} / ${s.saturatedP95Ms} / ${s.saturatedP99Ms}`,
    ],
    [
      `p50 / p95 / p99 / max ms at ${FIXED_RATE} turns/s, paced (one every ${1000 / FIXED_RATE} ms)`,
      (s) => `${s.pacedP50Ms} / ${s.pacedP95Ms} / ${s.pacedP99Ms} / ${s.pacedMaxMs}`,
    ],
    [
      `p50 / p95 / p99 ms at autocannon overallRate ${FIXED_RATE} (a burst of ${FIXED_RATE} at the top of each second)`,
      (s) => `${s.fixedRateP50Ms} / ${s.fixedRateP95Ms} / ${s.fixedRateP99Ms}`,
    ],
    ['RSS after load, MiB', (s) => s.rssMiB],
    ['cold start (spawn to first answered turn), ms', (s) => s.coldStartMs],
    ['persisted state per workup, bytes', (s) => s.persistedBytesPerWorkup],
    ['failed or empty turns', (s) => s.failedTurns],
  ];
  const header = `| measure | ${results.map((r) => r.name).join(' | ')} |\n|---|${results.map(() => '---').join('|')}|`;
  const lines = rows.map(
    ([label, pick]) =>
      `| ${label} | ${results.map(({ summary }) => String(pick(summary) ?? 'n/a')).join(' | ')} |`,
  );
  return [header, ...lines].join('\n') + '\n';
}

const ratioOf = (a: Summary, b: Summary): number =>
  a.turnsPerSecond && b.turnsPerSecond ? a.turnsPerSecond / b.turnsPerSecond : Number.NaN;

/**
 * Each goal of the performance issue against the SQLite bot's medians: reported, never asserted. The storage
 * floor's own ratio is reported beside the first: no conversation, however cheap, can beat it.
 */
function goals(
  echo: Summary,
  floor: Summary,
  bot: Summary,
): { goal: string; measured: string; met: boolean }[] {
  const ratio = ratioOf(bot, echo);
  return [
    {
      goal: `bot turns/s >= ${GOALS.ratio}x the echo bot's`,
      measured: `${ratio.toFixed(2)}x (${bot.turnsPerSecond} / ${echo.turnsPerSecond})`,
      met: ratio >= GOALS.ratio,
    },
    {
      goal: `storage floor turns/s >= ${GOALS.floorRatio}x the echo bot's`,
      measured: `${ratioOf(floor, echo).toFixed(2)}x (${floor.turnsPerSecond} / ${echo.turnsPerSecond})`,
      met: ratioOf(floor, echo) >= GOALS.floorRatio,
    },
    {
      goal: `p99 < ${GOALS.pacedP99Ms} ms at a fixed ${FIXED_RATE} turns/s`,
      measured: `${bot.pacedP99Ms} ms paced (autocannon bursts: ${bot.fixedRateP99Ms} ms)`,
      met: (bot.pacedP99Ms ?? Infinity) < GOALS.pacedP99Ms,
    },
    {
      goal: `cold start < ${GOALS.coldStartMs} ms`,
      measured: `${bot.coldStartMs} ms`,
      met: (bot.coldStartMs ?? Infinity) < GOALS.coldStartMs,
    },
    {
      goal: `persisted state < ${GOALS.persistedBytes} bytes per workup`,
      measured: `${bot.persistedBytesPerWorkup} bytes`,
      met: (bot.persistedBytesPerWorkup ?? Infinity) < GOALS.persistedBytes,
    },
  ];
}

function goalTable(rows: ReturnType<typeof goals>): string {
  return [
    '| goal (SQLite bot) | measured (median) | met |',
    '|---|---|---|',
    ...rows.map((row) => `| ${row.goal} | ${row.measured} | ${row.met ? 'yes' : 'no'} |`),
  ].join('\n');
}

async function profileBotTurns(workDir: string): Promise<void> {
  const profileDir = join(RESULTS_DIR, 'profile');
  rmSync(profileDir, { recursive: true, force: true });
  mkdirSync(profileDir, { recursive: true });
  const server = await startServer(
    'bot',
    { ...BENCH_SERVER_ENV, SQLITE_PATH: join(workDir, 'profile.sqlite') },
    ['--cpu-prof', `--cpu-prof-dir=${profileDir}`],
  );
  await runLoad({
    url: server.url,
    label: 'profile',
    connections: CONNECTIONS,
    durationSeconds: DURATION_SECONDS,
  });
  await server.stop();
  const file = readdirSync(profileDir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) throw new Error('the profiled server wrote no .cpuprofile');
  const summary = summariseCpuProfile(join(profileDir, file));
  writeFileSync(join(RESULTS_DIR, 'profile.json'), JSON.stringify(summary, null, 2) + '\n');
  console.log('\nWhere a workup turn spends its CPU (self time, by area):');
  for (const spot of summary.byArea)
    console.log(`  ${spot.selfPercent.toFixed(1).padStart(5)}%  ${spot.where}`);
  console.log('\nHottest functions:');
  for (const spot of summary.byFunction.slice(0, 10))
    console.log(`  ${spot.selfPercent.toFixed(1).padStart(5)}%  ${spot.where}`);
}

async function main(): Promise<void> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const workDir = mkdtempSync(join(tmpdir(), 'alp-bench-'));
  const list = targets(workDir);
  const perTarget = new Map<string, RoundMeasure[]>(list.map((t) => [t.name, []]));
  try {
    for (let round = 1; round <= ROUNDS; round += 1) {
      for (const target of list) {
        process.stdout.write(`round ${round}/${ROUNDS}: ${target.name} ... `);
        const measured = await measure(target);
        perTarget.get(target.name)!.push(measured);
        console.log(
          `${measured.saturated.turnsPerSecond.toFixed(0)} turns/s, p99 ${measured.paced.p99Ms} ms at ${FIXED_RATE}/s paced`,
        );
      }
    }
    const results = list.map((t) => ({ name: t.name, summary: summarise(perTarget.get(t.name)!) }));
    const summaryOf = (name: string) => results.find((result) => result.name === name)!.summary;
    const goalRows = goals(
      summaryOf('echo bot'),
      summaryOf('storage floor, SQLite'),
      summaryOf('workup bot, SQLite'),
    );
    const report = {
      date: new Date().toISOString(),
      node: process.version,
      cpus: (await import('node:os')).cpus().length,
      roundsEach: ROUNDS,
      secondsPerRun: DURATION_SECONDS,
      connections: CONNECTIONS,
      fixedRate: FIXED_RATE,
      goals: goalRows,
      results,
    };
    writeFileSync(join(RESULTS_DIR, 'latest.json'), JSON.stringify(report, null, 2) + '\n');
    const markdown = `${table(results)}\n${goalTable(goalRows)}\n`;
    writeFileSync(join(RESULTS_DIR, 'latest.md'), markdown);
    console.log('\n' + markdown);
    if (process.argv.includes('--profile')) await profileBotTurns(workDir);
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

if (process.argv.includes('--scale')) {
  // `npm run bench -- --scale ...` is the scale run (bench/scale.ts reads the same arguments).
  void import('./scale');
} else {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
