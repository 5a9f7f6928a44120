import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Resource } from '@medplum/fhirtypes';
import type { BrowserContext, Page } from 'playwright-core';
import { bortezomibWeek6, hepaticDilatedDucts, hysLaw } from '../fhir/support/myeloma-bundles';
import { resourcesOf } from '../server/cds-hooks/support/prefetch';
import {
  startSmartAuthorizationServer,
  type SmartAuthorizationServer,
  type SmartClient,
} from '../support/smart-authorization-server';
import { startSmartFhirServer, type SmartFhirServer } from '../support/smart-fhir-server';
import { PageRecorder, saveScreenshot, withFailureArtifacts } from './support/artifacts';
import { chromiumAndAppForFile } from './support/chromium-and-app-for-file';
import { ACTION_TIMEOUT_MS, PAGE_LOAD_TIMEOUT_MS, REPLY_TIMEOUT_MS } from './support/timeouts';
import { WebChatPage } from './support/webchat-page';

/**
 * The web page as a SMART app, in a real Chromium, against a SMART App Launch 2.0 authorization
 * server and a FHIR server (Medplum's in-memory repository requiring the bearer token) on
 * loopback, seeded with HL7's example Bundle and our myeloma Bundles. The clinician types no
 * value: the labs come from the record. Every request the page makes goes to this app, the FHIR
 * server or the authorization server, and the access token is never in the app's log or database.
 */

jest.setTimeout(300_000);

const CLIENT_ID = 'alp-workup-e2e';
const HL7_DIR = path.join(__dirname, '..', 'fhir', 'fixtures', 'hl7');

/**
 * HL7's general health panel names its patient only on the report; its Observations carry no
 * subject, which a FHIR server needs to find them by patient. The subject is added, nothing else.
 */
function hl7Examples(): Resource[] {
  const read = (name: string) => JSON.parse(readFileSync(path.join(HL7_DIR, name), 'utf8'));
  const ghp = read('Bundle-ghp.json') as { entry: { resource: Resource }[] };
  return [
    read('Patient-pat2.json') as Resource,
    ...ghp.entry.map(({ resource }) =>
      resource.resourceType === 'Observation'
        ? ({ ...resource, subject: { reference: 'Patient/pat2' } } as Resource)
        : resource,
    ),
  ];
}

let auth: SmartAuthorizationServer;
let fhir: SmartFhirServer;
const clients: SmartClient[] = [];

// The authorization and FHIR servers start before the browser and the app (the app is told the FHIR server's URL) and close after them.
beforeAll(async () => {
  let fhirUrl = '';
  auth = await startSmartAuthorizationServer({
    clients,
    audience: () => fhirUrl,
    patients: ['mm-hep', 'pat2', 'mm-bortezomib'],
  });
  const seeded = [
    ...hl7Examples(),
    ...[bortezomibWeek6(), hysLaw(), hepaticDilatedDucts()].flatMap(resourcesOf),
  ] as Resource[];
  fhir = await startSmartFhirServer(seeded, auth);
  fhirUrl = fhir.url;
});
const { browser, app } = chromiumAndAppForFile(() => ({
  SMART_ISS_ALLOWLIST: fhir.url,
  SMART_CLIENT_ID: CLIENT_ID,
  // The myeloma fixtures are dated from 30 Nov 2026; the window reaches them whatever today is.
  SMART_LOOKBACK_DAYS: '3650',
}));
beforeAll(() => {
  clients.push({ clientId: CLIENT_ID, redirectUri: `${app().origin}/` });
});

afterAll(async () => {
  await fhir?.close();
  await auth?.close();
});

afterEach(() => {
  fhir.failSearchesOf(undefined);
  auth.withhold(undefined);
});

const allowedOrigins = () => [app().origin, fhir.origin, auth.url];

function expectOnlyAllowedRequests(recorder: PageRecorder): void {
  expect(recorder.requests.length).toBeGreaterThan(0);
  const elsewhere = recorder.requests.filter((url) => !allowedOrigins().includes(new URL(url).origin));
  expect(elsewhere).toEqual([]);
}

