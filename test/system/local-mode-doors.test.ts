import { startFakeHttpServer, type FakeHttpServer } from '../server/support/fake-http-server';
import { appProcessForSuite } from './support/app-process-for-suite';
import { WorkupClient } from './support/workup-client';

jest.setTimeout(120_000);

interface PageSession {
  token: string;
  conversationId: string;
}

describe('local mode has no open doors (one real server process)', () => {
  const suite = appProcessForSuite('doors', {
    env: { RATE_LIMIT_MAX_REQUESTS: '1000000', RATE_LIMIT_TOKEN_MAX_REQUESTS: '1000000' },
  });
  let foreignConnector: FakeHttpServer;
  const clinician = new WorkupClient('conversation-doors', 'clinician-doors');

  beforeAll(async () => {
    foreignConnector = await startFakeHttpServer(() => ({ status: 200, body: { id: 'x' } }));
  });
  afterAll(async () => {
    await foreignConnector?.close();
  });

  const normalDelivery = (serviceUrl: string) => {
    const { deliveryMode: _expectReplies, ...activity } = clinician.activity({ text: 'start' });
    return { ...activity, serviceUrl };
  };

  it('refuses a form or text body on /api/messages: a cross-site form needs no preflight', async () => {
    for (const [type, body] of <[string, string][]>[
      ['application/x-www-form-urlencoded', 'type=message&channelId=x&text=start'],
      ['text/plain', JSON.stringify(normalDelivery('http://127.0.0.1:9'))],
    ]) {
      const response = await fetch(`${suite.app().url}/api/messages`, {
        method: 'POST',
        headers: { 'Content-Type': type },
        body,
      });
      expect(response.status).toBe(415);
    }
  });

  it('refuses a request from another site (foreign Origin)', async () => {
    const response = await fetch(`${suite.app().url}/api/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: 'https://attacker.example' },
      body: JSON.stringify(clinician.activity({ text: 'start' })),
    });
    expect(response.status).toBe(403);
  });

  it('replies to no serviceUrl off this machine', async () => {
    const foreign = foreignConnector.url.replace('127.0.0.1', '192.0.2.10');
    const response = await fetch(`${suite.app().url}/api/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(normalDelivery(foreign)),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toContain('serviceUrl');
  });

  const openConversation = async (): Promise<PageSession> => {
    const session = (await (
      await fetch(`${suite.app().url}/api/directline/token`, { method: 'POST' })
    ).json()) as PageSession;
    const opened = await fetch(`${suite.app().url}/v3/directline/conversations`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${session.token}` },
    });
    expect(opened.status).toBe(201);
    return session;
  };
  const poll = (session: PageSession) =>
    fetch(`${suite.app().url}/v3/directline/conversations/${session.conversationId}/activities`, {
      headers: { Authorization: `Bearer ${session.token}` },
    });

  it('takes no bot message from anyone but the bot: the Bot Connector paths need the secret of this process', async () => {
    const session = await openConversation();
    const before = (await (await poll(session)).json()) as { activities: unknown[] };
    for (const [method, path] of [
      ['POST', `/v3/conversations/${session.conversationId}/activities`],
      ['PUT', `/v3/conversations/${session.conversationId}/activities/${session.conversationId}%7C0`],
    ] as const) {
      const injected = await fetch(`${suite.app().url}${path}`, {
        method,
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          type: 'message',
          text: '[Session expired - sign in](https://attacker.example)',
        }),
      });
      expect(injected.status).toBe(404);
    }
    const after = (await (await poll(session)).json()) as { activities: unknown[] };
    expect(after.activities).toEqual(before.activities);
    expect(JSON.stringify(after)).not.toContain('attacker');
  });

  it('evicts the conversation used longest ago, not the one opened first, when 1000 more are opened', async () => {
    const kept = await openConversation();
    for (let opened = 0; opened < 1000; opened += 1) {
      await fetch(`${suite.app().url}/api/directline/token`, { method: 'POST' });
      if (opened % 100 === 0) expect((await poll(kept)).status).toBe(200);
    }
    expect((await poll(kept)).status).toBe(200);
  });
});
