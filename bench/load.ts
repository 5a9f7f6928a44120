import autocannon from 'autocannon';
import { expectRepliesActivity } from './expect-replies-activity';
import { TURN_SEQUENCE } from './workup-scripts';

export interface LoadOptions {
  url: string;
  label: string;
  connections: number;
  durationSeconds: number;
  /** Fixed offered load in turns per second; unset means as fast as the server answers. */
  overallRate?: number;
}

export interface LoadResult {
  turnsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  turns: number;
  non2xx: number;
  errors: number;
  /** Responses whose body did not carry at least one reply activity: a turn that did no work. */
  emptyReplies: number;
}

interface ConnectionContext {
  conversationId?: string;
  workup?: number;
}

let conversationCounter = 0;

/**
 * Replays the scripted workups over many conversations: each connection walks the turn sequence,
 * starting a fresh conversation id at the first turn of every workup, so turns read and write
 * real per-conversation state rather than hitting one hot key.
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  let emptyReplies = 0;
  const requests = TURN_SEQUENCE.map(({ turn, first }) => ({
    method: 'POST' as const,
    path: '/api/messages',
    headers: { 'content-type': 'application/json' },
    setupRequest: (request: autocannon.Request, context: ConnectionContext) => {
      if (first || context.conversationId === undefined || context.workup === undefined) {
        conversationCounter += 1;
        context.workup = conversationCounter;
        context.conversationId = `bench-${options.label}-${process.pid}-${conversationCounter}`;
      }
      request.body = expectRepliesActivity(
        context.conversationId,
        `${context.conversationId}-user`,
        turn.text(context.workup),
      );
      return request;
    },
    onResponse: (status: number, body: string) => {
      if (status === 200 && !body.includes('"activities"')) emptyReplies += 1;
    },
  }));

  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.durationSeconds,
    overallRate: options.overallRate,
    requests,
  });

  return {
    turnsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p95Ms: result.latency.p97_5 === undefined ? result.latency.p90 : percentile95(result),
    p99Ms: result.latency.p99,
    turns: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    emptyReplies,
  };
}

/** autocannon reports p90 and p97.5 but not p95; interpolate between them. */
function percentile95(result: autocannon.Result): number {
  return result.latency.p90 + ((result.latency.p97_5 - result.latency.p90) * 5) / 7.5;
}
