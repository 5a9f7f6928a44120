import { FixtureBot } from './support/fixture-bot';
import { postJson, startTestServer, type RunningServer } from './support/test-server';

interface PageToken {
  token: string;
  conversationId: string;
  userId: string;
  domain: string;
}
interface Activity {
  id: string;
  type: string;
  text?: string;
  from: { id: string; role?: string };
  attachments?: { contentType: string }[];
}
interface ActivityPage {
  activities: Activity[];
  watermark: string;
}

describe('local Direct Line 3.0 emulation', () => {
  let bot: FixtureBot;
  let running: RunningServer;

  beforeEach(async () => {
    bot = new FixtureBot();
    running = await startTestServer({ bot });
  });
  afterEach(() => running.close());

  const directLine = (path: string) => `${running.url}/v3/directline${path}`;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

  async function openConversation(): Promise<PageToken> {
    const tokenResponse = await postJson(`${running.url}/api/directline/token`, { userId: 'web-1234' });
    expect(tokenResponse.status).toBe(200);
    const session = (await tokenResponse.json()) as PageToken;
    expect(session.domain).toBe('/v3/directline');
    const opened = await postJson(directLine('/conversations'), {}, auth(session.token));
    expect(opened.status).toBe(201);
    expect(await opened.json()).toMatchObject({
      conversationId: session.conversationId,
      token: session.token,
    });
    return session;
  }

  async function poll(session: PageToken, watermark?: string): Promise<ActivityPage> {
    const query = watermark === undefined ? '' : `?watermark=${watermark}`;
    const response = await fetch(directLine(`/conversations/${session.conversationId}/activities${query}`), {
      headers: auth(session.token),
    });
    expect(response.status).toBe(200);
    return (await response.json()) as ActivityPage;
  }

  it('runs a round trip: the welcome, the echo of the user message and the bot replies via the connector', async () => {
    const session = await openConversation();
    const first = await poll(session);
    expect(first.activities.map((a) => a.text)).toEqual(['Welcome to the fixture bot.']);

    const posted = await postJson(
      directLine(`/conversations/${session.conversationId}/activities`),
      { type: 'message', text: 'ALP 240', from: { id: 'someone-else' } },
      auth(session.token),
    );
    expect(posted.status).toBe(200);
    const { id } = (await posted.json()) as { id: string };

    const next = await poll(session, first.watermark);
    expect(next.activities.map((a) => a.id)).toContain(id);
    const echo = next.activities.find((a) => a.id === id);
    // The identity comes from the token, not from what the page claims.
    expect(echo?.from).toMatchObject({ id: 'web-1234', role: 'user' });
    const replies = next.activities.filter((a) => a.from.id !== 'web-1234');
    expect(replies.map((a) => a.text)).toEqual(['Received 7 characters.', 'Which step?']);
    expect(replies[1]?.attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(bot.turns).toEqual(['ALP 240']);

    const after = await poll(session, next.watermark);
    expect(after.activities).toEqual([]);
  });

  it('greets only once however often the page reopens the conversation', async () => {
    const session = await openConversation();
    await postJson(directLine('/conversations'), {}, auth(session.token));
    const page = await poll(session);
    expect(page.activities.filter((a) => a.text === 'Welcome to the fixture bot.')).toHaveLength(1);
  });

  it("refuses another conversation's token and unknown conversations", async () => {
    const mine = await openConversation();
    const theirs = await openConversation();
    const wrongToken = await fetch(directLine(`/conversations/${mine.conversationId}/activities`), {
      headers: auth(theirs.token),
    });
    expect(wrongToken.status).toBe(403);
    const unknown = await fetch(directLine('/conversations/not-a-conversation/activities'), {
      headers: auth(mine.token),
    });
    expect(unknown.status).toBe(404);
    const noToken = await postJson(directLine('/conversations'), {});
    expect(noToken.status).toBe(403);
  });

  it('answers 400 to an activity without a type and to a bad watermark', async () => {
    const session = await openConversation();
    const noType = await postJson(
      directLine(`/conversations/${session.conversationId}/activities`),
      { text: 'hello' },
      auth(session.token),
    );
    expect(noType.status).toBe(400);
    const badWatermark = await fetch(
      directLine(`/conversations/${session.conversationId}/activities?watermark=x`),
      {
        headers: auth(session.token),
      },
    );
    expect(badWatermark.status).toBe(400);
    expect(bot.turns).toEqual([]);
  });

  it('lets the bot replace one of its activities (updateActivity)', async () => {
    const session = await openConversation();
    const [welcome] = (await poll(session)).activities;
    const activityPath = `/v3/conversations/${session.conversationId}/activities/${encodeURIComponent(welcome?.id ?? '')}`;
    const unguarded = await fetch(`${running.url}${activityPath}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ type: 'message', text: 'Injected.' }),
    });
    expect(unguarded.status).toBe(404);
    const updated = await fetch(`${running.url}${running.localConnectorPath ?? ''}${activityPath}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ type: 'message', text: 'Answered.' }),
    });
    expect(updated.status).toBe(200);
    expect((await poll(session)).activities.map((a) => a.text)).toEqual(['Answered.']);
  });

  it('refuses a userId that is not a plain identifier', async () => {
    const response = await postJson(`${running.url}/api/directline/token`, { userId: '<script>' });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toContain('userId');
  });

  it("limits the Bot Connector endpoints per conversation, leaving other conversations' replies alone", async () => {
    await running.close();
    running = await startTestServer({ bot, env: { RATE_LIMIT_DIRECT_LINE_MAX_REQUESTS: '5' } });
    const flooded = await openConversation();
    const other = await openConversation();
    const connector = (session: PageToken) =>
      `${running.url}${running.localConnectorPath ?? ''}/v3/conversations/${session.conversationId}/activities`;
    const statuses: number[] = [];
    for (let post = 0; post < 8; post += 1) {
      statuses.push((await postJson(connector(flooded), { type: 'message', text: `flood ${post}` })).status);
    }
    // The welcome the bot posted when the conversation opened took one of the five.
    expect(statuses).toEqual([200, 200, 200, 200, 429, 429, 429, 429]);
    expect((await postJson(connector(other), { type: 'message', text: 'still delivered' })).status).toBe(200);
  });
});
