import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { Client } from 'pg';
import { expectRepliesActivity } from './expect-replies-activity';
import { median } from './median';
import { runPacedLoad, type PacedLoadResult } from './paced-load';
import { percentile } from './percentile';
import { createScratchDatabase, fillPostgresStore, fillSqliteStore, type StoreSize } from './scale-store';
import { BENCH_SERVER_ENV, startServer, type RunningServer, type ServerLine } from './server-process';
import { BONE_BRANCH_BY_TEXT } from './workup-scripts';

/**
 * `npm run bench:scale` (or `npm run bench -- --scale`): is the bot flat with the data? Builds an
 * empty store and a large one (by default 10^6 workups, 300,000 of them past retention, and 10^7
 * audit rows) in the storage's own format, on SQLite and (with TEST_DATABASE_URL or DATABASE_URL)
 * on PostgreSQL in a database of its own, then measures on each, alternating empty and large:
 * start-up to the first answered turn (with the expired workups pending), the turns beside the
 * start-up sweep, paced turn latency, "forget me" latency, and the server's event-loop delay
 * (perf_hooks.monitorEventLoopDelay) during the sweep and the deletes. Goals are reported, never asserted.
 */

interface Options {
  size: StoreSize;
  backends: ('sqlite' | 'postgres')[];
  steadySeconds: number;
  rounds: number;
  /** Paced turns/s for the empty-versus-large comparison: one the machine sustains, or both saturate. */
  rate: number;
}

function flag(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

function options(): Options {
  const number = (name: string, fallback: number) => {
    const value = Number(flag(name) ?? fallback);
    if (!Number.isInteger(value) || value < 0)
      throw new RangeError(`--${name} must be a whole number, got ${flag(name)}`);
    return value;
  };
  const workups = number('workups', 1_000_000);
  const size = {
    workups,
    expiredWorkups: Math.min(workups, number('expired', 300_000)),
    auditRows: number('audit-rows', 10_000_000),
  };
  const postgresUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  const backends = (flag('backends') ?? (postgresUrl ? 'sqlite,postgres' : 'sqlite')).split(
    ',',
  ) as Options['backends'];
  return {
    size,
    backends,
    steadySeconds: number('seconds', 10),
    rounds: number('rounds', 2),
    rate: number('rate', 100),
  };
}

const RESULTS_DIR = join(__dirname, '..', '..', 'bench', 'results');
const BESIDE_SWEEP_RATE = 50;
const FORGOTTEN_USERS = 5;

const BASE_ENV = { ...BENCH_SERVER_ENV, BENCH_PROBE: '1' };

interface EventLoopReport {
  maxMs: number;
  p99Ms: number;
  meanMs: number;
}

interface StoreMeasure {
  coldStartMs: number;
  sweep: { workupsDeleted: number; msAfterStart: number; eventLoop: EventLoopReport };
  /** Turns at 50/s while the start-up sweep ran, in 1-second runs; empty when it was done first. */
  besideSweep: { turns: number; p99Ms: number; maxMs: number } | undefined;
  paced: PacedLoadResult;
  pacedEventLoop: EventLoopReport;
  forgetMeMs: number[];
  forgetEventLoop: EventLoopReport;
}

async function post(url: string, conversationId: string, userId: string, text: string): Promise<string> {
  const response = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: expectRepliesActivity(conversationId, userId, text),
  });
  const body = await response.text();
  if (response.status !== 200) throw new Error(`"${text}" was answered ${response.status}: ${body}`);
  return body;
}

const forgottenUser = (n: number) => ({
  conversationId: `scale-forget-${n}`,
  userId: `scale-forget-user-${n}`,
});

/** Real workups (and their audit rows) for the clinicians who will say "forget me". */
async function seedForgottenUsers(url: string): Promise<void> {
  for (let n = 0; n < FORGOTTEN_USERS; n += 1) {
    const { conversationId, userId } = forgottenUser(n);
    for (const turn of BONE_BRANCH_BY_TEXT.slice(0, 6)) await post(url, conversationId, userId, turn.text(n));
  }
}

async function probe(server: RunningServer): Promise<EventLoopReport> {
  server.child.kill('SIGUSR2');
  return (await server.nextLine('probe')).probe as EventLoopReport;
}

