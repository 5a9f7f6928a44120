import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServerProcess, type ServerProcess } from './support/server-process';
import { postJson } from './support/test-server';

const ANSWERS = [
  'ALP 180 U/L (ULN 120), baseline ALP 100\nALT 25/40, AST 22/40, T bili 0.6 mg/dL (ULN 1.2), INR 1.0, Ca 2.3 mmol/L (ULN 2.6), albumin 40 g/L\nGGT 30 (ULN 60)',
  'bortezomib week 6, steroids yes, no fracture, not pregnant, fasting',
  'none of these',
  'known bone disease yes, on zoledronic acid, no renal impairment',
];

async function say(server: ServerProcess, text: string): Promise<string> {
  const response = await postJson(`${server.url}/api/messages`, {
    type: 'message',
    channelId: 'msteams',
    serviceUrl: 'https://smba.trafficmanager.net/teams/',
    conversation: { id: 'crash-conversation' },
    from: { id: 'clinician-1' },
    recipient: { id: 'alp-workup-bot' },
    deliveryMode: 'expectReplies',
    text,
  });
  expect(response.status).toBe(200);
  return JSON.stringify(await response.json());
}

/** Kill -9 mid-workup, restart on the same database, continue where the clinician was. */
async function crashAndContinue(env: Record<string, string>, cwd: string): Promise<void> {
  const first = await startServerProcess(env, cwd);
  try {
    expect(await say(first, ANSWERS[0] ?? '')).toContain('Step 2 of 6');
    expect(await say(first, ANSWERS[1] ?? '')).toContain('Red-flag screen');
  } finally {
    await first.crash();
  }
  const second = await startServerProcess(env, cwd);
  try {
    const resumed = await say(second, ANSWERS[2] ?? '');
    expect(resumed).toContain('Bone causes');
    expect(await say(second, ANSWERS[3] ?? '')).toContain('Assessment');
  } finally {
    await second.crash();
  }
}

describe('a real server process killed with SIGKILL mid-workup', () => {
  let workDir: string;
  beforeEach(() => {
    workDir = mkdtempSync(path.join(tmpdir(), 'alp-crash-'));
  });
  afterEach(() => rmSync(workDir, { recursive: true, force: true }));

  it('loses nothing on SQLite', async () => {
    await crashAndContinue({ SQLITE_PATH: path.join(workDir, 'workups.sqlite') }, workDir);
  }, 120_000);

  it('loses nothing on PostgreSQL', async () => {
    const databaseUrl = process.env.TEST_DATABASE_URL;
    if (databaseUrl === undefined || databaseUrl === '') {
      throw new Error(
        'TEST_DATABASE_URL is not set: start a throwaway PostgreSQL with ' +
          '`eval "$(bash scripts/start-test-postgres.sh)"` (bash .ci/run does this).',
      );
    }
    const schema = `crash_${randomBytes(6).toString('hex')}`;
    await crashAndContinue({ DATABASE_URL: databaseUrl, DATABASE_SCHEMA: schema }, workDir);
  }, 120_000);
});
