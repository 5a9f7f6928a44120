import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { channelToken, keySet, TEST_APP_ID, TEST_SERVICE_URL } from './support/channel-token';
import { FixtureBot } from './support/fixture-bot';
import { startFakeHttpServer, type FakeHttpServer } from './support/fake-http-server';
import { messageActivity, postJson, startTestServer, type RunningServer } from './support/test-server';

const production = {
  MicrosoftAppId: TEST_APP_ID,
  MicrosoftAppPassword: 'not-a-real-password',
  AUDIT_SALT: 'a-stable-salt-1234',
};
const SERVICE_URL = TEST_SERVICE_URL;

describe('production mode authentication', () => {
  const trusted = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const impostor = generateKeyPairSync('rsa', { modulusLength: 2048 });
  let keys: FakeHttpServer;
  let bot: FixtureBot;
  let running: RunningServer;

  beforeAll(async () => {
    // Bot Framework's OpenID metadata and signing keys, served locally: only `trusted` signs for the channel.
    keys = await startFakeHttpServer((request) =>
      request.url === '/openid'
        ? { status: 200, body: { issuer: 'https://api.botframework.com', jwks_uri: `${keys.url}/keys` } }
        : { status: 200, body: keySet(trusted.publicKey) },
    );
  });
  afterAll(() => keys.close());

  beforeEach(async () => {
    bot = new FixtureBot();
    running = await startTestServer({
      bot,
      env: production,
      authEndpoints: {
        ToBotFromChannelOpenIdMetadataUrl: `${keys.url}/openid`,
        ToBotFromEmulatorOpenIdMetadataUrl: `${keys.url}/openid`,
      },
    });
  });
  afterEach(() => running.close());

  const teamsActivity = () =>
    messageActivity('ALP 240', {
      channelId: 'msteams',
      serviceUrl: SERVICE_URL,
      deliveryMode: 'expectReplies',
    });

  it.each([
    ['no Authorization header', {}],
    ['a bearer that is not a JWT', { Authorization: 'Bearer not-a-token' }],
    ['a token signed by another key', { Authorization: `Bearer ${channelToken(impostor.privateKey)}` }],
    [
      'a token for another bot',
      {
        Authorization: `Bearer ${channelToken(trusted.privateKey, { aud: '00000000-0000-0000-0000-000000000002' })}`,
      },
    ],
  ])('answers 401 to %s and runs no turn', async (_case, headers) => {
    const response = await postJson(`${running.url}/api/messages`, teamsActivity(), headers);
    expect(response.status).toBe(401);
    expect(bot.turns).toEqual([]);
  });

  it('runs the turn for a token the channel signed with its published key', async () => {
    const privateKey = createPrivateKey(trusted.privateKey.export({ format: 'pem', type: 'pkcs8' }));
    const response = await postJson(`${running.url}/api/messages`, teamsActivity(), {
      Authorization: `Bearer ${channelToken(privateKey)}`,
    });
    expect(response.status).toBe(200);
    expect(bot.turns).toEqual(['ALP 240']);
  });
});
