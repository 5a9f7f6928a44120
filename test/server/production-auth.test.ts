import { createPrivateKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { FixtureBot } from './support/fixture-bot';
import { startFakeHttpServer, type FakeHttpServer } from './support/fake-http-server';
import { messageActivity, postJson, startTestServer, type RunningServer } from './support/test-server';

const APP_ID = '00000000-0000-0000-0000-000000000001';
const production = {
  MicrosoftAppId: APP_ID,
  MicrosoftAppPassword: 'not-a-real-password',
  AUDIT_SALT: 'a-stable-salt-1234',
};
const SERVICE_URL = 'https://smba.trafficmanager.net/teams/';

function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** An RS256 JWT as the Bot Framework channel service issues them, signed with `key`. */
function channelToken(key: KeyObject, claims: Record<string, unknown> = {}): string {
  const now = Math.floor(Date.now() / 1000);
  const header = base64url({ alg: 'RS256', typ: 'JWT', kid: 'test-key' });
  const payload = base64url({
    iss: 'https://api.botframework.com',
    aud: APP_ID,
    serviceurl: SERVICE_URL,
    nbf: now - 60,
    exp: now + 3600,
    ...claims,
  });
  const signature = sign('sha256', Buffer.from(`${header}.${payload}`), key).toString('base64url');
  return `${header}.${payload}.${signature}`;
}

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
        : {
            status: 200,
            body: {
              keys: [
                {
                  ...trusted.publicKey.export({ format: 'jwk' }),
                  kid: 'test-key',
                  use: 'sig',
                  endorsements: ['msteams'],
                },
              ],
            },
          },
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
