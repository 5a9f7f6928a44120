import { resolve } from 'node:path';
import { runTurn } from '../dialogs/turn-runner';
import type { TurnInput, TurnResult } from '../dialogs/turn-input';
import { WORKUP_SCRIPTS } from './workup-scripts';

/**
 * `npm run bench:turn`: the conversation's own cost, `runTurn` in this process with no server,
 * storage or botbuilder around it. It replays the load benchmark's scripted workups (pasted lab
 * reports, typed answers, the assessment, "why", the chart note) the two ways the bot runs a turn:
 * **hot** on the `kept` value of the previous turn (the bot's recent-workups cache, storage still
 * holding that write) and **cold** on the stored JSON read back (another instance wrote it, or the
 * cache dropped it), which parses, checks, restores and re-assesses it first. Prints the thread's
 * CPU time a turn (which another process on the machine disturbs less than the clock), overall
 * and for each scripted turn.
 *
 * `--workups N` (default 300 a round), `--rounds N` (default 5). `--baseline DIR` is an A/B in
 * one process: DIR is another build's output folder (its `dialogs/turn-runner.js`, e.g. a copy of
 * `dist/` made before a change), and the two builds take turns workup by workup, A, B, A, B, so
 * both see the same machine. For a profile: `node --cpu-prof dist/bench/turn.js`.
 */

type Mode = 'hot' | 'cold';
type RunTurn = (stored: unknown, input: TurnInput) => TurnResult;

const option = (name: string): string | undefined => {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
};

const WORKUPS = Number(option('workups') ?? 300);
const ROUNDS = Number(option('rounds') ?? 5);
const NOW = '2026-12-01T10:00:00.000Z';

interface Build {
  name: string;
  runTurn: RunTurn;
}

interface Timing {
  /** This thread's CPU microseconds, summed over the round, by `script:turn`. */
  perTurn: Map<string, number>;
  /** CPU time of this thread (user and system) over the round's turns. */
  cpuMicros: number;
  turns: number;
}

const newTiming = (): Timing => ({ perTurn: new Map(), cpuMicros: 0, turns: 0 });

const threadCpuMicros = (): number => {
  const usage = process.threadCpuUsage();
  return usage.user + usage.system;
};

/** Workup `n` of every script, turn by turn, in `mode`, added to `timing`. */
function workup(run: RunTurn, mode: Mode, n: number, timing: Timing): void {
  WORKUP_SCRIPTS.forEach((script, scriptIndex) => {
    let carried: unknown;
    script.forEach((scripted, turnIndex) => {
      const text = scripted.text(n);
      const started = threadCpuMicros();
      const result = run(carried, { text, now: NOW, supportsCardUpdate: false });
      const micros = threadCpuMicros() - started;
      if (result.replies.length === 0)
        throw new Error(`turn ${turnIndex} of script ${scriptIndex} said nothing`);
      // The stored JSON is read back outside the timing: that is storage's cost, not the turn's.
      if (result.changed)
        carried = mode === 'hot' ? result.kept : (JSON.parse(JSON.stringify(result.state)) as unknown);
      const key = `${scriptIndex}:${turnIndex}`;
      timing.perTurn.set(key, (timing.perTurn.get(key) ?? 0) + micros);
      timing.cpuMicros += micros;
      timing.turns += 1;
    });
  });
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const spread = (values: number[]) => `${Math.min(...values).toFixed(1)}-${Math.max(...values).toFixed(1)}`;

function builds(): Build[] {
  const baseline = option('baseline');
  const ours: Build = { name: 'this build', runTurn };
  if (baseline === undefined) return [ours];
  // A build's own compiled runner, loaded beside this one: the A of the A/B.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const other = require(resolve(baseline, 'dialogs', 'turn-runner.js')) as { runTurn: RunTurn };
  return [{ name: `baseline ${baseline}`, runTurn: other.runTurn }, ours];
}

function main(): void {
  const list = builds();
  // Warm up every path so the JIT has seen them before anything is timed.
  for (const build of list) {
    for (let n = 0; n < WORKUPS; n += 1) {
      workup(build.runTurn, 'hot', 1_000_000 + n, newTiming());
      workup(build.runTurn, 'cold', 2_000_000 + n, newTiming());
    }
  }
  // The builds take turns workup by workup, so a change in the machine's load falls on both alike.
  const results = list.map(() => ({ hot: [] as Timing[], cold: [] as Timing[] }));
  for (let r = 0; r < ROUNDS; r += 1) {
    const timings = list.map(() => ({ hot: newTiming(), cold: newTiming() }));
    for (let n = r * WORKUPS; n < (r + 1) * WORKUPS; n += 1) {
      list.forEach((build, index) => {
        for (const mode of ['hot', 'cold'] as const) workup(build.runTurn, mode, n, timings[index]![mode]);
      });
    }
    timings.forEach((timing, index) => {
      results[index]!.hot.push(timing.hot);
      results[index]!.cold.push(timing.cold);
    });
  }
  console.log(
    `${ROUNDS} rounds of ${WORKUPS} workups each (${results[0]!.hot[0]!.turns} turns a round), ${process.version}`,
  );
  list.forEach((build, index) => {
    const result = results[index]!;
    const cpu = (mode: Mode) => result[mode].map((timing) => timing.cpuMicros / timing.turns);
    console.log(
      `${build.name}: hot ${mean(cpu('hot')).toFixed(1)} µs CPU a turn (rounds ${spread(cpu('hot'))}), ` +
        `cold ${mean(cpu('cold')).toFixed(1)} (rounds ${spread(cpu('cold'))})`,
    );
  });
  // Each build's hot and cold CPU time for each scripted turn: where a change took effect.
  console.log(`\nper scripted turn, µs of CPU (hot / cold): ${list.map((build) => build.name).join(' | ')}`);
  WORKUP_SCRIPTS.forEach((script, scriptIndex) => {
    script.forEach((scripted, turnIndex) => {
      const key = `${scriptIndex}:${turnIndex}`;
      const columns = results.map((result) => {
        const of = (mode: Mode) =>
          mean(result[mode].map((timing) => (timing.perTurn.get(key) ?? 0) / WORKUPS)).toFixed(1);
        return `${of('hot').padStart(7)} / ${of('cold').padStart(7)}`;
      });
      console.log(`  ${columns.join(' | ')}  ${scripted.text(1).slice(0, 60)}`);
    });
  });
}

main();
