import { sign, type KeyObject } from 'node:crypto';

export const TEST_APP_ID = '00000000-0000-0000-0000-000000000001';
export const TEST_SERVICE_URL = 'https://smba.trafficmanager.net/teams/';

function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** An RS256 JWT as the Bot Framework channel service issues them, signed with `key`. */
export function channelToken(key: KeyObject, claims: Record<string, unknown> = {}): string {
  const now = Math.floor(Date.now() / 1000);
  const header = base64url({ alg: 'RS256', typ: 'JWT', kid: 'test-key' });
  const payload = base64url({
    iss: 'https://api.botframework.com',
    aud: TEST_APP_ID,
    serviceurl: TEST_SERVICE_URL,
    nbf: now - 60,
    exp: now + 3600,
    ...claims,
  });
  const signature = sign('sha256', Buffer.from(`${header}.${payload}`), key).toString('base64url');
  return `${header}.${payload}.${signature}`;
}

/** The key set document a Bot Framework key endpoint serves, with `key` as the channel's signing key. */
export function keySet(key: KeyObject): unknown {
  return {
    keys: [{ ...key.export({ format: 'jwk' }), kid: 'test-key', use: 'sig', endorsements: ['msteams'] }],
  };
}
