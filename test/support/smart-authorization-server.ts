import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';

/**
 * A minimal SMART App Launch 2.0 authorization server for tests, on 127.0.0.1. No kept one is on
 * the npm registry (the SMART launcher is a hosted app), so this follows the spec's rules itself:
 * authorization code flow for a public client, PKCE S256 required, `state` echoed, the redirect
 * URI and `aud` matched exactly, every requested scope checked against what it grants, a `launch`
 * id issued by the "EHR" required with the `launch` scope, a patient picked for `launch/patient`.
 * The consent screen is a real page with Allow and Deny; the id_token is signed (RS256) with `jose`.
 * Like an EHR whose policy allows the app less than it asks, it can withhold the scopes of some
 * resource types: it then grants the rest and says so in the token response's `scope`, as SMART
 * allows, instead of refusing the request.
 */

export interface SmartClient {
  clientId: string;
  redirectUri: string;
}

export interface IssuedToken {
  accessToken: string;
  clientId: string;
  patient: string;
  scopes: string[];
  /** Epoch seconds. */
  expiresAt: number;
}

export interface SmartAuthorizationServer {
  /** This server's origin, e.g. http://127.0.0.1:41235. */
  url: string;
  authorizationEndpoint: string;
  tokenEndpoint: string;
  jwksUri: string;
  /** What the FHIR server publishes at `{iss}/.well-known/smart-configuration`. */
  smartConfiguration(options?: { scopeStyle?: 'v1' | 'v2' }): Record<string, unknown>;
  /** The EHR opening the app from a chart: a launch id that stands for this patient. */
  registerLaunch(patient: string): string;
  /** The token's grant when it is live, else why not: what the FHIR server asks. */
  check(accessToken: string): { ok: true; token: IssuedToken } | { ok: false; reason: string };
  /** Every access token issued, to look for them where they must not be. */
  issued: IssuedToken[];
  /** Grants no scope of these resource types from now on (undefined: grants all it knows). */
  withhold(resourceTypes: readonly string[] | undefined): void;
  /** Makes every token issued so far expired, as the clock would. */
  expireAll(): void;
  /** Each refused request, with the reason: tests assert on them. */
  refusals: string[];
  close(): Promise<void>;
}

interface PendingAuthorization {
  clientId: string;
  redirectUri: string;
  state: string;
  scopes: string[];
  codeChallenge: string;
  patient?: string;
}

interface IssuedCode extends PendingAuthorization {
  patient: string;
  used: boolean;
  expiresAt: number;
}

const SCOPES_GRANTED = new Set([
  'launch',
  'launch/patient',
  'openid',
  'fhirUser',
  'offline_access',
  'patient/Patient.r',
  'patient/Patient.rs',
  'patient/Patient.read',
  'patient/Observation.rs',
  'patient/Observation.read',
  'patient/Condition.rs',
  'patient/Condition.read',
  'patient/MedicationRequest.rs',
  'patient/MedicationRequest.read',
  'patient/MedicationStatement.rs',
  'patient/MedicationStatement.read',
]);

const CODE_LIFETIME_S = 60;
const TOKEN_LIFETIME_S = 3600;

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const base64url = (bytes: Buffer): string => bytes.toString('base64url');

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

