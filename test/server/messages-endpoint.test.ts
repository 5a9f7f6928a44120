import { hashForLog } from '../../src/server/logger';
import { FixtureBot } from './support/fixture-bot';
import { messageActivity, postJson, startTestServer, type RunningServer } from './support/test-server';

describe('POST /api/messages', () => {
  let bot: FixtureBot;
  let running: RunningServer;

  beforeEach(async () => {
    bot = new FixtureBot();
    running = await startTestServer({ bot });
  });
  afterEach(() => running.close());

  it('returns the whole turn in the body with deliveryMode expectReplies', async () => {
    const response = await postJson(`${running.url}/api/messages`, messageActivity('ALP 240 U/L'));
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      activities: { text?: string; attachments?: { contentType: string }[] }[];
    };
    expect(body.activities.map((a) => a.text)).toEqual(['Received 11 characters.', 'Which step?']);
    expect(body.activities[1]?.attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(bot.turns).toEqual(['ALP 240 U/L']);
  });

  it('answers 400 naming the missing field of an incomplete activity, without running a turn', async () => {
    const { from: _from, ...withoutFrom } = messageActivity('hello');
    const response = await postJson(`${running.url}/api/messages`, withoutFrom);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toContain('from');
    expect(bot.turns).toEqual([]);
  });

  it('answers 400 to malformed JSON', async () => {
    const response = await postJson(`${running.url}/api/messages`, '{"type": "message",');
    expect(response.status).toBe(400);
  });

  it('answers 413 to a body over 256 KB', async () => {
    const response = await postJson(`${running.url}/api/messages`, messageActivity('x'.repeat(300 * 1024)));
    expect(response.status).toBe(413);
    expect(bot.turns).toEqual([]);
  });

  it('apologises with a reference when the turn fails, and logs the reference without the text', async () => {
    const response = await postJson(`${running.url}/api/messages`, messageActivity('boom'));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { activities: { text?: string }[] };
    const apology = body.activities[0]?.text ?? '';
    const reference = /error ([0-9a-f]{8})/.exec(apology)?.[1];
    expect(reference).toBeDefined();
    const failure = running.logLines.find((line) => line.includes('turn failed'));
    expect(failure).toContain(reference);
    expect(running.logLines.join('')).not.toContain('exploded while reading');
  });

  it('logs each activity with a request id and the hashed conversation, never the text or the raw id', async () => {
    await postJson(`${running.url}/api/messages`, messageActivity('GGT 187 U/L ULN 60'));
    const logs = running.logLines.join('');
    const line = running.logLines.find((l) => l.includes('activity processed')) ?? '';
    expect(JSON.parse(line)).toMatchObject({
      reqId: expect.any(String),
      conversation: hashForLog('conversation-1'),
      activityType: 'message',
    });
    expect(logs).not.toContain('GGT 187');
    expect(logs).not.toContain('"conversation-1"');
  });
});
