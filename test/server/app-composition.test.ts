import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { loadConfig } from '../../src/config/load-config';
import { main, startApp, type RunningApp } from '../../src/index';
import { createLogger } from '../../src/server/logger';
import { postJson } from './support/test-server';

const REPORT = [
  'ALP 180 U/L (ULN 120), baseline ALP 100',
  'ALT 25/40, AST 22/40, T bili 0.6 mg/dL (ULN 1.2), INR 1.0, Ca 2.3 mmol/L (ULN 2.6), albumin 40 g/L',
  'GGT 30 (ULN 60)',
].join('\n');
const ANSWERS = [
  REPORT,
  'none of these',
  'bortezomib week 6, steroids yes, no fracture, not pregnant, fasting',
  'known bone disease yes, on zoledronic acid, no renal impairment',
];

/** The real composition (real bot, SQLite in a temp dir) on 127.0.0.1, a random port. */
describe('the composed app', () => {
  let dataDir: string;
  let logLines: string[];
  const apps: RunningApp[] = [];

  async function start(): Promise<RunningApp> {
    const loaded = loadConfig({
      PORT: '0',
      SQLITE_PATH: path.join(dataDir, 'workups.sqlite'),
      LOG_LEVEL: 'debug',
    });
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logLines.push(chunk.toString());
        done();
      },
    });
    const app = await startApp(loaded.config, createLogger({ level: 'debug', destination }));
    apps.push(app);
    return app;
  }

  /** One turn through /api/messages with expectReplies; the replies' text and cards, flattened. */
  async function say(app: RunningApp, text: string, conversationId: string): Promise<string> {
    const response = await postJson(`${app.url}/api/messages`, {
      type: 'message',
      channelId: 'msteams',
      serviceUrl: 'http://127.0.0.1:9',
      conversation: { id: conversationId },
      from: { id: 'clinician-1' },
      recipient: { id: 'alp-workup-bot' },
      deliveryMode: 'expectReplies',
      text,
    });
    expect(response.status).toBe(200);
    return JSON.stringify(await response.json());
  }

  beforeEach(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'alp-app-'));
    logLines = [];
  });
  afterEach(async () => {
    await Promise.all(apps.splice(0).map((app) => app.stop()));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('says it is in local, unauthenticated mode in its first log line', async () => {
    await start();
    expect(logLines[0]).toContain('Local mode');
    expect(logLines[0]).toContain('NOT authenticated');
  });

  it('runs a whole workup through HTTP with expectReplies, and logs no lab value or message text', async () => {
    const app = await start();
    let last = '';
    for (const answer of ANSWERS) last = await say(app, answer, 'conversation-a');
    expect(last).toContain('Assessment');
    expect(last).toContain('Zangari');
    const logs = logLines.join('');
    for (const secret of ['180 U/L', 'ALT 25', 'zoledronic', 'bortezomib week 6'])
      expect(logs).not.toContain(secret);
  });

  it('answers an expectReplies turn with the replies only: a typing indicator there would arrive after the answer', async () => {
    const app = await start();
    const body = JSON.parse(await say(app, ANSWERS[0] ?? '', 'conversation-t')) as {
      activities: { type: string }[];
    };
    expect(body.activities.length).toBeGreaterThan(0);
    expect(body.activities.map((activity) => activity.type)).not.toContain('typing');
  });

  it('continues a workup after a restart on the same SQLite file', async () => {
    const first = await start();
    await say(first, ANSWERS[0] ?? '', 'conversation-b');
    await first.stop();
    apps.splice(apps.indexOf(first), 1);

    const second = await start();
    expect(await say(second, ANSWERS[1] ?? '', 'conversation-b')).toContain('Treatment and context');
  });

  it('serves the web chat through its own Direct Line: the welcome arrives and a report is read', async () => {
    const app = await start();
    const session = (await (
      await postJson(`${app.url}/api/directline/token`, { userId: 'web-1' })
    ).json()) as {
      token: string;
      conversationId: string;
    };
    const auth = { Authorization: `Bearer ${session.token}` };
    const base = `${app.url}/v3/directline/conversations`;
    expect((await postJson(base, {}, auth)).status).toBe(201);
    expect(
      (
        await postJson(
          `${base}/${session.conversationId}/activities`,
          { type: 'message', text: REPORT },
          auth,
        )
      ).status,
    ).toBe(200);
    const transcript = JSON.stringify(
      await (await fetch(`${base}/${session.conversationId}/activities`, { headers: auth })).json(),
    );
    expect(transcript).toContain('Educational decision support for healthcare professionals');
    expect(transcript).toContain('I read: ALP 180 U/L');
  });

  describe('npm start with bad configuration', () => {
    afterEach(() => {
      process.exitCode = undefined;
      jest.restoreAllMocks();
    });

    it.each([
      ['PORT', { PORT: 'eighty' }],
      ['HOST', { HOST: '0.0.0.0' }],
    ])('exits 1 naming %s, without a stack trace', async (variable, env) => {
      const written: string[] = [];
      jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
        written.push(String(chunk));
        return true;
      });
      await main(env);
      expect(process.exitCode).toBe(1);
      expect(written.join('')).toContain(`${variable}: `);
      expect(written.join('')).not.toMatch(/\n\s+at /);
    });
  });
});
