import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assess } from '../../src/clinical';
import { caseFromFhir, mapFhirRecord, mappingLines } from '../../src/fhir';
import {
  bortezomibWeek6,
  bundle,
  daysAgo,
  hepaticDilatedDucts,
  hysLaw,
  normalLabs,
  NOW,
  observation,
  pregnancy,
} from './support/myeloma-bundles';

const hl7 = (file: string): unknown =>
  JSON.parse(readFileSync(join(__dirname, 'fixtures', 'hl7', file), 'utf8'));

describe('FHIR R4 -> case on HL7 example data (Bundle-ghp, Patient-pat2)', () => {
  const ghpDate = new Date('2015-08-20T00:00:00Z');

  it('reads every analyte by its LOINC code, with the unit from `unit` when `code` is missing and the date from the panel', () => {
    const result = caseFromFhir([hl7('Bundle-ghp.json'), hl7('Patient-pat2.json')], { now: ghpDate });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.case).toEqual({
      alp: { value: 108, unit: 'U/L', uln: 115 },
      alt: { value: 54, unit: 'U/L', uln: 45 },
      ast: { value: 30, unit: 'U/L', uln: 41 },
      ggt: { value: 35, unit: 'U/L', uln: 45 },
      bilirubinTotal: { value: 7, unit: 'umol/L', uln: 20 },
      bilirubinDirect: { value: 3, unit: 'umol/L', uln: 8 },
      calcium: { value: 2.38, unit: 'mmol/L', uln: 2.65 },
      albumin: { value: 42, unit: 'g/L' },
      wbc: 4.6,
    });
    const alp = result.mapping.used.find((r) => r.field === 'alp');
    expect(alp).toMatchObject({ source: 'Observation/o12', date: '2015-08-16T06:40:17Z', dateFrom: 'panel' });
    // Ionized calcium (13959-2) is not total calcium and must not be read as it.
    expect(result.mapping.used.filter((r) => r.field === 'calcium').map((r) => r.loinc)).toEqual(['2000-8']);
    // pat2's gender is "other" and it has no birthDate: neither is guessed.
    expect(result.mapping.patient).toEqual({});
    expect(mappingLines(result.mapping).used).toContain(
      'ALP 108 U/L (ULN 115 U/L), 2015-08-16 (date of its panel) [Observation/o12]',
    );
  });

  it('assesses the panel as the engine does a typed case (the SI units converted by the engine)', () => {
    const result = caseFromFhir(hl7('Bundle-ghp.json'), { now: ghpDate });
    if (!result.ok) throw new Error('mapping failed');
    const a = assess(result.case);
    // ALT 54 U/L over its ULN of 45 with a normal ALP: the engine reads a hepatocellular pattern.
    expect(a.pattern).toBe('hepatocellular');
    expect(a.derived.alpXUln).toBe(0.94);
    expect(a.derived.bilirubinXUln).toBe(0.35);
    expect(a.urgent).toBe(false);
  });

  it('names results older than the window instead of using them', () => {
    const result = caseFromFhir(hl7('Bundle-ghp.json'), { now: new Date('2016-01-01T00:00:00Z') });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]?.message).toContain('No usable ALP (LOINC 6768-6) within the last 30 days');
    expect(result.problems[0]?.message).toContain(
      'Observation/o12 (2015-08-16): older than the 30-day window',
    );
    expect(
      mapFhirRecord(hl7('Bundle-ghp.json'), { now: new Date('2016-01-01'), lookbackDays: 200 }).case.alp,
    ).toEqual({
      value: 108,
      unit: 'U/L',
      uln: 115,
    });
  });
});

