import { launchPlan, scopesFor, scopeStyle } from '../../../src/server/smart/launch-plan';

/** What the page is told to ask each FHIR server for, from that server's SMART configuration alone. */

const endpoints = {
  authorization_endpoint: 'https://auth.example.org/authorize',
  token_endpoint: 'https://auth.example.org/token',
};

test('v2 scopes unless the server says it knows only v1, by its capabilities or the scopes it lists', () => {
  expect(scopeStyle({ ...endpoints })).toBe('v2');
  expect(scopeStyle({ ...endpoints, capabilities: ['permission-v1', 'permission-v2'] })).toBe('v2');
  expect(scopeStyle({ ...endpoints, capabilities: ['permission-v1'] })).toBe('v1');
  expect(scopeStyle({ ...endpoints, scopes_supported: ['openid', 'patient/*.read', 'launch'] })).toBe('v1');
  expect(scopeStyle({ ...endpoints, scopes_supported: ['patient/Observation.rs', 'patient/*.read'] })).toBe(
    'v2',
  );
  expect(scopesFor('v1', 'standalone')).toBe(
    'launch/patient openid fhirUser patient/Patient.read patient/Observation.read patient/Condition.read patient/MedicationRequest.read patient/MedicationStatement.read',
  );
});

test('a server that does not offer PKCE S256 is refused by name', () => {
  const plan = (methods?: string[]) =>
    launchPlan({
      iss: 'https://ehr.example.org/fhir',
      clientId: 'app',
      configuration: {
        ...endpoints,
        ...(methods === undefined ? {} : { code_challenge_methods_supported: methods }),
      },
      kind: 'ehr',
      redirectUri: 'https://alp.example.org/',
      lookbackDays: 30,
    });
  expect(plan()).toEqual({
    ok: false,
    message:
      'The FHIR server https://ehr.example.org/fhir does not offer PKCE with S256 (code_challenge_methods_supported: none listed), which SMART App Launch 2.0 requires; this app does not launch without it.',
  });
  expect(plan(['plain'])).toMatchObject({ ok: false });
  expect(plan(['S256'])).toMatchObject({
    ok: true,
    plan: { scope: expect.stringMatching(/^launch openid/) },
  });
});
