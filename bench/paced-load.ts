import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { expectRepliesActivity } from './expect-replies-activity';
import { percentile } from './percentile';
import { TURN_SEQUENCE } from './workup-scripts';

export interface PacedLoadOptions {
  url: string;
  label: string;
  turnsPerSecond: number;
  durationSeconds: number;
  /** Simulated clinicians, each walking the scripted workups one turn at a time. */
  clinicians: number;
}

export interface PacedLoadResult {
  turns: number;
  turnsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  failed: number;
}

interface Clinician {
  index: number;
  /** Where the clinician is in `TURN_SEQUENCE`. */
  position: number;
  /** How many workups this clinician has started, which also varies their numbers. */
  workups: number;
}

/**
 * A fixed rate in the sense of an open-loop arrival process: one turn every 1000/rate ms, each
 * timed from when it was due, not from when it was sent. autocannon's `overallRate` instead lets
 * every connection fire its per-second quota back to back at the top of each second, so its "200
 * turns/s" is a burst of 200 concurrent turns each second, and a stalled server delays the sends
 * it would otherwise be measured on (coordinated omission).
 */
export async function runPacedLoad(options: PacedLoadOptions): Promise<PacedLoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.clinicians });
  const { hostname, port } = new URL(options.url);
  const free: Clinician[] = Array.from({ length: options.clinicians }, (_, index) => ({
    index,
    position: 0,
    workups: 0,
  }));
  const waiting: ((clinician: Clinician) => void)[] = [];
  const release = (clinician: Clinician) => {
    const next = waiting.shift();
    if (next) next(clinician);
    else free.push(clinician);
  };
  const acquire = (): Promise<Clinician> =>
    free.length > 0 ? Promise.resolve(free.shift()!) : new Promise((resolve) => waiting.push(resolve));

  const latencies: number[] = [];
  let failed = 0;
  const intervalMs = 1000 / options.turnsPerSecond;
  const total = Math.round(options.turnsPerSecond * options.durationSeconds);
  const started = performance.now();
  const inFlight: Promise<void>[] = [];

  for (let index = 0; index < total; index += 1) {
    const dueAt = started + index * intervalMs;
    const wait = dueAt - performance.now();
    if (wait > 1) await sleep(wait);
    inFlight.push(
      acquire().then(async (clinician) => {
        const { turn, first } = TURN_SEQUENCE[clinician.position]!;
        if (first) clinician.workups += 1;
        const conversationId = `paced-${options.label}-${process.pid}-${clinician.index}-${clinician.workups}`;
        const workupNumber = clinician.workups * options.clinicians + clinician.index;
        const body = expectRepliesActivity(conversationId, `${conversationId}-user`, turn.text(workupNumber));
        const status = await post(agent, hostname, Number(port), body);
        latencies.push(performance.now() - dueAt);
        if (status !== 200) failed += 1;
        clinician.position = (clinician.position + 1) % TURN_SEQUENCE.length;
        release(clinician);
      }),
    );
  }
  await Promise.all(inFlight);
  const elapsedSeconds = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (p: number) => Math.round(percentile(latencies, p) * 10) / 10;
  return {
    turns: latencies.length,
    turnsPerSecond: Math.round((latencies.length / elapsedSeconds) * 10) / 10,
    p50Ms: at(50),
    p95Ms: at(95),
    p99Ms: at(99),
    maxMs: at(100),
    failed,
  };
}

function post(agent: Agent, hostname: string, port: number, body: string): Promise<number> {
  return new Promise((resolve) => {
    const req = request(
      {
        agent,
        hostname,
        port,
        method: 'POST',
        path: '/api/messages',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', () => resolve(0));
    req.end(body);
  });
}
