import type * as fhir4 from 'fhir/r4';
import { runTurn } from '../../../dialogs/turn-runner';
import type { TurnResult } from '../../../dialogs/turn-input';
import { contextOf, loadWorkup } from '../../../dialogs/workup-session';
import { bortezomibWeek6, hysLaw, NOW } from '../../fhir/support/myeloma-bundles';
import { resourcesOf } from '../../server/cds-hooks/support/prefetch';

/**
 * The import from the patient's record that the page sends after a SMART launch: the bot maps
 * the resources with the FHIR mapping, says what it read with the dates and what it did not use
 * and why, then asks only what is still missing. What the clinician typed always wins, and the
 * chart note says which values came from the record and when.
 */

const now = NOW.toISOString();
const FHIR = 'https://ehr.example.org/fhir';

const importOf = (bundle: fhir4.Bundle, extra: Record<string, unknown> = {}) => ({
  fhirServer: FHIR,
  lookbackDays: 30,
  resources: resourcesOf(bundle),
  ...extra,
});

const turn = (state: unknown, input: { text?: string; recordImport?: unknown }): TurnResult =>
  runTurn(state, { ...input, now, supportsCardUpdate: false });

const said = (result: TurnResult): string => result.replies.map((reply) => reply.text).join('\n');

const caseOf = (state: unknown) => {
  const loaded = loadWorkup(state, { now });
  if (loaded.kind !== 'active') throw new Error(`no active workup: ${loaded.kind}`);
  return contextOf(loaded.session).case;
};

test('an import as the first thing says what it read with dates and what it set aside, then asks only what is missing', () => {
  const result = turn(undefined, { recordImport: importOf(bortezomibWeek6()) });
  const text = said(result);
  expect(text).toContain(
    'I read from the record: ALP 190 U/L (ULN 120, 29 Nov); ALT 24 U/L (ULN 40, 29 Nov); AST 22 U/L (ULN 40, 29 Nov); GGT 28 U/L (ULN 60, 29 Nov); total bilirubin 9 umol/L (ULN 21, 29 Nov); calcium 9.4 mg/dL (ULN 10.5, 29 Nov); albumin 38 g/L (29 Nov); baseline ALP 95 U/L (ULN 120, 11 Oct), before bortezomib started. Age 67, female, bortezomib since 19 Oct (week 6).',
  );
  expect(text).toContain('ALP 150 U/L (ULN 120, 16 Nov): superseded by Observation/mm-b-alp');
  expect(text).toContain(
    'direct bilirubin [Observation/mm-b-dbili]: LOINC 14629-0 with unit "nmol/mL" is not used',
  );
  // ALP, the liver panel and the treatment came from the record: the red-flag screen is next.
  expect(text).toContain('Step 1 of 3 · Red-flag screen');
  expect(text).not.toContain('Step 1 of 3 · ALP');
  expect(result.audit.event).toBe('import-record');
  expect(caseOf(result.state)).toMatchObject({
    alp: { value: 190, unit: 'U/L', uln: 120 },
    alpBaseline: { value: 95, uln: 120 },
    therapy: { agent: 'bortezomib', weeksOnTherapy: 6 },
    history: { ageYears: 67, sex: 'female' },
  });
});

test('the workup reaches its assessment from the import and answers alone, and the chart note names what came from the record', () => {
  let result = turn(undefined, { recordImport: importOf(bortezomibWeek6()) });
  // No value typed: the red-flag screen answered "none of these", every other question skipped.
  const commands: string[] = [];
  while (result.audit.step !== 'assessment' && commands.length < 10) {
    const command =
      result.audit.step === 'redFlags' && !commands.includes('none of these') ? 'none of these' : 'skip';
    commands.push(command);
    result = turn(result.state, { text: command });
  }
  expect(result.audit.step).toBe('assessment');
  // The note is hard-wrapped at 80 columns (continuations indented two spaces): read it unwrapped.
  const note = said(turn(result.state, { text: 'chart note' })).replace(/\n {2}/g, ' ');
  expect(note).toContain(
    "From the patient's record (read 30 Nov 2026 09:00 UTC): ALP of 29 Nov 2026; baseline ALP of 11 Oct 2026;",
  );
  expect(note).toContain('current treatment of 19 Oct 2026');
  expect(note).toContain('Everything else entered by the clinician.');
});