async function measureStore(
  env: Record<string, string | undefined>,
  label: string,
  seconds: number,
  rate: number,
): Promise<StoreMeasure> {
  const server = await startServer('bot', env);
  try {
    const coldStartMs = server.coldStartMs;
    const sweepLine = server.nextLine('sweep');
    let sweepDone = false;
    void sweepLine.then(
      () => (sweepDone = true),
      () => (sweepDone = true),
    );
    // What the event loop did before the first answer (module loading, the cold turn) is not the sweep's.
    await probe(server);
    const beside: PacedLoadResult[] = [];
    while (!sweepDone) {
      beside.push(
        await runPacedLoad({
          url: server.url,
          label: `${label}-sweep`,
          turnsPerSecond: BESIDE_SWEEP_RATE,
          durationSeconds: 1,
          clinicians: 20,
        }),
      );
    }
    const line: ServerLine = await sweepLine;
    const sweep = {
      ...(line.sweep as { workupsDeleted: number; msAfterStart: number }),
      eventLoop: line.eventLoop as EventLoopReport,
    };

    await probe(server);
    const paced = await runPacedLoad({
      url: server.url,
      label,
      turnsPerSecond: rate,
      durationSeconds: seconds,
      clinicians: 50,
    });
    const pacedEventLoop = await probe(server);

    await seedForgottenUsers(server.url);
    await probe(server);
    const forgetMeMs: number[] = [];
    for (let n = 0; n < FORGOTTEN_USERS; n += 1) {
      const { conversationId, userId } = forgottenUser(n);
      // "forget me" asks first; the turn that deletes is the confirmation.
      await post(server.url, conversationId, userId, 'forget me');
      const startedAt = performance.now();
      const body = await post(server.url, conversationId, userId, 'yes');
      forgetMeMs.push(Math.round((performance.now() - startedAt) * 10) / 10);
      if (!body.includes('I deleted your workups')) throw new Error(`"forget me" was not confirmed: ${body}`);
    }
    const forgetEventLoop = await probe(server);
    return {
      coldStartMs: Math.round(coldStartMs),
      sweep,
      besideSweep:
        beside.length === 0
          ? undefined
          : {
              turns: beside.reduce((sum, run) => sum + run.turns, 0),
              p99Ms: Math.max(...beside.map((run) => run.p99Ms)),
              maxMs: Math.max(...beside.map((run) => run.maxMs)),
            },
      paced,
      pacedEventLoop,
      forgetMeMs,
      forgetEventLoop,
    };
  } finally {
    await server.stop();
  }
}

const SEEDED_KEY = `workup/bench/${forgottenUser(0).userId}/${forgottenUser(0).conversationId}`;

/** The stored JSON of a real workup a few turns in, read back from the store the bot wrote it to. */
async function storedWorkupJson(env: Record<string, string | undefined>): Promise<string> {
  let data: string | undefined;
  if (env.DATABASE_URL) {
    const client = new Client({ connectionString: env.DATABASE_URL });
    await client.connect();
    data = (
      await client.query<{ data: string }>('SELECT data FROM workup_items WHERE key = $1', [SEEDED_KEY])
    ).rows[0]?.data;
    await client.end();
  } else {
    const db = new Database(env.SQLITE_PATH!, { readonly: true });
    data = (
      db.prepare('SELECT data FROM workup_items WHERE key = ?').get(SEEDED_KEY) as
        { data: string } | undefined
    )?.data;
    db.close();
  }
  if (data === undefined) throw new Error('the seeded workup was not stored');
  return data;
}

interface Built {
  name: string;
  env: Record<string, string | undefined>;
  buildSeconds: number;
  bytes?: number;
  cleanUp: () => Promise<void>;
}

/** A store the product created (one server start, one real workup to copy), with the filler added. */
async function buildStore(
  backend: 'sqlite' | 'postgres',
  large: boolean,
  size: StoreSize,
  workDir: string,
): Promise<Built> {
  const startedAt = performance.now();
  const name = `${backend === 'sqlite' ? 'SQLite' : 'PostgreSQL'}, ${large ? `${size.workups.toLocaleString('en')} workups` : 'empty'}`;
  let env: Record<string, string | undefined>;
  let cleanUp: () => Promise<void> = async () => undefined;
  let sqlitePath: string | undefined;
  if (backend === 'sqlite') {
    sqlitePath = join(workDir, `${large ? 'large' : 'empty'}.sqlite`);
    env = { ...BASE_ENV, SQLITE_PATH: sqlitePath };
  } else {
    const scratch = await createScratchDatabase(
      (process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL)!,
      `alp_scale_${large ? 'large' : 'empty'}_${process.pid}`,
    );
    env = { ...BASE_ENV, DATABASE_URL: scratch.url };
    cleanUp = scratch.drop;
  }
  const creator = await startServer('bot', { ...env, BENCH_PROBE: undefined });
  await seedForgottenUsers(creator.url);
  await creator.stop();
  if (large) {
    const template = { workupJson: await storedWorkupJson(env), now: new Date(), retentionDays: 30 };
    if (backend === 'sqlite') await fillSqliteStore(sqlitePath!, size, template);
    else await fillPostgresStore(env.DATABASE_URL!, size, template);
  }
  return {
    name,
    env,
    buildSeconds: Math.round((performance.now() - startedAt) / 100) / 10,
    bytes: sqlitePath ? statSync(sqlitePath).size : undefined,
    cleanUp,
  };
}