/** The authorization server's consent page: pick the patient (standalone launch) and allow or deny. */
async function consent(page: Page, decision: 'Allow' | 'Deny', patient?: string): Promise<void> {
  await page.waitForURL((url) => url.origin === auth.url, { timeout: PAGE_LOAD_TIMEOUT_MS });
  if (patient !== undefined) await page.selectOption('select[name="patient"]', patient);
  await page.getByRole('button', { name: decision }).click();
}

/** An EHR launch of the chat, through the consent page, to the chat with the patient in context. */
async function ehrLaunch(patient: string, name: string): Promise<WebChatPage> {
  const launch = auth.registerLaunch(patient);
  const url = `${app().origin}/launch?iss=${encodeURIComponent(fhir.url)}&launch=${launch}`;
  const chat = await WebChatPage.open(browser(), url, 'pointer', (page) => consent(page, 'Allow'));
  return withArtifacts(chat, name);
}

const artifactsFor = new WeakMap<WebChatPage, string>();
function withArtifacts(chat: WebChatPage, name: string): WebChatPage {
  artifactsFor.set(chat, name);
  return chat;
}

async function inChat(chat: WebChatPage, scenario: () => Promise<void>): Promise<void> {
  try {
    await withFailureArtifacts(chat.recorder, artifactsFor.get(chat) ?? 'smart launch', scenario);
    expectOnlyAllowedRequests(chat.recorder);
  } finally {
    await chat.close();
  }
}

const recordStatus = (page: Page) => page.locator('#record-status');
const recordContext = (page: Page) => page.locator('#record-context');
const importButton = (page: Page) => page.getByRole('button', { name: 'Import labs from the record' });

async function waitForContext(page: Page, text: string): Promise<void> {
  await page.waitForFunction(
    ([selector, expected]) => document.querySelector(selector)?.textContent?.includes(expected) ?? false,
    ['#record-context', text] as const,
    { timeout: PAGE_LOAD_TIMEOUT_MS },
  );
  await importButton(page).waitFor({ state: 'visible' });
  await page.waitForFunction(
    () => !(document.querySelector('#record-import') as HTMLButtonElement | null)?.disabled,
    undefined,
    { timeout: ACTION_TIMEOUT_MS },
  );
}

/** Follows the workup to its assessment without typing a value: "None of these" once, "skip" for the rest. */
async function toAssessment(
  chat: WebChatPage,
  firstReply: string,
): Promise<{ assessment: string; asked: string[] }> {
  let reply = firstReply;
  let screened = false;
  const asked: string[] = [];
  for (let turn = 0; turn < 12; turn += 1) {
    if (/^Assessment( \(urgent\))?$/m.test(reply)) return { assessment: reply, asked };
    asked.push(...[...reply.matchAll(/Step \d+ of \d+ · ([^\n]+)/g)].map((match) => match[1]?.trim() ?? ''));
    if (/Red-flag screen/.test(reply) && !screened) {
      screened = true;
      reply = await chat.expectReply(() => chat.press('None of these'), /Step \d+ of \d+|^Assessment/m);
    } else {
      reply = await chat.expectReply(() => chat.send('skip'), /Step \d+ of \d+|^Assessment/m);
    }
  }
  throw new Error(`no assessment after 12 turns; last reply: ${reply}`);
}

