import { createHash, randomBytes } from 'node:crypto';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import {
  startSmartAuthorizationServer,
  type SmartAuthorizationServer,
} from '../../support/smart-authorization-server';

/**
 * The loopback authorization server the e2e tests launch against refuses what a SMART App Launch
 * 2.0 server refuses: an unregistered redirect URI, a missing state, no PKCE S256, a scope it
 * does not grant, a launch scope without a launch it issued, a wrong code verifier, a code used
 * twice. Otherwise the e2e tests would prove the page against a server that accepts anything.
 */

const FHIR = 'http://127.0.0.1:1/fhir';
const REDIRECT = 'http://127.0.0.1:2/';
const SCOPE = 'launch openid fhirUser patient/Patient.r patient/Observation.rs';
let auth: SmartAuthorizationServer;

beforeAll(async () => {
  auth = await startSmartAuthorizationServer({
    clients: [{ clientId: 'app', redirectUri: REDIRECT }],
    audience: () => FHIR,
    patients: ['p1'],
  });
});

afterAll(() => auth.close());

const verifier = randomBytes(32).toString('base64url');
const challenge = createHash('sha256').update(verifier).digest('base64url');

function authorizeUrl(overrides: Record<string, string | undefined> = {}): string {
  const params: Record<string, string | undefined> = {
    response_type: 'code',
    client_id: 'app',
    redirect_uri: REDIRECT,
    scope: SCOPE,
    state: 'state-1',
    aud: FHIR,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    launch: auth.registerLaunch('p1'),
    ...overrides,
  };
  const url = new URL(auth.authorizationEndpoint);
  for (const [key, value] of Object.entries(params))
    if (value !== undefined) url.searchParams.set(key, value);
  return url.href;
}

/** The error an authorization request is redirected back with, or the status of the error page. */
async function authorizeError(overrides: Record<string, string | undefined>): Promise<string> {
  const response = await fetch(authorizeUrl(overrides), { redirect: 'manual' });
  if (response.status !== 302) return `page ${response.status}`;
  const back = new URL(response.headers.get('location') ?? '');
  return `${back.searchParams.get('error')}: ${back.searchParams.get('error_description')}`;
}

/** Allows an authorization request on its consent page and returns the code it redirects with. */
async function codeFor(overrides: Record<string, string | undefined> = {}): Promise<string> {
  const page = await (await fetch(authorizeUrl(overrides))).text();
  const request = /name="request" value="([^"]+)"/.exec(page)?.[1] ?? '';
  const decided = await fetch(`${auth.url}/authorize/decision`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ request, decision: 'allow' }),
    redirect: 'manual',
  });
  const back = new URL(decided.headers.get('location') ?? '');
  expect(back.origin + back.pathname).toBe(REDIRECT);
  expect(back.searchParams.get('state')).toBe('state-1');
  return back.searchParams.get('code') ?? '';
}

const exchange = (code: string, codeVerifier: string, redirectUri = REDIRECT) =>
  fetch(auth.tokenEndpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      code_verifier: codeVerifier,
      redirect_uri: redirectUri,
      client_id: 'app',
    }),
  });

test('an authorization request is refused as SMART 2.0 says: redirect URI, state, PKCE, aud, scopes, launch', async () => {
  expect(await authorizeError({ redirect_uri: 'http://127.0.0.1:3/' })).toBe('page 400');
  expect(await authorizeError({ client_id: 'other' })).toBe('page 400');
  expect(await authorizeError({ state: undefined })).toBe('invalid_request: state is required');
  expect(await authorizeError({ code_challenge_method: 'plain' })).toBe(
    'invalid_request: PKCE with code_challenge_method S256 is required',
  );
  expect(await authorizeError({ aud: 'http://elsewhere/fhir' })).toContain("is not this server's FHIR base");
  expect(await authorizeError({ scope: `${SCOPE} patient/Observation.cruds` })).toBe(
    'invalid_scope: not granted: patient/Observation.cruds',
  );
  expect(await authorizeError({ launch: 'made-up' })).toBe(
    'invalid_request: the launch scope needs a launch id this EHR issued',
  );
});

test('the code is exchanged only with its PKCE verifier and redirect URI, once, for a token and a signed id_token', async () => {
  expect((await (await exchange(await codeFor(), 'wrong-verifier')).json()).error_description).toBe(
    'PKCE code_verifier does not match',
  );
  expect(
    (await (await exchange(await codeFor(), verifier, 'http://127.0.0.1:3/')).json()).error_description,
  ).toBe('redirect_uri does not match the code');
  const code = await codeFor();
  const response = await exchange(code, verifier);
  expect(response.status).toBe(200);
  const token = await response.json();
  expect(token).toMatchObject({ token_type: 'Bearer', patient: 'p1', scope: SCOPE });
  expect(auth.check(token.access_token)).toMatchObject({ ok: true });
  const { payload } = await jwtVerify(token.id_token, createRemoteJWKSet(new URL(auth.jwksUri)), {
    issuer: auth.url,
    audience: 'app',
  });
  expect(payload.fhirUser).toBe(`${FHIR}/Practitioner/test-clinician`);
  expect((await (await exchange(code, verifier)).json()).error_description).toBe('code already used');
  auth.expireAll();
  expect(auth.check(token.access_token)).toEqual({ ok: false, reason: 'token expired' });
});

test('a server that withholds a resource type grants the rest and says so in the token response, rather than refusing', async () => {
  auth.withhold(['MedicationStatement']);
  try {
    const asked = `${SCOPE} patient/MedicationStatement.rs`;
    const token = await (await exchange(await codeFor({ scope: asked }), verifier)).json();
    expect(token.scope).toBe(SCOPE);
    expect(auth.check(token.access_token)).toMatchObject({ ok: true, token: { scopes: SCOPE.split(' ') } });
  } finally {
    auth.withhold(undefined);
  }
});
