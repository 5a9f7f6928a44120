import { FixtureBot } from './support/fixture-bot';
import { startFakeHttpServer, type FakeHttpServer } from './support/fake-http-server';
import { postJson, startTestServer, type RunningServer } from './support/test-server';

const production = {
  MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
  MicrosoftAppPassword: 'not-a-real-password',
  AUDIT_SALT: 'a-stable-deployment-salt',
};
const SECRET = 'direct-line-secret-that-must-stay-on-the-server';

describe('POST /api/directline/token in production', () => {
  let azure: FakeHttpServer | undefined;
  let running: RunningServer | undefined;
  afterEach(async () => {
    await running?.close();
    await azure?.close();
  });

  it('exchanges the secret for a conversation token bound to the user; the secret never reaches the page', async () => {
    azure = await startFakeHttpServer(() => ({
      status: 200,
      body: { conversationId: 'azure-conversation', token: 'azure-token', expires_in: 3600 },
    }));
    running = await startTestServer({
      bot: new FixtureBot(),
      env: { ...production, DIRECT_LINE_SECRET: SECRET, DIRECT_LINE_ENDPOINT: azure.url },
    });
    const response = await postJson(`${running.url}/api/directline/token`, { userId: 'web-1' });
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({
      token: 'azure-token',
      conversationId: 'azure-conversation',
      userId: 'dl_web-1',
      expiresIn: 3600,
    });
    expect(text).not.toContain(SECRET);
    expect(azure.requests).toHaveLength(1);
    expect(azure.requests[0]).toMatchObject({ method: 'POST', url: '/v3/directline/tokens/generate' });
    expect(azure.requests[0]?.headers.authorization).toBe(`Bearer ${SECRET}`);
    expect(JSON.parse(azure.requests[0]?.body ?? '{}')).toEqual({ user: { id: 'dl_web-1' } });
    expect(running.logLines.join('')).not.toContain(SECRET);
  });

  it('answers 502 when Direct Line refuses the secret', async () => {
    azure = await startFakeHttpServer(() => ({ status: 403, body: { error: { code: 'BadArgument' } } }));
    running = await startTestServer({
      bot: new FixtureBot(),
      env: { ...production, DIRECT_LINE_SECRET: SECRET, DIRECT_LINE_ENDPOINT: azure.url },
    });
    expect((await postJson(`${running.url}/api/directline/token`, {})).status).toBe(502);
  });

  it('answers 503 naming the variable when no secret is configured', async () => {
    running = await startTestServer({ bot: new FixtureBot(), env: production });
    const response = await postJson(`${running.url}/api/directline/token`, {});
    expect(response.status).toBe(503);
    expect(((await response.json()) as { message: string }).message).toContain('DIRECT_LINE_SECRET');
  });

  it('offers no local Direct Line in production', async () => {
    running = await startTestServer({ bot: new FixtureBot(), env: production });
    expect((await postJson(`${running.url}/v3/directline/conversations`, {})).status).toBe(404);
    expect((await postJson(`${running.url}/v3/conversations/x/activities`, { type: 'message' })).status).toBe(
      404,
    );
  });
});
