import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import fc from 'fast-check';
import { loadConfig } from '../../src/config/load-config';
import { startApp, type RunningApp } from '../../src/index';
import { createLogger } from '../../src/server/logger';
import { startFakeHttpServer, type FakeHttpServer } from './support/fake-http-server';
import { postJson } from './support/test-server';

const CONVERSATIONS = ['fuzz-a', 'fuzz-b', 'fuzz-c'];
const USERS = ['clinician-1', 'clinician-2'];
const APOLOGY = 'something went wrong on our side';

/** A well-formed Teams message to start each mutation from. */
const validActivity = fc.record({
  conversation: fc.constantFrom(...CONVERSATIONS),
  user: fc.constantFrom(...USERS),
  text: fc.oneof(
    fc.string(),
    fc.constantFrom(
      'start',
      'back',
      'help',
      'summary',
      'why',
      'restart',
      'edit alp',
      'skip',
      'not done yet',
      'ack',
    ),
    fc
      .tuple(fc.constantFrom('ALP', 'GGT', 'ALT', 'AST', 'bili', 'Ca', 'INR'), fc.double(), fc.string())
      .map(([name, value, unit]) => `${name} ${value} ${unit}`),
  ),
  value: fc.option(
    fc.oneof(
      fc.jsonValue(),
      fc.record({
        alpWorkup: fc.constantFrom(1, 0, '1'),
        step: fc.oneof(fc.string(), fc.constantFrom('alp', 'context', 'redFlags', 'liver', 'origin')),
        revision: fc.oneof(fc.integer(), fc.string()),
        action: fc.oneof(fc.string(), fc.constantFrom('start', 'next', 'back', 'ack', 'edit', 'none')),
        'alp.value': fc.oneof(fc.string(), fc.double().map(String)),
      }),
    ),
    { nil: undefined },
  ),
});

type Mutation = (activity: Record<string, unknown>) => Record<string, unknown>;

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.constant<Mutation>((a) => a),
  fc
    .constantFrom(
      'type',
      'channelId',
      'conversation',
      'from',
      'recipient',
      'serviceUrl',
      'text',
      'deliveryMode',
    )
    .chain((field) =>
      fc.oneof(
        fc.constant<Mutation>((a) => {
          const copy = { ...a };
          delete copy[field];
          return copy;
        }),
        fc.jsonValue().map<Mutation>((junk) => (a) => ({ ...a, [field]: junk })),
      ),
    ),
  fc
    .constantFrom(
      'message',
      'conversationUpdate',
      'installationUpdate',
      'invoke',
      'event',
      'messageReaction',
      'typing',
    )
    .map<Mutation>((type) => (a) => ({ ...a, type, membersAdded: [{ id: 'alp-workup-bot' }] })),
  fc.dictionary(fc.string(), fc.jsonValue()).map<Mutation>((extra) => (a) => ({ ...extra, ...a })),
);

describe('fuzzing the HTTP boundary', () => {
  let dataDir: string;
  let app: RunningApp;
  /** The channel's connector, for activities whose mutated deliveryMode asks for normal delivery. */
  let channel: FakeHttpServer;
  const logLines: string[] = [];

  beforeAll(async () => {
    channel = await startFakeHttpServer(() => ({ status: 200, body: { id: 'reply' } }));
    dataDir = mkdtempSync(path.join(tmpdir(), 'alp-fuzz-'));
    const loaded = loadConfig({
      PORT: '0',
      SQLITE_PATH: path.join(dataDir, 'workups.sqlite'),
      RATE_LIMIT_MAX_REQUESTS: '1000000',
    });
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logLines.push(chunk.toString());
        done();
      },
    });
    app = await startApp(loaded.config, createLogger({ level: 'info', destination }));
  });
  afterAll(async () => {
    await app.stop();
    await channel.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers 1500 random and mutated activities without a 5xx or a failed turn', async () => {
    const statuses = new Map<number, number>();
    const count = (status: number) => statuses.set(status, (statuses.get(status) ?? 0) + 1);

    await fc.assert(
      fc.asyncProperty(validActivity, mutation, async (generated, mutate) => {
        const activity = mutate({
          type: 'message',
          channelId: 'msteams',
          serviceUrl: channel.url,
          conversation: { id: generated.conversation },
          from: { id: generated.user },
          recipient: { id: 'alp-workup-bot' },
          deliveryMode: 'expectReplies',
          text: generated.text,
          ...(generated.value === undefined ? {} : { value: generated.value }),
        });
        const response = await fetch(`${app.url}/api/messages`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(activity),
          signal: AbortSignal.timeout(15_000),
        });
        count(response.status);
        const body = await response.text();
        expect(response.status).toBeLessThan(500);
        expect(body).not.toContain(APOLOGY);
      }),
      { numRuns: 1200, seed: 20251125, endOnFailure: true },
    );

    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.jsonValue().map((v) => JSON.stringify(v)),
          fc.string(),
        ),
        async (raw) => {
          const response = await postJson(`${app.url}/api/messages`, raw);
          count(response.status);
          expect(response.status).toBeLessThan(500);
        },
      ),
      { numRuns: 300, seed: 20251125, endOnFailure: true },
    );

    // Both paths were exercised: turns ran and malformed activities were refused.
    expect(statuses.get(200)).toBeGreaterThan(100);
    expect(statuses.get(400)).toBeGreaterThan(100);
    expect(logLines.join('')).not.toContain('turn failed');
  }, 300_000);

  it('keeps serving afterwards, and every fuzzed workup still loads and answers', async () => {
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${app.url}/readyz`)).status).toBe(200);
    for (const conversation of CONVERSATIONS) {
      for (const user of USERS) {
        const response = await postJson(`${app.url}/api/messages`, {
          type: 'message',
          channelId: 'msteams',
          serviceUrl: channel.url,
          conversation: { id: conversation },
          from: { id: user },
          recipient: { id: 'alp-workup-bot' },
          deliveryMode: 'expectReplies',
          text: 'summary',
        });
        expect(response.status).toBe(200);
        const body = await response.text();
        expect(body).not.toContain(APOLOGY);
        expect(JSON.parse(body)).toMatchObject({ activities: expect.arrayContaining([expect.anything()]) });
      }
    }
  });
});
