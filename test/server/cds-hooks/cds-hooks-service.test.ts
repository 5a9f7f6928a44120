import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as fhir4 from 'fhir/r4';
import type { Resource } from '@medplum/fhirtypes';
import { ALL_LOINC_CODES } from '../../../src/fhir';
import { CdsResponseSchema, type CdsResponse } from '../../../src/server/cds-hooks/cds-hooks-schema';
import { createStorage, type OpenedStorage } from '../../../src/storage';
import {
  bortezomibWeek6,
  daysAgo,
  hepaticDilatedDucts,
  hysLaw,
  normalLabs,
  NOW,
  pregnancy,
} from '../../fhir/support/myeloma-bundles';
import { FixtureBot } from '../support/fixture-bot';
import { postJson, startTestServer, type RunningServer } from '../support/test-server';
import { SANDBOX_ISSUER, startCdsClient, type CdsTestClient } from './support/cds-client';
import { startFhirServer, type FhirTestServer } from './support/medplum-fhir-server';
import { patientIdOf, prefetchOf, resourcesOf } from './support/prefetch';

const SERVICE = '/cds-services/alp-workup';

let client: CdsTestClient;
let storage: OpenedStorage;
let service: RunningServer;
let fhir: FhirTestServer;

beforeAll(async () => {
  client = await startCdsClient();
  storage = await createStorage({
    databaseUrl: undefined,
    sqlitePath: join(mkdtempSync(join(tmpdir(), 'alp-cds-')), 'audit.sqlite'),
    auditSalt: 'cds-hooks-test-audit-salt',
  });
  service = await startTestServer({
    env: {
      CDS_HOOKS_ISSUERS: SANDBOX_ISSUER,
      CDS_HOOKS_JWKS_URL: client.jwksUrl,
      CDS_HOOKS_JKU_ALLOWLIST: client.jwksUrl,
      CDS_HOOKS_FHIR_TIMEOUT_SECONDS: '20',
    },
    bot: new FixtureBot(),
    // The fixtures are dated relative to NOW; the service reads its clock through this.
    cdsHooks: { audit: storage.audit, now: () => NOW },
  });
  const bundles = [bortezomibWeek6(), hysLaw(), hepaticDilatedDucts(), pregnancy(), normalLabs()];
  fhir = await startFhirServer(bundles.flatMap(resourcesOf) as Resource[]);
});

afterAll(async () => {
  await service.close();
  await fhir.close();
  await client.close();
  await storage.close();
});

async function call(path: string, body?: unknown, token?: string): Promise<Response> {
  const auth = token ?? (await client.sign(`${service.url}${path}`));
  const headers = { authorization: `Bearer ${auth}` };
  return body === undefined
    ? fetch(`${service.url}${path}`, { headers })
    : postJson(`${service.url}${path}`, body, headers);
}

function hookRequest(bundle: fhir4.Bundle, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    hook: 'patient-view',
    hookInstance: randomUUID(),
    context: { userId: 'Practitioner/dr-1', patientId: patientIdOf(bundle) },
    prefetch: prefetchOf(bundle),
    ...extra,
  };
}

/** Every answer is checked against the CDS Hooks 2.0 card constraints. */
async function cardsOf(response: Response): Promise<CdsResponse['cards']> {
  expect(response.status).toBe(200);
  return CdsResponseSchema.parse(await response.json()).cards;
}

describe('CDS Hooks discovery', () => {
  it('describes the alp-workup service for patient-view with prefetch templates on the patient id', async () => {
    const response = await call('/cds-services');
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      services: { id: string; hook: string; prefetch: Record<string, string> }[];
    };
    const [definition] = body.services;
    expect(definition).toMatchObject({ id: 'alp-workup', hook: 'patient-view' });
    expect(Object.keys(definition?.prefetch ?? {})).toEqual([
      'patient',
      'observations',
      'conditions',
      'medicationRequests',
      'medicationStatements',
    ]);
    for (const template of Object.values(definition?.prefetch ?? {}))
      expect(template).toContain('{{context.patientId}}');
    for (const code of ALL_LOINC_CODES)
      expect(definition?.prefetch.observations).toContain(`http://loinc.org|${code}`);
    expect(definition?.prefetch.observations).toContain('_sort=-date');
  });

  it('is refused without a token, like every other call', async () => {
    expect((await fetch(`${service.url}/cds-services`)).status).toBe(401);
  });
});

