import { SEED_IDS, type Assessment, type Case, type Finding, type SeedId } from '../../src/clinical';
import { assessValid, bili, boneCase, lab, liverCase, normalLiverPanel } from './support/cases';

const bortezomibWeek6: Case = {
  ...boneCase,
  alpBaseline: lab(100, 120),
  therapy: { agent: 'bortezomib', weeksOnTherapy: 6 },
};

/** One realistic case per seed statement, in which a rule implementing it fires. */
const SEED_CASES: Record<SeedId, Case> = {
  S1: { alp: lab(180, 120), ...normalLiverPanel },
  S2: bortezomibWeek6,
  S3: { ...boneCase, history: { recentFracture: true } },
  S4: { ...liverCase, imaging: { ultrasound: 'hepatomegaly' } },
  S5: boneCase,
  S6: { ...liverCase, history: { alcohol: true } },
  S7: { alp: lab(180, 120), ...normalLiverPanel },
  S8: liverCase,
  S9: { ...liverCase, imaging: { ultrasound: 'dilated-ducts' } },
  S10: bortezomibWeek6,
  S11: bortezomibWeek6,
  S12: boneCase,
  S13: { ...boneCase, boneSpecificAlp: { value: 30, unit: 'µg/L', uln: 20 } },
  S14: { ...boneCase, therapy: { agent: 'bortezomib' } },
  S15: bortezomibWeek6,
  S16: { ...boneCase, alp: lab(320, 120), alpBaseline: lab(150, 120) },
  S17: { ...boneCase, alpBaseline: lab(150, 120) },
  S18: { ...boneCase, history: { knownBoneDisease: true } },
  S19: bortezomibWeek6,
  S20: { ...boneCase, therapy: { agent: 'other' } },
  S21: bortezomibWeek6,
  S22: { ...boneCase, alt: lab(240, 40) },
  F1: boneCase,
};

const implementing = (a: Assessment, seed: SeedId): Finding[] =>
  [...a.redFlags, ...a.findings].filter((f) => f.seed.includes(seed));

describe('every seed statement is implemented by a rule that fires', () => {
  it('has a case for each seed id', () => {
    expect(Object.keys(SEED_CASES).sort()).toEqual([...SEED_IDS].sort());
  });

  it.each(SEED_IDS)('%s', (seed) => {
    const findings = implementing(assessValid(SEED_CASES[seed]), seed);
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) expect(f.sources.length).toBeGreaterThan(0);
  });
});

describe('where the seed article is wrong, the engine says what the primary source says', () => {
  const finding = (c: Case, id: string) => {
    const found = assessValid(c).findings.find((f) => f.id === id);
    if (found === undefined) throw new Error(`${id} did not fire`);
    return found;
  };

  it('S10: the bortezomib >= 25% rise predicts response (CR+PR), not VGPR; VGPR is the carfilzomib study', () => {
    const b1 = finding(bortezomibWeek6, 'B-1');
    expect(b1.text).not.toContain('VGPR');
    expect(b1.why).toContain('CR+PR');
    expect(b1.why).toMatch(/VGPR.*carfilzomib/);
    expect(b1.sources.map((s) => s.id)).toContain('zangari2007');
    const b2 = finding(
      { ...boneCase, alpBaseline: lab(160, 120), therapy: { agent: 'carfilzomib', weeksOnTherapy: 4 } },
      'B-2',
    );
    expect(b2.text).toContain('VGPR');
    expect(b2.sources.map((s) => s.id)).toEqual(['zangari2011Carfilzomib']);
  });

  it('S13: bone-specific ALP is not a screen for myeloma bone disease', () => {
    const b7 = finding(SEED_CASES.S13, 'B-7');
    expect(b7.text).toContain('not a screen for myeloma bone disease');
    expect(b7.why).toContain('solid tumours, not for myeloma');
  });

  it.each([
    ['S16', 'BL-1'],
    ['S17', 'BL-3'],
    ['S20', 'BL-2'],
  ] as const)('%s is an extrapolated heuristic from checkpoint-inhibitor guidance (%s)', (seed, id) => {
    const f = finding(SEED_CASES[seed], id);
    expect(f.evidence).toBe('extrapolated');
    expect(f.why).toMatch(/checkpoint-inhibitor/);
    expect(f.sources.map((s) => s.id)).toContain('regev2020');
  });

  it('S16 is anchored on CTCAE v5 (abnormal baseline grade 1 above 2.0x baseline)', () => {
    const f = finding(SEED_CASES.S16, 'BL-1');
    expect(f.why).toContain('2.0x baseline');
    expect(f.sources.map((s) => s.id)).toContain('ctcae5');
  });

  it('S1: a raised ALP in myeloma is not assumed to be bone', () => {
    const a = assessValid(SEED_CASES.S1);
    expect(a.origin).toBe('undetermined');
    expect(a.findings.find((f) => f.id === 'O-9')?.text).toContain('Do not assume the ALP is from bone');
    expect(a.missing[0]).toBe('ggt');
  });

  it('S19/S21: a hepatic ALP on bortezomib is not read as a marker of efficacy', () => {
    const a = assessValid({
      ...liverCase,
      alpBaseline: lab(100, 120),
      therapy: { agent: 'bortezomib', weeksOnTherapy: 6 },
    });
    expect(a.findings.map((f) => f.id)).toContain('B-14');
    expect(a.findings.map((f) => f.id)).not.toContain('B-1');
  });

  it('S9: a cholestatic R with an undetermined origin is not called cholestatic drug injury', () => {
    const a = assessValid({ alp: lab(360, 120), ...normalLiverPanel, bilirubinTotal: bili(1.5) });
    expect(a.pattern).toBe('cholestatic');
    expect(a.origin).toBe('undetermined');
    expect(a.findings.map((f) => f.id)).toContain('P-6');
    expect(a.findings.map((f) => f.id)).not.toContain('H-1');
  });

  it('S3: the fracture statement is kept as a question, tagged as unverified', () => {
    const f = finding(SEED_CASES.S3, 'B-8');
    expect(f.evidence).toBe('expert-convention');
    expect(f.why).toContain('[NV]');
  });
});
