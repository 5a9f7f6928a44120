import type { Activity, TurnContext } from 'botbuilder';
import { createLogger } from '../../src/server/logger';
import { createAdapter } from '../../src/server/workup-adapter';

function activity(serviceUrl: string, n: number): Activity {
  return {
    type: 'message',
    id: `a${n}`,
    channelId: 'webchat',
    serviceUrl,
    deliveryMode: 'expectReplies',
    conversation: { id: `c${n}` },
    from: { id: `u${n}` },
    recipient: { id: 'bot' },
    text: 'hello',
  } as Activity;
}

describe('the adapter reuses its outbound clients across turns', () => {
  it('gives turns to the same service URL one ConnectorClient and one UserTokenClient, another URL its own', async () => {
    const adapter = createAdapter({ bot: undefined }, createLogger({ level: 'silent' }));
    const seen: { connector: unknown; userToken: unknown }[] = [];
    const logic = async (context: TurnContext) => {
      seen.push({
        connector: context.turnState.get(adapter.ConnectorClientKey),
        userToken: context.turnState.get(adapter.UserTokenClientKey),
      });
      await context.sendActivity('hi');
    };

    const first = await adapter.handle('', activity('http://127.0.0.1:9/a', 1), logic);
    await adapter.handle('', activity('http://127.0.0.1:9/a', 2), logic);
    await adapter.handle('', activity('http://127.0.0.1:9/b', 3), logic);

    expect(first?.status).toBe(200);
    expect(seen).toHaveLength(3);
    expect(seen[0]!.connector).toBeDefined();
    expect(seen[1]!.connector).toBe(seen[0]!.connector);
    expect(seen[2]!.connector).not.toBe(seen[0]!.connector);
    expect(seen[1]!.userToken).toBe(seen[0]!.userToken);
    expect(seen[2]!.userToken).toBe(seen[0]!.userToken);
  });
});