test('an EHR launch shows age and sex only, imports the labs with their dates, and the workup reaches its assessment with no value typed', async () => {
  const chat = await ehrLaunch('mm-bortezomib', 'smart ehr launch');
  await inChat(chat, async () => {
    await waitForContext(chat.page, 'Patient in context:');
    const shown = await recordContext(chat.page).innerText();
    expect(shown).toMatch(/^Patient in context: \d+ years, female \(from 127\.0\.0\.1:\d+\)\.$/);
    const read = await chat.expectReply(() => importButton(chat.page).click(), 'I read from the record');
    expect(await recordStatus(chat.page).innerText()).toMatch(
      /^Sent \d+ resources from the record to the workup\.$/,
    );
    expect(read).toContain('ALP 190 U/L (ULN 120, 29 Nov');
    // Bortezomib is recorded only as a MedicationStatement, which the page reads as the CDS Hooks
    // service does: the treatment comes from the record, and the pre-treatment ALP is the baseline.
    expect(read).toContain('baseline ALP 95 U/L (ULN 120, 11 Oct), before bortezomib started');
    expect(read).toContain('bortezomib since 19 Oct (week 6)');
    expect(read).not.toContain('ALP 95 U/L (ULN 120, 11 Oct): superseded');
    expect(read).not.toContain('Not read:');
    expect(read).toMatch(
      /direct bilirubin \[Observation\/mm-b-dbili\]: LOINC 14629-0 with unit .nmol\/mL. is not used/,
    );
    // ALP with its baseline and the treatment came from the record: the red-flag screen is next.
    expect(read).toContain('Step 1 of 3 · Red-flag screen');
    await saveScreenshot(chat.page, 'smart-launch-imported');
    // The liver panel came whole from the record: it is never asked.
    const { assessment, asked } = await toAssessment(chat, read);
    expect(assessment).toMatch(/^Assessment/m);
    expect(asked).toContain('Red-flag screen');
    expect(asked).not.toContain('ALP');
    expect(asked).not.toContain('Liver panel and calcium');
    const note = await chat.expectReply(() => chat.send('chart note'), 'Chart note');
    expect(note).toMatch(
      /From the patient's record \(read [^)]+\): ALP of 29 Nov 2026; baseline ALP of 11 Oct 2026;/,
    );
    expect(note).toContain('current treatment of 19 Oct 2026');
  });
  // The FHIR server saw the token on every read; the page asked only for the patient in context.
  const reads = fhir.requests.filter((r) => r.authorization !== undefined);
  expect(reads.length).toBeGreaterThan(0);
  expect(reads.every((r) => r.url.includes('mm-bortezomib'))).toBe(true);
  expect(reads.some((r) => r.url.includes('/MedicationStatement?'))).toBe(true);
});

test('a record system that does not grant MedicationStatement: the page reads the rest, and the page and the bot say what was not granted', async () => {
  auth.withhold(['MedicationStatement']);
  const readsBefore = fhir.requests.length;
  const chat = await ehrLaunch('mm-bortezomib', 'smart medication statement not granted');
  await inChat(chat, async () => {
    await waitForContext(chat.page, 'Patient in context:');
    const read = await chat.expectReply(() => importButton(chat.page).click(), 'I read from the record');
    expect(await recordStatus(chat.page).innerText()).toMatch(
      /^Sent \d+ resources from the record to the workup\. Not granted by the record system, so not read: MedicationStatement\.$/,
    );
    expect(await chat.page.locator('#record-status.status--error').count()).toBe(0);
    expect(read).toContain('ALP 190 U/L (ULN 120, 29 Nov');
    expect(read).toContain(
      'Not read: the record system did not grant access to MedicationStatement, so anything recorded only there is not in this import.',
    );
    // Without the MedicationStatement the treatment is unknown, so the pre-treatment ALP cannot be
    // the baseline: the ALP step asks for it, as it would with nothing imported.
    expect(read).not.toContain('bortezomib since');
    expect(read).toContain('ALP 95 U/L (ULN 120, 11 Oct): superseded by Observation/mm-b-alp');
    expect(read).toContain('Step 1 of 4 · ALP');
    expect(read).toContain('Baseline ALP before this treatment (optional)');
  });
  const reads = fhir.requests.slice(readsBefore).map((r) => r.url);
  expect(reads.some((url) => url.includes('/Observation?'))).toBe(true);
  expect(reads.filter((url) => url.includes('MedicationStatement'))).toEqual([]);
});