describe('CDS Hooks cards from a full prefetch', () => {
  it("Hy's law: one critical card sourced to the FDA guidance, with the values and their dates", async () => {
    const [card, ...rest] = await cardsOf(await call(SERVICE, hookRequest(hysLaw())));
    expect(rest).toEqual([]);
    expect(card?.indicator).toBe('critical');
    expect(card?.summary).toContain("Hy's law");
    expect(card?.source).toEqual({ label: 'FDA DILI guidance 2009' });
    expect(card?.detail).toContain('**Red flags**');
    expect(card?.detail).toContain(
      `ALT 410 U/L (ULN 40 U/L), ${daysAgo(0.5).slice(0, 10)} (date of its panel)`,
    );
    expect(card?.detail).toContain('R-01');
    expect(card?.uuid).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('bortezomib week 6: a raised ALP with a next step is a warning; the superseded value and the refused unit are named', async () => {
    const [card] = await cardsOf(await call(SERVICE, hookRequest(bortezomibWeek6())));
    expect(card?.indicator).toBe('warning');
    expect(card?.summary.length).toBeLessThan(140);
    expect(card?.summary).toMatch(/^ALP 1\.58x ULN, isolated pattern: /);
    expect(card?.source.label).not.toBe('');
    expect(card?.detail).toContain('Baseline: ALP 95 U/L');
    expect(card?.detail).toContain('superseded by Observation/mm-b-alp');
    expect(card?.detail).toContain('LOINC 14629-0 with unit "nmol/mL" is not used');
    expect(card?.detail).toContain('On bortezomib since');
    expect(card?.links).toBeUndefined();
  });

  it('pregnancy: the condition reaches the engine and the card says so', async () => {
    const [card] = await cardsOf(await call(SERVICE, hookRequest(pregnancy())));
    expect(card).toBeDefined();
    expect(card?.detail).toContain('Pregnancy on the problem list');
    // Placental ALP is the engine's reading in the third trimester only: it asks for the trimester.
    expect(card?.detail).toContain('Pregnancy trimester');
  });

  it('a normal ALP with nothing flagged gives no card', async () => {
    expect(await cardsOf(await call(SERVICE, hookRequest(normalLabs())))).toEqual([]);
  });

  it('suggests ordering a missing test as a draft ServiceRequest with its LOINC code', async () => {
    const [card] = await cardsOf(await call(SERVICE, hookRequest(hepaticDilatedDucts())));
    const ggt = card?.suggestions?.find((s) => s.label === 'Order GGT');
    expect(card?.selectionBehavior).toBe('any');
    expect(ggt?.actions?.[0]).toMatchObject({
      type: 'create',
      resource: {
        resourceType: 'ServiceRequest',
        status: 'draft',
        intent: 'proposal',
        code: { coding: [{ system: 'http://loinc.org', code: '2324-2' }] },
        subject: { reference: 'Patient/mm-hep' },
      },
    });
  });
});

describe('CDS Hooks prefetch fallback against a real FHIR server (Medplum in memory)', () => {
  const auth = {
    access_token: 'ehr-access-token',
    token_type: 'Bearer',
    expires_in: 300,
    scope: 'patient/*.read',
    subject: 'alp-workup',
  };

  it('null prefetch keys are queried on fhirServer with the bearer token, and give the same card as a full prefetch', async () => {
    const full = await cardsOf(await call(SERVICE, hookRequest(hepaticDilatedDucts())));
    const before = fhir.requests.length;
    const request = hookRequest(hepaticDilatedDucts(), {
      fhirServer: fhir.url,
      fhirAuthorization: auth,
      prefetch: {
        patient: null,
        observations: null,
        conditions: null,
        medicationRequests: null,
        medicationStatements: null,
      },
    });
    const queried = await cardsOf(await call(SERVICE, request));
    expect(
      queried.map(({ uuid: _u, suggestions, ...card }) => ({
        ...card,
        suggestions: suggestions?.map((s) => s.label),
      })),
    ).toEqual(
      full.map(({ uuid: _u, suggestions, ...card }) => ({
        ...card,
        suggestions: suggestions?.map((s) => s.label),
      })),
    );
    const seen = fhir.requests.slice(before);
    // The five templates, then the panels and reports of the results that carry no date of their own.
    expect(seen).toHaveLength(7);
    expect(seen.every((r) => r.authorization === 'Bearer ehr-access-token')).toBe(true);
    expect(seen.map((r) => decodeURIComponent(r.url))).toContainEqual(
      expect.stringContaining('/fhir/Observation?patient=Patient/mm-hep&code=http://loinc.org|6768-6'),
    );
  });

  it('omitted prefetch: everything is queried', async () => {
    const request = hookRequest(hysLaw(), { fhirServer: fhir.url, fhirAuthorization: auth });
    delete request.prefetch;
    const [card] = await cardsOf(await call(SERVICE, request));
    expect(card?.indicator).toBe('critical');
  });

  it('no prefetch and no fhirServer: 412', async () => {
    const request = hookRequest(hysLaw());
    delete request.prefetch;
    const response = await call(SERVICE, request);
    expect(response.status).toBe(412);
    expect(((await response.json()) as { message: string }).message).toContain('no fhirServer');
  });

  it('an unreachable fhirServer is a clear 502, never a card', async () => {
    const closed = await startFhirServer([]);
    await closed.close();
    const response = await call(
      SERVICE,
      hookRequest(hysLaw(), { fhirServer: closed.url, prefetch: { observations: null } }),
    );
    expect(response.status).toBe(502);
    expect(((await response.json()) as { message: string }).message).toContain(
      'The FHIR server could not be reached for the',
    );
  });

  it('a failing FHIR server is a 502 naming the status; a hanging one a 504', async () => {
    const failing = await startFhirServer([], (_req, res) => {
      res.writeHead(500);
      res.end('{}');
      return true;
    });
    const hanging = await startFhirServer([], () => true);
    // A service that waits one second for the FHIR server, so the hanging one is given up on quickly.
    const impatient = await startTestServer({
      env: {
        CDS_HOOKS_ISSUERS: SANDBOX_ISSUER,
        CDS_HOOKS_JWKS_URL: client.jwksUrl,
        CDS_HOOKS_FHIR_TIMEOUT_SECONDS: '1',
      },
      bot: new FixtureBot(),
      cdsHooks: { audit: storage.audit, now: () => NOW },
    });
    try {
      const failed = await call(
        SERVICE,
        hookRequest(hysLaw(), { fhirServer: failing.url, prefetch: { observations: null } }),
      );
      expect(failed.status).toBe(502);
      expect(((await failed.json()) as { message: string }).message).toContain('answered 500');
      const hung = await postJson(
        `${impatient.url}${SERVICE}`,
        hookRequest(hysLaw(), { fhirServer: hanging.url, prefetch: { observations: null } }),
        { authorization: `Bearer ${await client.sign(`${impatient.url}${SERVICE}`)}` },
      );
      expect(hung.status).toBe(504);
      expect(((await hung.json()) as { message: string }).message).toContain('query within 1000 ms');
    } finally {
      await impatient.close();
      await failing.close();
      await hanging.close();
    }
  });
});

describe('CDS Hooks feedback', () => {
  it('records accepted and overridden cards (with the reason code, never the comment) in the audit trail', async () => {
    const [card] = await cardsOf(await call(SERVICE, hookRequest(bortezomibWeek6())));
    const uuid = card?.uuid ?? '';
    const response = await call(`${SERVICE}/feedback`, {
      feedback: [
        { card: uuid, outcome: 'accepted', acceptedSuggestions: [], outcomeTimestamp: NOW.toISOString() },
        {
          card: uuid,
          outcome: 'overridden',
          overrideReason: {
            reason: card?.overrideReasons?.[1],
            userComment: 'Patient Jane Doe has Paget disease',
          },
          outcomeTimestamp: NOW.toISOString(),
        },
      ],
    });
    expect(response.status).toBe(200);
    const rows = (await storage.audit.query()).filter((r) => r.channelId === 'cds-hooks');
    const forCard = rows.filter((r) => r.event.startsWith('card-'));
    const shown = forCard.filter((r) => r.event === 'card-shown');
    expect(shown.length).toBeGreaterThan(0);
    const hash = shown.at(-1)?.conversationHash;
    expect(forCard.filter((r) => r.conversationHash === hash).map((r) => r.event)).toEqual([
      'card-shown',
      'card-accepted',
      'card-overridden:not-applicable',
    ]);
    expect(JSON.stringify(rows)).not.toContain('Paget');
  });

  it('refuses feedback that is not CDS Hooks feedback, by field', async () => {
    const response = await call(`${SERVICE}/feedback`, { feedback: [{ card: 'x', outcome: 'maybe' }] });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toContain('feedback.0.outcome');
  });
});

describe('CDS client authentication (JWT per call)', () => {
  const url = () => `${service.url}/cds-services`;
  const refused = async (token: string) => (await call('/cds-services', undefined, token)).status;

  it('accepts a sandbox-style ES384 token, also through an allowlisted jku', async () => {
    expect(await refused(await client.sign(url()))).toBe(200);
    expect(await refused(await client.sign(url(), { jku: client.jwksUrl }))).toBe(200);
  });

  it('refuses a wrong aud, an expired token, alg none, HS256, an unknown kid, a jku off the allowlist, a replayed jti, a foreign iss and a long lifetime', async () => {
    expect(await refused(await client.sign(`${service.url}${SERVICE}`))).toBe(401);
    expect(await refused(await client.sign(url(), { issuedAgo: 600, expiresIn: 300 }))).toBe(401);
    expect(await refused(client.unsigned(url()))).toBe(401);
    expect(
      await refused(
        await client.sign(url(), {
          alg: 'HS256',
          key: new TextEncoder().encode('a-shared-secret-of-32-bytes-long!'),
        }),
      ),
    ).toBe(401);
    expect(await refused(await client.sign(url(), { kid: 'no-such-key' }))).toBe(401);
    expect(await refused(await client.sign(url(), { jku: client.otherJwksUrl, kid: 'other-key' }))).toBe(401);
    const once = await client.sign(url());
    expect(await refused(once)).toBe(200);
    expect(await refused(once)).toBe(401);
    expect(await refused(await client.sign(url(), { iss: 'https://evil.example' }))).toBe(401);
    expect(await refused(await client.sign(url(), { expiresIn: 3600 }))).toBe(401);
    const reasons = service.logLines.filter((line) => line.includes('rejected a CDS Hooks call')).join('\n');
    for (const reason of [
      'ERR_JWT_CLAIM_VALIDATION_FAILED',
      'algorithm none',
      'algorithm HS256',
      'ERR_JWKS_NO_MATCHING_KEY',
      'not on the allowlist',
      'jti replayed',
      'lifetime over 300',
    ]) {
      expect(reasons).toContain(reason);
    }
  });
});

describe('CDS Hooks without configured clients', () => {
  it('local mode accepts unsigned calls from loopback, and links the chat when PUBLIC_BASE_URL is set', async () => {
    const local = await startTestServer({
      env: { PUBLIC_BASE_URL: 'https://alp.example.org' },
      bot: new FixtureBot(),
      cdsHooks: { audit: storage.audit, now: () => NOW },
    });
    try {
      const response = await postJson(`${local.url}${SERVICE}`, hookRequest(bortezomibWeek6()));
      const [card] = await cardsOf(response);
      expect(card?.links).toEqual([
        { label: 'Open the ALP workup chat', url: 'https://alp.example.org/', type: 'absolute' },
      ]);
    } finally {
      await local.close();
    }
  });

  it('links the SMART launch (a CDS Hooks smart link) when SMART launch is configured', async () => {
    const local = await startTestServer({
      env: {
        PUBLIC_BASE_URL: 'https://alp.example.org',
        SMART_ISS_ALLOWLIST: 'https://ehr.example.org/fhir',
        SMART_CLIENT_ID: 'alp-workup',
      },
      bot: new FixtureBot(),
      cdsHooks: { audit: storage.audit, now: () => NOW },
    });
    try {
      const response = await postJson(`${local.url}${SERVICE}`, hookRequest(bortezomibWeek6()));
      const [card] = await cardsOf(response);
      expect(card?.links).toEqual([
        {
          label: 'Open the ALP workup with this record',
          url: 'https://alp.example.org/launch',
          type: 'smart',
        },
      ]);
    } finally {
      await local.close();
    }
  });

  it('production mode refuses every call until a CDS client is configured', async () => {
    const production = await startTestServer({
      env: {
        MicrosoftAppId: 'app-id',
        MicrosoftAppPassword: 'secret',
        AUDIT_SALT: 'a-production-audit-salt',
      },
      bot: new FixtureBot(),
      cdsHooks: { audit: storage.audit, now: () => NOW },
    });
    try {
      expect((await fetch(`${production.url}/cds-services`)).status).toBe(401);
      expect(production.logLines.join('')).toContain('no CDS client configured');
    } finally {
      await production.close();
    }
  });
});