const med = (values: number[]) => Math.round(median(values) * 10) / 10;

function summarise(measures: StoreMeasure[]) {
  const forget = measures.flatMap((m) => m.forgetMeMs).sort((a, b) => a - b);
  const first = measures[0]!;
  return {
    rounds: measures.length,
    pacedP50Ms: med(measures.map((m) => m.paced.p50Ms)),
    pacedP99Ms: med(measures.map((m) => m.paced.p99Ms)),
    pacedMaxMs: med(measures.map((m) => m.paced.maxMs)),
    pacedEventLoopMaxMs: med(measures.map((m) => m.pacedEventLoop.maxMs)),
    failedTurns: measures.reduce((sum, m) => sum + m.paced.failed, 0),
    // Start-up and its sweep: the first round is the one with the expired workups pending.
    coldStartMs: first.coldStartMs,
    sweptWorkups: first.sweep.workupsDeleted,
    sweepDoneMsAfterStart: first.sweep.msAfterStart,
    sweepEventLoop: first.sweep.eventLoop,
    besideSweep: first.besideSweep,
    forgetMeP50Ms: Math.round(percentile(forget, 50) * 10) / 10,
    forgetMeMaxMs: Math.max(...forget),
    forgetEventLoopMaxMs: Math.max(...measures.map((m) => m.forgetEventLoop.maxMs)),
    forgetEventLoopP99Ms: Math.max(...measures.map((m) => m.forgetEventLoop.p99Ms)),
  };
}

type Summary = ReturnType<typeof summarise>;

function table(results: { name: string; summary: Summary }[], rate: number): string {
  const rows: [string, (s: Summary) => string | number | undefined][] = [
    [
      `turn p50 / p99 / max ms at ${rate} turns/s, paced`,
      (s) => `${s.pacedP50Ms} / ${s.pacedP99Ms} / ${s.pacedMaxMs}`,
    ],
    [
      'start-up to the first answered turn, ms (expired workups pending)',
      (s) => `${s.coldStartMs} (${s.sweptWorkups.toLocaleString('en')})`,
    ],
    ['start-up sweep done, ms after spawn', (s) => s.sweepDoneMsAfterStart],
    [
      `turns beside the sweep at ${BESIDE_SWEEP_RATE}/s: p99 / max ms`,
      (s) =>
        s.besideSweep
          ? `${s.besideSweep.p99Ms} / ${s.besideSweep.maxMs} (${s.besideSweep.turns} turns)`
          : 'sweep done before the first turn',
    ],
    [
      'event-loop delay during the sweep: max / p99 ms',
      (s) => (s.besideSweep ? `${s.sweepEventLoop.maxMs} / ${s.sweepEventLoop.p99Ms}` : 'n/a'),
    ],
    ['"forget me" turn: p50 / max ms', (s) => `${s.forgetMeP50Ms} / ${s.forgetMeMaxMs}`],
    [
      'event-loop delay during "forget me": max / p99 ms',
      (s) => `${s.forgetEventLoopMaxMs} / ${s.forgetEventLoopP99Ms}`,
    ],
    [`event-loop delay max at ${rate} turns/s, ms`, (s) => s.pacedEventLoopMaxMs],
    ['failed turns', (s) => s.failedTurns],
  ];
  const header = `| measure | ${results.map((r) => r.name).join(' | ')} |\n|---|${results.map(() => '---').join('|')}|`;
  return (
    [
      header,
      ...rows.map(
        ([label, pick]) =>
          `| ${label} | ${results.map(({ summary }) => String(pick(summary) ?? 'n/a')).join(' | ')} |`,
      ),
    ].join('\n') + '\n'
  );
}