test('a record system that grants none of the resources: the page says so and sends nothing, with no error', async () => {
  auth.withhold(['Patient', 'Observation', 'Condition', 'MedicationRequest', 'MedicationStatement']);
  const readsBefore = fhir.requests.length;
  const chat = await ehrLaunch('mm-bortezomib', 'smart nothing granted');
  await inChat(chat, async () => {
    await waitForContext(chat.page, 'Patient in context:');
    expect(await recordContext(chat.page).innerText()).toMatch(
      /^Patient in context: age and sex not shown, Patient was not granted \(from 127\.0\.0\.1:\d+\)\.$/,
    );
    await importButton(chat.page).click();
    await recordStatus(chat.page).getByText('Nothing to import').waitFor({ timeout: REPLY_TIMEOUT_MS });
    expect(await recordStatus(chat.page).innerText()).toBe(
      'Nothing to import: the record system granted none of what this app reads. Not granted by the record system, so not read: Patient, Observation, Condition, MedicationRequest, MedicationStatement.',
    );
    expect(await chat.page.locator('#record-status.status--error').count()).toBe(0);
    expect(await chat.transcriptText()).not.toContain('from the record');
  });
  expect(fhir.requests.slice(readsBefore).filter((r) => r.authorization !== undefined)).toEqual([]);
});

test('a standalone launch lets the clinician pick the FHIR server and the patient, then imports from the record', async () => {
  const chat = await WebChatPage.open(browser(), `${app().origin}/launch`, 'pointer', async (page) => {
    await page.getByRole('button', { name: new URL(fhir.url).host }).click();
    await consent(page, 'Allow', 'mm-hep');
  });
  withArtifacts(chat, 'smart standalone launch');
  await inChat(chat, async () => {
    await waitForContext(chat.page, 'Patient in context:');
    expect(await recordContext(chat.page).innerText()).toContain('years, male');
    const read = await chat.expectReply(() => importButton(chat.page).click(), 'I read from the record');
    expect(read).toContain('ALP 460 U/L (ULN 120, 28 Nov');
    expect(read).toContain('carfilzomib since');
    const { assessment } = await toAssessment(chat, read);
    expect(assessment).toMatch(/^Assessment/m);
  });
  expect(auth.refusals.filter((r) => r.startsWith('token'))).toEqual([]);
});

test("HL7's example record: the name is neither shown nor sent, and what cannot be used is listed with the reason", async () => {
  const chat = await ehrLaunch('pat2', 'smart hl7 example');
  const sentToBot: string[] = [];
  chat.page.on('request', (request) => {
    const body = request.postData();
    if (new URL(request.url()).origin === app().origin && body?.includes('alp/import-record'))
      sentToBot.push(body);
  });
  await inChat(chat, async () => {
    await waitForContext(chat.page, 'Patient in context:');
    expect(await recordContext(chat.page).innerText()).toContain('age not recorded, other');
    const read = await chat.expectReply(() => importButton(chat.page).click(), 'from the record');
    expect(read).toContain('ALP 108 U/L (ULN 115, 16 Aug 2015)');
    expect(read).toContain('older than the 3650-day window');
    expect(await chat.page.content()).not.toContain('Donald');
  });
  // The import went to the bot as one event, with the patient reduced to id, sex and birth date.
  expect(sentToBot).toHaveLength(1);
  expect(sentToBot[0]).toContain('"id":"pat2"');
  expect(sentToBot[0]).not.toContain('Donald');
  expect(sentToBot[0]).not.toContain('"text":{"status"');
  expect(app().logLines.join('')).not.toContain('Donald');
});

test('a denied consent ends on the page with a clear message, and nothing is imported', async () => {
  const launch = auth.registerLaunch('mm-bortezomib');
  const url = `${app().origin}/launch?iss=${encodeURIComponent(fhir.url)}&launch=${launch}`;
  const chat = await WebChatPage.open(browser(), url, 'pointer', (page) => consent(page, 'Deny'));
  withArtifacts(chat, 'smart denied consent');
  await inChat(chat, async () => {
    await recordStatus(chat.page).getByText('Access to the record was not granted').waitFor();
    expect(await recordStatus(chat.page).innerText()).toBe(
      'Access to the record was not granted (access_denied: The user denied access to the record.). Nothing was imported.',
    );
    expect(await importButton(chat.page).isDisabled()).toBe(true);
    expect(await chat.transcriptText()).not.toContain('from the record');
  });
});

