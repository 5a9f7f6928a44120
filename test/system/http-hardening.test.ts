import { appProcessForSuite } from './support/app-process-for-suite';
import { WorkupClient } from './support/workup-client';

jest.setTimeout(120_000);

interface PageSession {
  token: string;
  conversationId: string;
}

/** Web Chat polls once a second: a budget of 600 a minute is used up in ten. */
const POLLS = 620;

describe('rate budgets, caching and ids (one real server process, default limits)', () => {
  const suite = appProcessForSuite('http-hardening');
  const clinician = new WorkupClient('conversation-hardening', 'clinician-hardening');

  const openConversation = async (): Promise<{
    session: PageSession;
    tokenResponse: Response;
    opened: Response;
  }> => {
    const tokenResponse = await fetch(`${suite.app().url}/api/directline/token`, { method: 'POST' });
    const session = (await tokenResponse.clone().json()) as PageSession;
    const opened = await fetch(`${suite.app().url}/v3/directline/conversations`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${session.token}` },
    });
    return { session, tokenResponse, opened };
  };
  const activitiesUrl = (session: PageSession) =>
    `${suite.app().url}/v3/directline/conversations/${session.conversationId}/activities`;

  it('marks every response that carries a token or clinical content Cache-Control: no-store', async () => {
    const { session, tokenResponse, opened } = await openConversation();
    const posted = await fetch(activitiesUrl(session), {
      method: 'POST',
      headers: { Authorization: `Bearer ${session.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ type: 'message', text: 'ALP 300 U/L (ULN 120)' }),
    });
    const polled = await fetch(activitiesUrl(session), {
      headers: { Authorization: `Bearer ${session.token}` },
    });
    const turn = await fetch(`${suite.app().url}/api/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(clinician.activity({ text: 'ALP 300 U/L (ULN 120)' })),
    });
    const discovery = await fetch(`${suite.app().url}/cds-services`);
    const cdsCall = await fetch(`${suite.app().url}/cds-services/alp-workup`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ hook: 'patient-view' }),
    });
    const responses = { tokenResponse, opened, posted, polled, turn, discovery, cdsCall };
    for (const [name, response] of Object.entries(responses)) {
      expect([name, response.headers.get('cache-control')]).toEqual([name, 'no-store']);
    }
    expect(JSON.stringify(await polled.json())).toContain('ALP');
  });

  it.each([
    ['conversation.id', { conversation: { id: 'conversation-\ud800' } }],
    ['from.id', { from: { id: '\udc00clinician' } }],
    ['id', { id: 'activity-\ud83d' }],
    ['replyToId', { replyToId: 'card-\udfff-1' }],
    ['recipient.id', { recipient: { id: 'bot\u0000' } }],
  ])('refuses a malformed %s with 400 naming it, instead of failing the turn', async (field, override) => {
    const response = await fetch(`${suite.app().url}/api/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...clinician.activity({ text: 'start' }), ...override }),
    });
    expect(response.status).toBe(400);
    const { message } = (await response.json()) as { message: string };
    expect(message).toContain(field);
    expect(message).toMatch(/surrogate|control character/);
  });

  it('refuses a malformed replyToId from the web page too', async () => {
    const { session } = await openConversation();
    const response = await fetch(activitiesUrl(session), {
      method: 'POST',
      headers: { Authorization: `Bearer ${session.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ type: 'message', text: 'start', replyToId: 'x\ud800' }),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toContain('replyToId');
  });

  it(`keeps the page and its assets open to a user whose chat polled ${POLLS} times`, async () => {
    const { session } = await openConversation();
    const statuses = new Map<number, number>();
    for (let poll = 0; poll < POLLS; poll += 1) {
      const response = await fetch(activitiesUrl(session), {
        headers: { Authorization: `Bearer ${session.token}` },
      });
      await response.arrayBuffer();
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
    }
    // The polling has its own budget, and it is spent...
    expect(statuses.get(429)).toBeGreaterThan(0);
    // ...but not the page's.
    expect((await fetch(`${suite.app().url}/`)).status).toBe(200);
    expect((await fetch(`${suite.app().url}/assets/app.js`)).status).toBe(200);
    const page = await fetch(`${suite.app().url}/`);
    expect(page.headers.get('cache-control')).toBe('no-cache');
  });
});