function goals(empty: Summary, large: Summary, backend: string) {
  const p50 = large.pacedP50Ms / empty.pacedP50Ms;
  const p99 = large.pacedP99Ms / empty.pacedP99Ms;
  // A sweep that ended before the first answered turn ran during start-up, which the cold start covers.
  const stall = Math.max(large.besideSweep ? large.sweepEventLoop.maxMs : 0, large.forgetEventLoopMaxMs);
  return [
    {
      goal: `${backend}: turn p50 / p99 within 1.2x of the empty store`,
      measured: `${p50.toFixed(2)}x / ${p99.toFixed(2)}x`,
      met: p50 <= 1.2 && p99 <= 1.2,
    },
    {
      goal: `${backend}: "forget me" < 100 ms`,
      measured: `max ${large.forgetMeMaxMs} ms (p50 ${large.forgetMeP50Ms})`,
      met: large.forgetMeMaxMs < 100,
    },
    {
      goal: `${backend}: first answered turn < 1 s with ${large.sweptWorkups.toLocaleString('en')} expired workups pending`,
      measured: `${large.coldStartMs} ms`,
      met: large.coldStartMs < 1000,
    },
    {
      goal: `${backend}: no event-loop stall > 50 ms from the sweep or a delete`,
      measured: `max ${stall} ms`,
      met: stall <= 50,
    },
  ];
}

async function main(): Promise<void> {
  const opts = options();
  mkdirSync(RESULTS_DIR, { recursive: true });
  const workDir = mkdtempSync(join(tmpdir(), 'alp-scale-'));
  const startedAt = performance.now();
  const results: {
    name: string;
    backend: string;
    large: boolean;
    build: Omit<Built, 'env' | 'cleanUp'>;
    summary: Summary;
    measures: StoreMeasure[];
  }[] = [];
  const built: Built[] = [];
  try {
    for (const backend of opts.backends) {
      const stores: { store: Built; large: boolean; measures: StoreMeasure[] }[] = [];
      for (const large of [false, true]) {
        process.stdout.write(`building ${backend} ${large ? 'large' : 'empty'} store ... `);
        const store = await buildStore(backend, large, opts.size, workDir);
        built.push(store);
        console.log(
          `${store.buildSeconds} s${store.bytes ? `, ${(store.bytes / 2 ** 20).toFixed(0)} MiB` : ''}`,
        );
        stores.push({ store, large, measures: [] });
      }
      for (let round = 1; round <= opts.rounds; round += 1) {
        for (const entry of stores) {
          process.stdout.write(`round ${round}/${opts.rounds}: ${entry.store.name} ... `);
          const measured = await measureStore(
            entry.store.env,
            `${backend}-${entry.large ? 'large' : 'empty'}`,
            opts.steadySeconds,
            opts.rate,
          );
          entry.measures.push(measured);
          console.log(
            `start ${measured.coldStartMs} ms, p99 ${measured.paced.p99Ms} ms, forget me max ${Math.max(...measured.forgetMeMs)} ms, ` +
              `sweep ${measured.sweep.workupsDeleted} rows (loop max ${measured.sweep.eventLoop.maxMs} ms)`,
          );
        }
      }
      for (const entry of stores) {
        const { env: _env, cleanUp: _cleanUp, ...build } = entry.store;
        results.push({
          name: entry.store.name,
          backend,
          large: entry.large,
          build,
          summary: summarise(entry.measures),
          measures: entry.measures,
        });
      }
    }
    const goalRows = opts.backends.flatMap((backend) => {
      const of = (large: boolean) => results.find((r) => r.backend === backend && r.large === large)!.summary;
      return goals(of(false), of(true), backend === 'sqlite' ? 'SQLite' : 'PostgreSQL');
    });
    const command = `npm run bench:scale -- --workups ${opts.size.workups} --expired ${opts.size.expiredWorkups} --audit-rows ${opts.size.auditRows} --rounds ${opts.rounds} --seconds ${opts.steadySeconds} --rate ${opts.rate}`;
    const report = {
      date: new Date().toISOString(),
      node: process.version,
      command,
      size: opts.size,
      minutes: Math.round((performance.now() - startedAt) / 6000) / 10,
      goals: goalRows,
      results,
    };
    writeFileSync(join(RESULTS_DIR, 'scale.json'), JSON.stringify(report, null, 2) + '\n');
    const markdown =
      `\`${command}\` (${report.date.slice(0, 10)}, Node ${process.version}, ${report.minutes} min; large store: ` +
      `${opts.size.workups.toLocaleString('en')} workups of which ${opts.size.expiredWorkups.toLocaleString('en')} expired, ` +
      `${opts.size.auditRows.toLocaleString('en')} audit rows)\n\n` +
      table(results, opts.rate) +
      '\n| goal | measured | met |\n|---|---|---|\n' +
      goalRows.map((row) => `| ${row.goal} | ${row.measured} | ${row.met ? 'yes' : 'no'} |`).join('\n') +
      '\n';
    writeFileSync(join(RESULTS_DIR, 'scale.md'), markdown);
    console.log('\n' + markdown);
  } finally {
    for (const store of built) await store.cleanUp();
    rmSync(workDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
