import type { Resource } from '@medplum/fhirtypes';
import { loadConfig } from '../../../src/config/load-config';
import { bortezomibWeek6 } from '../../fhir/support/myeloma-bundles';
import { resourcesOf } from '../cds-hooks/support/prefetch';
import {
  startSmartAuthorizationServer,
  type SmartAuthorizationServer,
} from '../../support/smart-authorization-server';
import { startSmartFhirServer, type SmartFhirServer } from '../../support/smart-fhir-server';
import { FixtureBot } from '../support/fixture-bot';
import { startTestServer, type RunningServer } from '../support/test-server';

/**
 * The SMART launch's server side against a SMART 2.0 authorization server and a FHIR server on
 * loopback: which servers may launch the app, the scopes and PKCE asked of each, and the CSP
 * naming exactly this origin, the FHIR servers and their token endpoints.
 */

let auth: SmartAuthorizationServer;
let fhir: SmartFhirServer;
let v1Auth: SmartAuthorizationServer;
let v1Fhir: SmartFhirServer;
let service: RunningServer;
const DOWN = 'http://127.0.0.1:9/fhir';

beforeAll(async () => {
  const resources = resourcesOf(bortezomibWeek6()) as Resource[];
  let fhirUrl = '';
  let v1Url = '';
  auth = await startSmartAuthorizationServer({ clients: [], audience: () => fhirUrl, patients: [] });
  v1Auth = await startSmartAuthorizationServer({ clients: [], audience: () => v1Url, patients: [] });
  fhir = await startSmartFhirServer(resources, auth);
  v1Fhir = await startSmartFhirServer(resources, v1Auth, { scopeStyle: 'v1' });
  fhirUrl = fhir.url;
  v1Url = v1Fhir.url;
  service = await startTestServer({
    env: {
      SMART_ISS_ALLOWLIST: `${fhir.url},${v1Fhir.url}/,${DOWN}`,
      SMART_CLIENT_ID: `${fhir.url}=alp-one,${v1Fhir.url}=alp-two,${DOWN}=alp-three`,
      SMART_LOOKBACK_DAYS: '45',
      SMART_DISCOVERY_TIMEOUT_SECONDS: '2',
    },
    bot: new FixtureBot(),
  });
});

afterAll(async () => {
  await service.close();
  await Promise.all([fhir.close(), v1Fhir.close(), auth.close(), v1Auth.close()]);
});

const launch = (query: string) => fetch(`${service.url}/api/smart/launch?${query}`);

test('an EHR launch from an allowed FHIR server gets its client id, v2 scopes with launch, and a redirect to this origin', async () => {
  const response = await launch(`iss=${encodeURIComponent(fhir.url)}&launch=abc`);
  expect(response.status).toBe(200);
  const plan = await response.json();
  expect(plan).toMatchObject({
    iss: fhir.url,
    clientId: 'alp-one',
    scope:
      'launch openid fhirUser patient/Patient.r patient/Observation.rs patient/Condition.rs patient/MedicationRequest.rs patient/MedicationStatement.rs',
    redirectUri: `${service.url}/`,
    lookbackDays: 45,
  });
  expect(plan.queries.observations).toContain('Observation?patient=Patient/{{context.patientId}}&code=');
  expect(plan.queries.observations).toContain('http://loinc.org|6768-6');
  // The same reads as the CDS Hooks service: a treatment recorded only as a MedicationStatement counts.
  expect(plan.queries.medicationStatements).toBe(
    'MedicationStatement?patient=Patient/{{context.patientId}}&status=active',
  );
});

test('a standalone launch asks for launch/patient, and a server that lists only v1 scopes gets .read scopes', async () => {
  const response = await launch(`iss=${encodeURIComponent(`${v1Fhir.url}/`)}`);
  expect(response.status).toBe(200);
  const plan = await response.json();
  expect(plan.clientId).toBe('alp-two');
  expect(plan.scope).toBe(
    'launch/patient openid fhirUser patient/Patient.read patient/Observation.read patient/Condition.read patient/MedicationRequest.read patient/MedicationStatement.read',
  );
});