export async function startSmartAuthorizationServer(options: {
  clients: SmartClient[];
  /** The FHIR base URL tokens are for (`aud`); set once the FHIR server listens. */
  audience: () => string;
  /** Patients a standalone launch may pick, by id. */
  patients: string[];
}): Promise<SmartAuthorizationServer> {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  const launches = new Map<string, string>();
  const pending = new Map<string, PendingAuthorization>();
  const codes = new Map<string, IssuedCode>();
  const issued: IssuedToken[] = [];
  const refusals: string[] = [];
  const now = () => Math.floor(Date.now() / 1000);
  let origin = '';
  let withheld = new Set<string>();

  const refuse = (res: ServerResponse, status: number, reason: string, body: object) => {
    refusals.push(reason);
    res.writeHead(status, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
    res.end(JSON.stringify(body));
  };

  const errorPage = (res: ServerResponse, reason: string) => {
    refusals.push(reason);
    res.writeHead(400, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><title>Authorization error</title><p id="error">${escapeHtml(reason)}</p>`);
  };

  const redirectWith = (res: ServerResponse, redirectUri: string, params: Record<string, string>) => {
    const target = new URL(redirectUri);
    for (const [key, value] of Object.entries(params)) target.searchParams.set(key, value);
    res.writeHead(302, { location: target.href });
    res.end();
  };

  /** GET /authorize: check the request, then show the consent page (or redirect with the error). */
  function authorize(url: URL, res: ServerResponse): void {
    const q = url.searchParams;
    const client = options.clients.find((c) => c.clientId === q.get('client_id'));
    if (client === undefined) return errorPage(res, `unknown client_id ${q.get('client_id') ?? '(none)'}`);
    const redirectUri = q.get('redirect_uri') ?? '';
    // Never redirect to a URI that was not registered: the error is shown here instead.
    if (redirectUri !== client.redirectUri)
      return errorPage(res, `redirect_uri ${redirectUri} is not registered`);
    const state = q.get('state') ?? '';
    const fail = (error: string, description: string) => {
      refusals.push(`${error}: ${description}`);
      redirectWith(res, redirectUri, { error, error_description: description, ...(state ? { state } : {}) });
    };
    if (state === '') return fail('invalid_request', 'state is required');
    if (q.get('response_type') !== 'code')
      return fail('unsupported_response_type', 'response_type must be code');
    if (q.get('aud') !== options.audience())
      return fail('invalid_request', `aud ${q.get('aud') ?? ''} is not this server's FHIR base`);
    if (q.get('code_challenge_method') !== 'S256' || !q.get('code_challenge'))
      return fail('invalid_request', 'PKCE with code_challenge_method S256 is required');
    const scopes = (q.get('scope') ?? '').split(' ').filter((s) => s !== '');
    const unknown = scopes.filter((s) => !SCOPES_GRANTED.has(s));
    if (unknown.length > 0) return fail('invalid_scope', `not granted: ${unknown.join(' ')}`);
    const granted = scopes.filter(
      (s) => !withheld.has(/^(?:patient|user)\/([A-Za-z*]+)\./.exec(s)?.[1] ?? ''),
    );
    let patient: string | undefined;
    if (scopes.includes('launch')) {
      patient = launches.get(q.get('launch') ?? '');
      if (patient === undefined)
        return fail('invalid_request', 'the launch scope needs a launch id this EHR issued');
    } else if (!scopes.includes('launch/patient')) {
      return fail('invalid_scope', 'launch or launch/patient is needed for a patient context');
    }
    const id = base64url(randomBytes(12));
    pending.set(id, {
      clientId: client.clientId,
      redirectUri,
      state,
      scopes: granted,
      codeChallenge: q.get('code_challenge') ?? '',
      ...(patient === undefined ? {} : { patient }),
    });
    const picker =
      patient === undefined
        ? `<label>Patient <select name="patient">${options.patients.map((p) => `<option>${escapeHtml(p)}</option>`).join('')}</select></label>`
        : `<p>Patient in context: ${escapeHtml(patient)}</p>`;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="en"><title>Test EHR: allow access</title>
<h1>Allow ${escapeHtml(client.clientId)} to read this record?</h1>
<p id="scopes">${escapeHtml(granted.join(' '))}</p>
<form method="post" action="/authorize/decision">
<input type="hidden" name="request" value="${id}">${picker}
<button name="decision" value="allow">Allow</button>
<button name="decision" value="deny">Deny</button>
</form></html>`);
  }

  async function decide(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const form = await readForm(req);
    const request = pending.get(form.get('request') ?? '');
    if (request === undefined) return errorPage(res, 'unknown or used authorization request');
    pending.delete(form.get('request') ?? '');
    if (form.get('decision') !== 'allow') {
      refusals.push('access_denied: the user denied access');
      return redirectWith(res, request.redirectUri, {
        error: 'access_denied',
        error_description: 'The user denied access to the record.',
        state: request.state,
      });
    }
    const patient = request.patient ?? form.get('patient') ?? '';
    if (!options.patients.includes(patient)) return errorPage(res, `unknown patient ${patient}`);
    const code = base64url(randomBytes(24));
    codes.set(code, { ...request, patient, used: false, expiresAt: now() + CODE_LIFETIME_S });
    redirectWith(res, request.redirectUri, { code, state: request.state });
  }

  async function token(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const form = await readForm(req);
    const invalid = (description: string) =>
      refuse(res, 400, `token: ${description}`, { error: 'invalid_grant', error_description: description });
    if (form.get('grant_type') !== 'authorization_code')
      return refuse(res, 400, 'token: grant_type', { error: 'unsupported_grant_type' });
    const code = codes.get(form.get('code') ?? '');
    if (code === undefined) return invalid('unknown code');
    if (code.used) return invalid('code already used');
    code.used = true;
    if (code.expiresAt < now()) return invalid('code expired');
    if (form.get('client_id') !== code.clientId) return invalid('client_id does not match the code');
    if (form.get('redirect_uri') !== code.redirectUri) return invalid('redirect_uri does not match the code');
    const verifier = form.get('code_verifier') ?? '';
    const challenge = base64url(createHash('sha256').update(verifier).digest());
    if (verifier === '' || challenge !== code.codeChallenge)
      return invalid('PKCE code_verifier does not match');
    const accessToken = base64url(randomBytes(32));
    const expiresAt = now() + TOKEN_LIFETIME_S;
    issued.push({
      accessToken,
      clientId: code.clientId,
      patient: code.patient,
      scopes: code.scopes,
      expiresAt,
    });
    const idToken = code.scopes.includes('openid')
      ? await new SignJWT({ fhirUser: `${options.audience()}/Practitioner/test-clinician` })
          .setProtectedHeader({ alg: 'RS256', kid: jwk.kid ?? 'test-key' })
          .setIssuer(origin)
          .setSubject('test-clinician')
          .setAudience(code.clientId)
          .setIssuedAt()
          .setExpirationTime('1h')
          .sign(privateKey as CryptoKey)
      : undefined;
    res.writeHead(200, {
      'content-type': 'application/json',
      'cache-control': 'no-store',
      'access-control-allow-origin': '*',
    });
    res.end(
      JSON.stringify({
        access_token: accessToken,
        token_type: 'Bearer',
        expires_in: TOKEN_LIFETIME_S,
        scope: code.scopes.join(' '),
        patient: code.patient,
        ...(idToken === undefined ? {} : { id_token: idToken }),
      }),
    );
  }

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', origin);
    const route = `${req.method ?? 'GET'} ${url.pathname}`;
    if (route === 'OPTIONS /token') {
      res.writeHead(204, {
        'access-control-allow-origin': '*',
        'access-control-allow-methods': 'POST',
        'access-control-allow-headers': 'content-type, accept',
      });
      res.end();
      return;
    }
    const handled =
      route === 'GET /authorize'
        ? Promise.resolve(authorize(url, res))
        : route === 'POST /authorize/decision'
          ? decide(req, res)
          : route === 'POST /token'
            ? token(req, res)
            : route === 'GET /jwks'
              ? Promise.resolve(
                  (res.writeHead(200, {
                    'content-type': 'application/json',
                    'access-control-allow-origin': '*',
                  }),
                  res.end(JSON.stringify({ keys: [jwk] }))),
                )
              : Promise.resolve(refuse(res, 404, `unknown route ${route}`, { error: 'not_found' }));
    void handled.catch((error: unknown) => {
      res.writeHead(500);
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: origin,
    authorizationEndpoint: `${origin}/authorize`,
    tokenEndpoint: `${origin}/token`,
    jwksUri: `${origin}/jwks`,
    smartConfiguration: ({ scopeStyle = 'v2' } = {}) => ({
      issuer: origin,
      jwks_uri: `${origin}/jwks`,
      authorization_endpoint: `${origin}/authorize`,
      token_endpoint: `${origin}/token`,
      grant_types_supported: ['authorization_code'],
      token_endpoint_auth_methods_supported: ['none'],
      response_types_supported: ['code'],
      code_challenge_methods_supported: ['S256'],
      scopes_supported: [...SCOPES_GRANTED].filter((s) =>
        scopeStyle === 'v1' ? !/\.(rs|r)$/.test(s) : !s.endsWith('.read'),
      ),
      capabilities: [
        'launch-ehr',
        'launch-standalone',
        'client-public',
        'context-ehr-patient',
        'context-standalone-patient',
        'sso-openid-connect',
        scopeStyle === 'v1' ? 'permission-v1' : 'permission-v2',
      ],
    }),
    registerLaunch: (patient) => {
      const id = base64url(randomBytes(12));
      launches.set(id, patient);
      return id;
    },
    check: (accessToken) => {
      const token = issued.find((t) => t.accessToken === accessToken);
      if (token === undefined) return { ok: false, reason: 'unknown token' };
      if (token.expiresAt <= now()) return { ok: false, reason: 'token expired' };
      return { ok: true, token };
    },
    issued,
    withhold: (resourceTypes) => {
      withheld = new Set(resourceTypes);
    },
    expireAll: () => {
      for (const token of issued) token.expiresAt = now() - 1;
    },
    refusals,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