describe('FHIR R4 -> case on myeloma Bundles', () => {
  it('bortezomib week 6: the latest ALP of two in the window, the pre-treatment ALP as baseline, weeks from the start, an unknown unit refused', () => {
    const result = caseFromFhir(bortezomibWeek6(), { now: NOW });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.case).toMatchObject({
      alp: { value: 190, unit: 'U/L', uln: 120 },
      alpBaseline: { value: 95, unit: 'U/L', uln: 120 },
      bilirubinTotal: { value: 9, unit: 'umol/L', uln: 21 },
      calcium: { value: 9.4, unit: 'mg/dL', uln: 10.5 },
      therapy: { agent: 'bortezomib', weeksOnTherapy: 6 },
      history: { ageYears: 67, sex: 'female' },
    });
    expect(result.case.bilirubinDirect).toBeUndefined();
    expect(result.mapping.patient.sex).toBe('female');
    expect(result.mapping.conditions.myeloma).toBe(true);
    const lines = mappingLines(result.mapping);
    expect(lines.notUsed).toContain(
      `ALP 150 U/L (ULN 120 U/L), ${daysAgo(14).slice(0, 10)} [Observation/mm-b-alp-week4]: superseded by Observation/mm-b-alp of ${daysAgo(1).slice(0, 10)}`,
    );
    expect(lines.notUsed).toContain(
      'Direct bilirubin [Observation/mm-b-dbili]: LOINC 14629-0 with unit "nmol/mL" is not used: expected mg/dL, umol/L, µmol/L, μmol/L',
    );
    expect(lines.used.some((l) => l.startsWith('Baseline: ALP 95 U/L'))).toBe(true);
    const a = assess(result.case);
    expect(a.origin).toBe('bone');
    expect(a.derived.alpXBaseline).toBe(2);
  });

  it("Hy's law: the red flag is raised from the mapped values; an INR therapeutic range is not read as a ULN", () => {
    const result = caseFromFhir(hysLaw(), { now: NOW });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.case.inr).toBe(1.4);
    expect(result.case.therapy).toEqual({ agent: 'other', weeksOnTherapy: 10 });
    expect(result.mapping.agents.map((a) => a.agent)).toEqual(['lenalidomide']);
    const a = assess(result.case);
    expect(a.urgent).toBe(true);
    expect(a.redFlags.map((f) => f.id)).toContain('R-01');
  });

  it('hepatic pattern: carfilzomib found by brand name in text, cholestatic pattern, ultrasound still asked for', () => {
    const result = caseFromFhir(hepaticDilatedDucts(), { now: NOW });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.case.therapy?.agent).toBe('carfilzomib');
    const a = assess(result.case);
    expect(['cholestatic', 'mixed']).toContain(a.pattern);
    expect(result.case.imaging).toBeUndefined();
  });

  it('pregnancy on the problem list sets history.pregnant', () => {
    const result = caseFromFhir(pregnancy(), { now: NOW });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.case.history).toEqual({ ageYears: 34, sex: 'female', pregnant: true });
    expect(result.mapping.patient.sex).toBe('female');
  });

  it('a normal ALP is used and a 90-day-old raised one is named, not used', () => {
    const result = caseFromFhir(normalLabs(), { now: NOW });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.case.alp).toEqual({ value: 80, unit: 'U/L', uln: 120 });
    expect(mappingLines(result.mapping).notUsed).toContain(
      `ALP 300 U/L (ULN 120 U/L), ${daysAgo(90).slice(0, 10)} [Observation/mm-n-alp-old]: older than the 30-day window`,
    );
  });

  it('two different ALPs at the same moment: neither is used (choosing would be a guess)', () => {
    const at = daysAgo(1);
    const result = mapFhirRecord(
      bundle([
        observation('p', { id: 'a1', loinc: '6768-6', value: 130, unit: 'U/L', uln: 120, date: at }),
        observation('p', { id: 'a2', loinc: '6768-6', value: 310, unit: 'U/L', uln: 120, date: at }),
      ]),
      { now: NOW },
    );
    expect(result.case.alp).toBeUndefined();
    expect(result.setAside.map((s) => s.reason)).toEqual([
      'conflicts with Observation/a2 taken at the same time',
      'conflicts with Observation/a1 taken at the same time',
    ]);
  });

  it('missing ULN: the value is used without one, the reason named', () => {
    const result = mapFhirRecord(
      bundle([observation('p', { id: 'a', loinc: '6768-6', value: 200, unit: 'U/L', date: daysAgo(1) })]),
      { now: NOW },
    );
    expect(result.case.alp).toEqual({ value: 200, unit: 'U/L' });
    expect(mappingLines(result).used[0]).toContain('no ULN (no normal reference range with an upper limit)');
  });

  it('a malformed resource is named and skipped, the rest still read', () => {
    const record = bundle([
      observation('p', { id: 'a', loinc: '6768-6', value: 200, unit: 'U/L', uln: 120, date: daysAgo(1) }),
    ]);
    record.entry?.push({ resource: { resourceType: 'Observation', id: 'broken' } as never });
    const result = mapFhirRecord(record, { now: NOW });
    expect(result.case.alp?.value).toBe(200);
    expect(result.recordProblems).toEqual([
      'Observation/broken was skipped: status Invalid input: expected string, received undefined',
    ]);
  });
});