test('a FHIR server off the allowlist is refused by name, and the configured ones are listed', async () => {
  const response = await launch(`iss=${encodeURIComponent('https://evil.example.org/fhir')}&launch=x`);
  expect(response.status).toBe(403);
  const body = await response.json();
  expect(body.message).toContain(
    'https://evil.example.org/fhir, which is not one this app is configured for',
  );
  expect(body.message).toContain('Nothing was read');
  const missing = await launch('launch=x');
  expect(missing.status).toBe(400);
  expect((await missing.json()).message).toContain('names no FHIR server');
  const servers = await (await fetch(`${service.url}/api/smart/servers`)).json();
  expect(servers.servers.map((s: { iss: string }) => s.iss)).toEqual([fhir.url, v1Fhir.url, DOWN]);
});

test('an allowed FHIR server whose SMART configuration cannot be read fails the launch with a message', async () => {
  const response = await launch(`iss=${encodeURIComponent(DOWN)}&launch=x`);
  expect(response.status).toBe(502);
  expect((await response.json()).message).toContain(
    `${DOWN}/.well-known/smart-configuration could not be reached`,
  );
});

test('the CSP lets the page connect to this origin, the allowed FHIR servers and their token endpoints only', async () => {
  await launch(`iss=${encodeURIComponent(fhir.url)}&launch=abc`);
  await launch(`iss=${encodeURIComponent(v1Fhir.url)}`);
  const page = await fetch(`${service.url}/launch?iss=x`);
  expect(page.status).toBe(200);
  expect(await page.text()).toContain('/assets/smart-launch.js');
  const csp = page.headers.get('content-security-policy') ?? '';
  const connect = /connect-src ([^;]+)/.exec(csp)?.[1]?.split(' ');
  expect(new Set(connect)).toEqual(
    new Set(["'self'", fhir.origin, v1Fhir.origin, new URL(DOWN).origin, auth.url, v1Auth.url]),
  );
  expect(csp).toContain("script-src 'self';");
  const client = await fetch(`${service.url}/assets/fhir-client.js`);
  expect(client.status).toBe(200);
  expect(await client.text()).toContain('oauth2');
});

test('SMART settings are checked at start-up: client ids must match the allowlist', () => {
  const problems = (env: Record<string, string>) => {
    const loaded = loadConfig(env);
    return loaded.ok ? [] : loaded.problems.map((p) => `${p.variable}: ${p.message}`);
  };
  expect(problems({ SMART_ISS_ALLOWLIST: 'https://a.example/fhir' })).toEqual([
    'SMART_CLIENT_ID: is required with SMART_ISS_ALLOWLIST: the client id each EHR registered this app under',
  ]);
  expect(problems({ SMART_CLIENT_ID: 'abc' })[0]).toContain('SMART_ISS_ALLOWLIST: is required');
  expect(
    problems({
      SMART_ISS_ALLOWLIST: 'https://a.example/fhir,https://b.example/r4',
      SMART_CLIENT_ID: 'https://a.example/fhir=one',
    }),
  ).toEqual(['SMART_CLIENT_ID: names no client id for https://b.example/r4']);
  expect(problems({ SMART_ISS_ALLOWLIST: 'ftp://a.example', SMART_CLIENT_ID: 'x' })[0]).toContain(
    'SMART_ISS_ALLOWLIST',
  );
  const loaded = loadConfig({
    SMART_ISS_ALLOWLIST: 'https://a.example/fhir/, https://b.example/r4',
    SMART_CLIENT_ID: 'same-id',
  });
  expect(loaded.ok && loaded.config.smart.clients).toEqual({
    'https://a.example/fhir': 'same-id',
    'https://b.example/r4': 'same-id',
  });
});
