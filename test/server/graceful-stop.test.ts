import type { TurnContext } from 'botbuilder';
import { messageActivity, postJson, startTestServer, type RunningServer } from './support/test-server';

/** A turn that waits until the test releases it: a request provably in flight during shutdown. */
function heldTurn() {
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  let entered: () => void = () => undefined;
  const started = new Promise<void>((resolve) => (entered = resolve));
  const logic = async (context: TurnContext) => {
    entered();
    await released;
    await context.sendActivity('finished after shutdown began');
  };
  return { logic, release, started };
}

describe('graceful stop', () => {
  let running: RunningServer;
  afterEach(() => running.close());

  it('refuses new requests, finishes the turn in flight, then closes', async () => {
    const turn = heldTurn();
    running = await startTestServer({ bot: turn.logic });
    const inFlight = postJson(`${running.url}/api/messages`, messageActivity('first'));
    await turn.started;

    const stopping = running.stop(5000);
    const refused = await fetch(`${running.url}/healthz`);
    expect(refused.status).toBe(503);

    turn.release();
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(((await response.json()) as { activities: { text: string }[] }).activities[0]?.text).toBe(
      'finished after shutdown began',
    );
    await expect(stopping).resolves.toBe('drained');
    await expect(fetch(`${running.url}/healthz`)).rejects.toThrow();
  });

  it('lets the bot reply through the local Direct Line while draining', async () => {
    const turn = heldTurn();
    running = await startTestServer({ bot: turn.logic });
    const session = (await (await postJson(`${running.url}/api/directline/token`, {})).json()) as {
      token: string;
      conversationId: string;
    };
    const auth = { Authorization: `Bearer ${session.token}` };
    const opened = postJson(`${running.url}/v3/directline/conversations`, {}, auth);
    await turn.started;
    const stopping = running.stop(5000);
    turn.release();
    expect((await opened).status).toBe(201);
    await expect(stopping).resolves.toBe('drained');
    // The reply went through the connector callback; a refused callback would have failed the turn.
    expect(running.logLines.join('')).not.toContain('turn failed');
  });
});