test('an expired token and a failing FHIR server each end with a clear message, and nothing is half-imported', async () => {
  const chat = await ehrLaunch('mm-hep', 'smart expired and failing');
  await inChat(chat, async () => {
    await waitForContext(chat.page, 'Patient in context:');
    fhir.failSearchesOf('Observation');
    await importButton(chat.page).click();
    await recordStatus(chat.page).getByText('Nothing was imported.').waitFor({ timeout: REPLY_TIMEOUT_MS });
    expect(await recordStatus(chat.page).innerText()).toBe(
      'The record system failed while reading the laboratory results (it answered 500). Try again later. Nothing was imported.',
    );
    fhir.failSearchesOf(undefined);
    auth.expireAll();
    await importButton(chat.page).click();
    await recordStatus(chat.page).getByText('(401)').waitFor({ timeout: REPLY_TIMEOUT_MS });
    expect(await recordStatus(chat.page).innerText()).toBe(
      'The record system refused the access while reading the patient (401): the authorization has expired or was withdrawn. Launch the app again from the chart. Nothing was imported.',
    );
    // The patient was read before each failure; none of it reached the bot.
    expect(await chat.transcriptText()).not.toContain('from the record');
  });
});

test('a launch naming a FHIR server off the allowlist is refused on the page before anything is read', async () => {
  const context: BrowserContext = await browser().newContext();
  const page = await context.newPage();
  const recorder = new PageRecorder(page);
  try {
    await withFailureArtifacts(recorder, 'smart iss off the allowlist', async () => {
      await page.goto(
        `${app().origin}/launch?iss=${encodeURIComponent('https://ehr.elsewhere.example/fhir')}&launch=abc`,
      );
      await page.locator('#status.status--error').waitFor({ timeout: PAGE_LOAD_TIMEOUT_MS });
      expect(await page.locator('#status').innerText()).toBe(
        `The launch did not work: This launch names the FHIR server https://ehr.elsewhere.example/fhir, which is not one this app is configured for (${fhir.url}). Ask the administrator to add it to SMART_ISS_ALLOWLIST. Nothing was read.`,
      );
    });
    expect(recorder.requestsOutside(app().origin)).toEqual([]);
  } finally {
    await context.close();
  }
});

test('a redirect back with a state this tab never issued is refused before any code is exchanged', async () => {
  const tokensBefore = auth.issued.length;
  const chat = await WebChatPage.open(browser(), `${app().origin}/?code=stolen-code&state=forged-state`);
  withArtifacts(chat, 'smart forged state');
  await inChat(chat, async () => {
    await recordStatus(chat.page).getByText('unknown state').waitFor();
    expect(await recordStatus(chat.page).innerText()).toBe(
      'This sign-in answer does not belong to a launch from this page (unknown state). Nothing was imported.',
    );
    expect(chat.recorder.requests.filter((url) => new URL(url).origin === auth.url)).toEqual([]);
  });
  expect(auth.issued.length).toBe(tokensBefore);
});

test('no access token the authorization server issued is in the app’s log or its database', () => {
  expect(auth.issued.length).toBeGreaterThanOrEqual(4);
  const log = app().logLines.join('');
  const files = [app().sqlitePath, `${app().sqlitePath}-wal`, `${app().sqlitePath}-shm`].filter(existsSync);
  expect(files.length).toBeGreaterThan(0);
  const stored = files.map((file) => readFileSync(file).toString('latin1')).join('');
  for (const { accessToken } of auth.issued) {
    expect(log).not.toContain(accessToken);
    expect(stored).not.toContain(accessToken);
  }
  // The database does hold the workups the imports made: the grep looked where the data is.
  expect(stored.length).toBeGreaterThan(0);
});
