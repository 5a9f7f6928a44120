import { assess, BIBLIOGRAPHY, CONTENT_VERSION, RULES, type Case } from '../../src/clinical';
import { COMMON_ULN_CEILINGS } from '../../src/clinical/uln-ceilings';
import { assessValid, bili, boneCase, firedIds, lab, liverCase, normalLiverPanel } from './support/cases';

const noUln = (value: number) => ({ value, unit: 'U/L' as const });
const biliNoUln = (value: number) => ({ value, unit: 'mg/dL' as const });
const redFlagIds = (c: Case) => assessValid(c).redFlags.map((f) => f.id);

it('is content version 1.2.0', () => {
  expect(CONTENT_VERSION).toBe('1.2.0');
  expect(assessValid(boneCase).contentVersion).toBe('1.2.0');
});

describe("decision 11: a missing ULN never silences Hy's law or massive aminotransferases", () => {
  it('the ceilings are the ones the decision names', () => {
    expect(COMMON_ULN_CEILINGS).toEqual({ alt: 60, ast: 60, bilirubinTotal: 1.3, alp: 150 });
  });

  it("ALT 400, AST 350, bilirubin 5.0 mg/dL, no ULNs, on bortezomib: Hy's law, naming the ceilings", () => {
    const a = assessValid({
      alp: noUln(180),
      alt: noUln(400),
      ast: noUln(350),
      bilirubinTotal: biliNoUln(5),
      therapy: { agent: 'bortezomib' },
    });
    const hy = a.redFlags.find((f) => f.id === 'R-01');
    expect(a.urgent).toBe(true);
    expect(hy?.text).toContain('ALT 400 U/L (no ULN given: 6.7x the highest common ULN, 60 U/L)');
    expect(hy?.text).toContain(
      'total bilirubin 5 mg/dL (no ULN given: 3.8x the highest common ULN, 1.3 mg/dL)',
    );
  });

  it.each([
    ['ALT exactly 3x the 60 U/L ceiling', noUln(180), biliNoUln(3), false],
    ['ALT just above 3x the ceiling', noUln(180.1), biliNoUln(3), true],
    ['bilirubin exactly 2x the 1.3 mg/dL ceiling', noUln(400), biliNoUln(2.6), false],
    ['bilirubin just above 2x the ceiling', noUln(400), biliNoUln(2.61), true],
  ])('%s -> %s', (_label, alt, bilirubinTotal, fires) => {
    expect(redFlagIds({ alp: lab(150, 120), alt, bilirubinTotal }).includes('R-01')).toBe(fires);
  });

  it.each([
    ['AST exactly 15x the ceiling', { ast: noUln(900) }, false],
    ['AST just above 15x the ceiling', { ast: noUln(901) }, true],
  ])('R-06: %s -> %s', (_label, extra, fires) => {
    expect(redFlagIds({ alp: lab(150, 120), ...extra }).includes('R-06')).toBe(fires);
  });

  it.each([
    ['ALP exactly 1.5x the 150 U/L ceiling', 225, false],
    ['ALP just above 1.5x the ceiling', 226, true],
  ])('R-02 with fever: %s -> %s', (_label, alp, fires) => {
    expect(
      redFlagIds({ alp: noUln(alp), ...normalLiverPanel, symptoms: { fever: true } }).includes('R-02'),
    ).toBe(fires);
  });

  it.each([
    ['bilirubin exactly the 1.3 mg/dL ceiling', 1.3, false],
    ['bilirubin just above the ceiling', 1.31, true],
  ])('R-07 with INR 1.6: %s -> %s', (_label, value, fires) => {
    expect(
      redFlagIds({ alp: lab(150, 120), inr: 1.6, bilirubinTotal: biliNoUln(value) }).includes('R-07'),
    ).toBe(fires);
  });

  it("counts clinical jaundice as bilirubin > 2x ULN for Hy's law", () => {
    const a = assessValid({ alp: lab(150, 120), alt: lab(200, 40), symptoms: { jaundice: true } });
    expect(a.redFlags.map((f) => f.id)).toContain('R-01');
    expect(a.redFlags.find((f) => f.id === 'R-01')?.text).toContain('with clinical jaundice');
    expect(
      redFlagIds({ alp: lab(150, 120), alt: lab(200, 40), symptoms: { jaundice: false } }),
    ).not.toContain('R-01');
  });

  it('below the ceiling, asks that ULN first and names the flag it is needed for', () => {
    const a = assessValid({ ...boneCase, alt: noUln(150), bilirubinTotal: bili(3.6) });
    expect(a.redFlags.map((f) => f.id)).not.toContain('R-01');
    const u6 = a.findings.find((f) => f.id === 'U-6');
    expect(u6?.text).toMatch(/^ALT 150 U\/L has no ULN: needed to rule out Hy's law \(R-01\)/);
    expect(a.missing[0]).toBe('alt.uln');
  });

  it('a calcium without its ULN is asked, naming hypercalcaemia, when a lower ULN would raise R-04', () => {
    const a = assessValid({
      ...boneCase,
      calcium: { value: 10.6, unit: 'mg/dL' },
      albumin: { value: 4, unit: 'g/dL' },
    });
    expect(a.findings.find((f) => f.id === 'U-6')?.text).toContain('hypercalcaemia (R-04)');
    expect(a.missing[0]).toBe('calcium.uln');
  });
});

describe('decision 12: pregnancy', () => {
  const pregnantWith = (history: Case['history'], c: Case = boneCase): Case => ({ ...c, history });

  it.each([
    ['trimester unknown', { pregnant: true }],
    ['first trimester', { pregnant: true, pregnancyTrimester: 1 }],
    ['second trimester', { pregnant: true, pregnancyTrimester: 2 }],
  ])('%s with a normal GGT: origin undetermined (placental possible), no bone branch', (_label, history) => {
    const a = assessValid(pregnantWith(history));
    expect(a.origin).toBe('undetermined');
    expect(firedIds(a)).toContain('O-14');
    expect(firedIds(a)).not.toEqual(expect.arrayContaining(['O-1']));
    expect(firedIds(a)).not.toContain('B-5');
    expect(firedIds(a)).not.toContain('B-4');
    expect(a.findings.find((f) => f.id === 'O-14')?.text).toMatch(/placental/i);
  });

  it('asks the trimester before anything else in that branch', () => {
    const { missing } = assessValid(pregnantWith({ pregnant: true }));
    const originStart = missing.indexOf('history.pregnancyTrimester');
    expect(originStart).toBeGreaterThanOrEqual(0);
    expect(missing.slice(originStart, originStart + 4)).toEqual([
      'history.pregnancyTrimester',
      'heatStableAlpPercent',
      'isoenzymes',
      'boneSpecificAlp',
    ]);
  });

  it('third trimester: placental, the physiological reading, without "repeat fasting"', () => {
    const a = assessValid(pregnantWith({ pregnant: true, pregnancyTrimester: 3, fasting: true }));
    expect(a.origin).toBe('placental');
    const p2 = a.findings.find((f) => f.id === 'P-2');
    expect(p2?.text).toContain('placental ALP is the physiological reading');
    expect(p2?.text).not.toMatch(/fasting/i);
  });

  it('P-2 never tells an adolescent to repeat fasting; a non-fasting sample only', () => {
    const teen = assessValid({ alp: lab(180, 120), ...normalLiverPanel, history: { ageYears: 16 } });
    expect(teen.findings.find((f) => f.id === 'P-2')?.text).not.toMatch(/fasting/i);
    const fed = assessValid({ ...boneCase, history: { fasting: false } });
    expect(fed.findings.find((f) => f.id === 'P-2')?.text).toContain('repeat ALP on a fasting sample');
  });

  it('no bisphosphonate or denosumab in pregnancy: B-5b and R-04b hand it to the specialists', () => {
    const a = assessValid({
      ...liverCase,
      calcium: { value: 12, unit: 'mg/dL' },
      history: { pregnant: true, knownBoneDisease: true },
    });
    expect(firedIds(a)).toEqual(expect.arrayContaining(['R-04b', 'B-5b']));
    expect(firedIds(a)).not.toContain('R-04');
    expect(firedIds(a)).not.toContain('B-5');
    for (const finding of [...a.redFlags, ...a.findings].filter((f) =>
      /bisphosphonate|denosumab/i.test(f.text),
    )) {
      expect(finding.text).toMatch(/specialist/);
    }
  });

  it.each<[string, Case['history'], boolean]>([
    ['a man', { sex: 'male', ageYears: 30 }, false],
    ['a 68-year-old woman', { sex: 'female', ageYears: 68 }, false],
    ['a woman of 55', { sex: 'female', ageYears: 55 }, true],
    ['a woman of 56', { sex: 'female', ageYears: 56 }, false],
    ['a girl of 12', { sex: 'female', ageYears: 12 }, true],
    ['a girl of 11', { sex: 'female', ageYears: 11 }, false],
    ['sex not stated, age 30', { sex: 'not-stated', ageYears: 30 }, true],
    ['sex and age unknown', {}, true],
  ])('asks about pregnancy for %s: %s', (_label, history, asked) => {
    expect(assessValid({ ...boneCase, history }).missing.includes('history.pregnant')).toBe(asked);
  });

  it('asks the sex with the age, and not when the age rules pregnancy out', () => {
    const unknown = assessValid(boneCase).missing;
    expect(unknown.indexOf('history.ageYears')).toBe(unknown.indexOf('history.sex') + 1);
    expect(assessValid({ ...boneCase, history: { ageYears: 70 } }).missing).not.toContain('history.sex');
  });
});

describe('decision 13: fever without a hepatic picture is not cholangitis', () => {
  const boneFever: Case = { ...boneCase, alp: lab(400, 120), symptoms: { fever: true } };

  it('bone ALP, every liver test within its ULN: no R-02, the fever gets its own source search (R-02b)', () => {
    const a = assessValid(boneFever);
    expect(a.origin).toBe('bone');
    expect(a.redFlags.map((f) => f.id)).not.toContain('R-02');
    expect(a.findings.find((f) => f.id === 'R-02b')?.text).toContain('Search for its own source');
  });

  it.each<[string, Case]>([
    ['origin undetermined (no GGT)', { ...boneFever, ggt: undefined }],
    ['GGT just above 1x ULN is no longer "within" (origin liver)', { ...boneFever, ggt: lab(61, 60) }],
    ['ALT just above its ULN', { ...boneFever, alt: lab(41, 40) }],
    ['AST unknown', { ...boneFever, ast: undefined }],
    ['bilirubin just above its ULN', { ...boneFever, bilirubinTotal: bili(1.21) }],
  ])('the ALP still counts for B when %s', (_label, c) => {
    expect(redFlagIds(c)).toContain('R-02');
  });

  it('imaging (criterion C) still makes it suspected cholangitis', () => {
    expect(redFlagIds({ ...boneFever, imaging: { ultrasound: 'dilated-ducts' } })).toContain('R-02');
  });
});

describe('decision 14: the limits of the bortezomib reassurance', () => {
  it('10x ULN, +1100% at week 4: B-1 kept as context, not "take no action", and B-4 runs', () => {
    const a = assessValid({
      ...boneCase,
      alp: lab(1200, 120),
      alpBaseline: lab(100, 120),
      therapy: { agent: 'bortezomib', weeksOnTherapy: 4 },
    });
    expect(firedIds(a)).toEqual(expect.arrayContaining(['B-1b', 'B-4']));
    expect(firedIds(a)).not.toContain('B-1');
    expect(a.findings.map((f) => f.text).join(' ')).not.toContain('take no action');
  });

  it('week 0 says the studies do not cover that time', () => {
    const a = assessValid({
      ...boneCase,
      alpBaseline: lab(100, 120),
      therapy: { agent: 'bortezomib', weeksOnTherapy: 0 },
    });
    expect(a.findings.find((f) => f.id === 'B-1c')?.text).toContain('the studies do not cover that time');
    expect(firedIds(a)).toContain('B-4');
    expect(firedIds(a)).not.toContain('B-1');
  });
});

describe('decision 15: a normal ALP ends the workup', () => {
  it('an isolated raised GGT with a normal ALP: outside this workup, no hepatic branch or ultrasound', () => {
    const a = assessValid({ ...liverCase, alp: lab(100, 120) });
    expect(firedIds(a)).toContain('P-9');
    expect(firedIds(a)).not.toEqual(expect.arrayContaining(['O-2']));
    expect(firedIds(a)).not.toContain('H-1');
    expect(a.origin).toBe('undetermined');
    expect(a.missing).not.toContain('imaging.ultrasound');
  });

  it('a normal ALP with a normal GGT: no "bone", no zoledronic acid', () => {
    const a = assessValid({ ...boneCase, alp: lab(100, 120) });
    expect(a.origin).not.toBe('bone');
    expect(firedIds(a)).not.toContain('B-5');
    expect(a.findings.map((f) => f.text).join(' ')).not.toMatch(/zoledronic/i);
  });

  it('with known bone disease B-5 still applies (drawn from the disease, not the ALP)', () => {
    expect(
      firedIds(assessValid({ ...boneCase, alp: lab(100, 120), history: { knownBoneDisease: true } })),
    ).toContain('B-5');
  });

  it('red flags are still checked', () => {
    expect(redFlagIds({ ...boneCase, alp: lab(100, 120), symptoms: { neuroDeficit: true } })).toContain(
      'R-05',
    );
  });
});

describe('decisions 16, 19 and 20', () => {
  it('H-8 names the five myeloma drugs with label hepatotoxicity warnings, at their [P] level', () => {
    const h8 = assessValid({ ...boneCase, alt: lab(200, 40) }).findings.find((f) => f.id === 'H-8');
    for (const drug of ['bortezomib', 'carfilzomib', 'ixazomib', 'lenalidomide', 'pomalidomide']) {
      expect(h8?.text).toContain(drug);
    }
    expect(h8?.evidence).not.toBe('guideline');
    expect(h8?.why).toContain('[P]');
  });

  it('never asks for a CRP ULN: TG18 reads CRP against an absolute 1 mg/dL', () => {
    const a = assessValid({ ...boneCase, crp: { value: 12, unit: 'mg/L' } });
    expect(a.missing).not.toContain('crp.uln');
    expect(a.findings.find((f) => f.id === 'U-3')).toBeUndefined();
  });

  it('a web course or commercial education page is expert convention at most, and says so where it is cited', () => {
    for (const key of ['vaHepatitis', 'hepatitisCentral'] as const) {
      expect(BIBLIOGRAPHY[key].highestEvidence).toBe('expert-convention');
    }
    const o1 = assessValid(boneCase).findings.find((f) => f.id === 'O-1');
    expect(o1?.evidence).toBe('guideline');
    expect(o1?.sources.find((s) => s.id === 'vaHepatitis')?.evidence).toBe('expert-convention');
    expect(o1?.sources.find((s) => s.id === 'acr2023')?.evidence).toBeUndefined();
  });

  it('no rule rests at "guideline" on capped sources alone', () => {
    const overclaimed = RULES.filter(
      (rule) =>
        rule.evidence === 'guideline' &&
        rule.sources.every((key) => BIBLIOGRAPHY[key].highestEvidence !== undefined),
    ).map((rule) => rule.id);
    expect(overclaimed).toEqual([]);
  });

  it('every rule changed in 1.1.0 says so in its why', () => {
    const changed = [
      'R-01',
      'R-02',
      'R-04',
      'R-05',
      'R-06',
      'R-07',
      'B-1',
      'B-4',
      'B-5',
      'H-8',
      'P-1',
      'P-2',
      'O-1',
      'G-1',
      'BL-1',
      'U-3',
    ];
    const silent = RULES.filter((rule) => changed.includes(rule.id) && !/content 1\.1\.0/.test(rule.why));
    expect(silent.map((rule) => rule.id)).toEqual([]);
  });
});

it('assess stays pure: the same case gives the same assessment', () => {
  const c: Case = { alp: noUln(180), alt: noUln(150), bilirubinTotal: bili(3.6) };
  expect(assess(c)).toEqual(assess(c));
});
