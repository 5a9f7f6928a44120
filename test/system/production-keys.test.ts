import { generateKeyPairSync } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { channelToken, keySet, TEST_APP_ID, TEST_SERVICE_URL } from '../server/support/channel-token';
import type { AppProcess } from './support/app-process';
import { appProcessForSuite } from './support/app-process-for-suite';

jest.setTimeout(120_000);

/** What the stand-in for Microsoft's key endpoint does with each request. */
type KeyEndpointMode = 'serve' | 'hang' | 'not-json' | 'no-usable-key' | 'status-500';

interface KeyEndpoint {
  url: string;
  mode: KeyEndpointMode;
  /** Requests received, whatever the mode. */
  requests: number;
  close(): Promise<void>;
}

const trusted = generateKeyPairSync('rsa', { modulusLength: 2048 });
const impostor = generateKeyPairSync('rsa', { modulusLength: 2048 });

/** Bot Framework's OpenID metadata and key set on 127.0.0.1, in the mode the test sets. */
async function startKeyEndpoint(mode: KeyEndpointMode): Promise<KeyEndpoint> {
  const sockets = new Set<Socket>();
  const endpoint: KeyEndpoint = { url: '', mode, requests: 0, close: async () => undefined };
  const server: Server = createServer((req, res) => {
    endpoint.requests += 1;
    if (endpoint.mode === 'hang') return;
    const send = (status: number, body: string) => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(body);
    };
    if (endpoint.mode === 'status-500') return send(500, '{}');
    if (req.url === '/openid') {
      return send(
        200,
        JSON.stringify({ issuer: 'https://api.botframework.com', jwks_uri: `${endpoint.url}/keys` }),
      );
    }
    if (endpoint.mode === 'not-json') return send(200, '<html>maintenance</html>');
    if (endpoint.mode === 'no-usable-key') {
      return send(
        200,
        JSON.stringify({
          keys: [
            { kid: 'test-key', kty: 'RSA', n: 'AQAB', e: 'AQAB' },
            { kid: 'other-key', kty: 'oct', k: 'c2VjcmV0' },
          ],
        }),
      );
    }
    return send(200, JSON.stringify(keySet(trusted.publicKey)));
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  endpoint.close = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });
  return endpoint;
}

/** A port nothing listens on: connections to it are refused. */
async function refusingUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

const production = (metadataUrl: string) => ({
  MicrosoftAppId: TEST_APP_ID,
  MicrosoftAppPassword: 'not-a-real-password',
  AUDIT_SALT: 'k3y-Endpoint-test-Salt-9f2c',
  BOT_OPENID_METADATA_URL: metadataUrl,
  BOT_KEYS_TIMEOUT_SECONDS: '1',
});

const teamsActivity = {
  type: 'message',
  channelId: 'msteams',
  serviceUrl: TEST_SERVICE_URL,
  conversation: { id: 'keys-conversation' },
  from: { id: 'keys-clinician' },
  recipient: { id: 'alp-workup-bot' },
  text: 'start',
  deliveryMode: 'expectReplies',
};

const post = (app: AppProcess, headers: Record<string, string>) =>
  fetch(`${app.url}/api/messages`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(teamsActivity),
  });

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/** Tokens that are forged on their face: no key is needed to refuse them. */
const plainlyForged: [string, Record<string, string>][] = [
  ['no Authorization header', {}],
  ['a bearer that is not a JWT', { Authorization: 'Bearer not-a-token' }],
  ['a token for another bot', bearer(channelToken(trusted.privateKey, { aud: 'another-bot' }))],
  ['an expired token', bearer(channelToken(trusted.privateKey, { exp: 1_000_000 }))],
  [
    'an unsigned token (alg none)',
    { Authorization: `Bearer ${Buffer.from('{"alg":"none","kid":"k"}').toString('base64url')}.e30.x` },
  ],
];

/** botbuilder's console.error printed the stack and "Available keys: -----BEGIN RSA PUBLIC KEY-----...". */
function expectNoKeyOrStack(stderr: string): void {
  expect(stderr).not.toMatch(/BEGIN [A-Z ]*KEY/);
  expect(stderr).not.toMatch(/^\s+at /m);
  expect(stderr).not.toContain('Available keys');
}

describe('production mode when the key endpoint misbehaves (real server process)', () => {
  describe.each<[string, KeyEndpointMode | 'refused']>([
    ['hangs (accepts, never answers)', 'hang'],
    ['refuses connections', 'refused'],
    ['answers 500', 'status-500'],
    ['serves something other than JSON', 'not-json'],
    ['serves no usable key', 'no-usable-key'],
  ])('the key endpoint %s', (_name, mode) => {
    let endpoint: KeyEndpoint | undefined;
    let metadataUrl = '';

    // The key endpoint starts before the app process and closes after it.
    beforeAll(async () => {
      endpoint = mode === 'refused' ? undefined : await startKeyEndpoint(mode);
      metadataUrl = `${endpoint?.url ?? (await refusingUrl())}/openid`;
    });
    const suite = appProcessForSuite(`keys-${mode}`, { env: () => production(metadataUrl) });
    afterAll(async () => {
      await endpoint?.close();
    });

    it.each(plainlyForged)('answers 401 to %s without the keys', async (_case, headers) => {
      expect((await post(suite.app(), headers)).status).toBe(401);
    });

    it('answers a well-formed token it cannot check with 503 and Retry-After, and fetches once for many requests', async () => {
      for (let attempt = 0; attempt < 4; attempt += 1) {
        const response = await post(suite.app(), bearer(channelToken(impostor.privateKey)));
        expect(response.status).toBe(503);
        expect(Number(response.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
        expect(((await response.json()) as { message: string }).message).toContain('signing keys');
      }
      if (endpoint !== undefined) expect(endpoint.requests).toBeLessThanOrEqual(2);
    });

    it('logs the failure once per interval with a reason, and nothing on stderr', async () => {
      await suite.app().stop();
      const failures =
        suite
          .app()
          .output()
          .match(/could not fetch the Bot Framework signing keys/g) ?? [];
      expect(failures).toHaveLength(1);
      expect(suite.app().stderr()).toBe('');
      expectNoKeyOrStack(suite.app().output());
    });
  });

  describe('the key endpoint serves the channel key', () => {
    let endpoint: KeyEndpoint | undefined;

    // The key endpoint starts before the app process and closes after it.
    beforeAll(async () => {
      endpoint = await startKeyEndpoint('serve');
    });
    const suite = appProcessForSuite('keys-serve', { env: () => production(`${endpoint?.url}/openid`) });
    afterAll(async () => {
      await endpoint?.close();
    });

    it('answers 401 to every forged token, logs the refusals once per interval and prints no key or stack', async () => {
      for (const [, headers] of plainlyForged) expect((await post(suite.app(), headers)).status).toBe(401);
      for (let attempt = 0; attempt < 5; attempt += 1) {
        expect((await post(suite.app(), bearer(channelToken(impostor.privateKey)))).status).toBe(401);
      }
      expect((await post(suite.app(), bearer(channelToken(trusted.privateKey)))).status).toBe(200);
      await suite.app().stop();
      expect(
        suite
          .app()
          .output()
          .match(/rejected an unauthenticated request/g) ?? [],
      ).toHaveLength(1);
      expect(suite.app().stderr()).toBe('');
      expectNoKeyOrStack(suite.app().output());
    });
  });
});