test('a value typed before the import stands, and one typed after it replaces the record value in the note', () => {
  const typed = turn(turn(undefined, { text: 'start' }).state, { text: 'ALP 200 U/L ULN 120' });
  const imported = turn(typed.state, { recordImport: importOf(bortezomibWeek6()) });
  expect(said(imported)).toContain('You entered ALP yourself: what you entered stands.');
  expect(caseOf(imported.state).alp).toEqual({ value: 200, unit: 'U/L', uln: 120 });
  expect(caseOf(imported.state).ggt).toEqual({ value: 28, unit: 'U/L', uln: 60 });

  const first = turn(undefined, { recordImport: importOf(bortezomibWeek6()) });
  const corrected = turn(first.state, { text: 'GGT 35 ULN 60' });
  expect(caseOf(corrected.state).ggt).toEqual({ value: 35, uln: 60 });
  const again = turn(corrected.state, { recordImport: importOf(bortezomibWeek6()) });
  expect(caseOf(again.state).ggt).toEqual({ value: 35, uln: 60 });
  expect(said(again)).toContain('You entered GGT yourself');
});

test('an import that is not one is refused with what is wrong, and nothing changes', () => {
  const started = turn(undefined, { text: 'start' });
  for (const [value, message] of [
    [{}, 'fhirServer: must be the http(s) URL of the FHIR server'],
    [{ fhirServer: FHIR, lookbackDays: 30, resources: [] }, 'resources: holds no resources'],
    [{ fhirServer: FHIR, lookbackDays: 0, resources: [{}] }, 'lookbackDays'],
    [
      { fhirServer: FHIR, lookbackDays: 30, resources: [{}], notGranted: ['medication; drop'] },
      'notGranted.0: must name FHIR resource types',
    ],
    [null, 'the import'],
  ] as const) {
    const result = turn(started.state, { recordImport: value });
    expect(said(result)).toContain('The import from the record could not be read (');
    expect(said(result)).toContain(message);
    expect(said(result)).toContain('Nothing was imported.');
    expect(result.changed).toBe(false);
  }
});

test('an import the record system granted without MedicationStatement says so, and the treatment recorded only there is asked', () => {
  const granted = resourcesOf(bortezomibWeek6()).filter(
    (resource) => (resource as { resourceType?: string }).resourceType !== 'MedicationStatement',
  );
  const result = turn(undefined, {
    recordImport: {
      fhirServer: FHIR,
      lookbackDays: 30,
      resources: granted,
      notGranted: ['MedicationStatement'],
    },
  });
  const text = said(result);
  expect(text).toContain('I read from the record: ALP 190 U/L (ULN 120, 29 Nov)');
  expect(text).toContain(
    'Not read: the record system did not grant access to MedicationStatement, so anything recorded only there is not in this import.',
  );
  expect(text).not.toContain('bortezomib since');
  expect(caseOf(result.state).therapy).toBeUndefined();
});

test('a record with nothing the workup can use says so and changes nothing', () => {
  const started = turn(undefined, { text: 'start' });
  const result = turn(started.state, {
    recordImport: {
      fhirServer: FHIR,
      lookbackDays: 30,
      resources: [{ resourceType: 'Observation', status: 'final' }],
    },
  });
  expect(said(result)).toContain(
    'I found nothing in the record that this workup can use: no laboratory result I can use.',
  );
  expect(said(result)).toContain('Observation/(no id) was skipped: code');
  expect(result.changed).toBe(false);
});

test("a red flag in the record goes to the alert first (Hy's law on lenalidomide)", () => {
  const result = turn(undefined, { recordImport: importOf(hysLaw()) });
  expect(said(result)).toContain('ALT 410 U/L (ULN 40, 29 Nov)');
  expect(result.audit.step).toBe('urgent');
});
