import { assess, AssessmentSchema, validateCase, type Case } from '../../src/clinical';

function assessValid(input: unknown) {
  const result = validateCase(input);
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  return assess(result.value);
}

const ids = (findings: { id: string }[]) => findings.map((f) => f.id);

const noSymptoms: NonNullable<Case['symptoms']> = {
  fever: false,
  jaundice: false,
  rightUpperQuadrantPain: false,
  newBonePain: false,
  neuroDeficit: false,
  confusion: false,
};

describe('cases a haematologist would sign', () => {
  it('bone branch on bortezomib: isolated ALP, GGT normal, +80% at week 6', () => {
    const a = assessValid({
      alp: { value: 180, unit: 'U/L', uln: 120 },
      alpBaseline: { value: 100, unit: 'U/L' },
      alt: { value: 25, unit: 'U/L', uln: 40 },
      ast: { value: 22, unit: 'U/L', uln: 40 },
      bilirubinTotal: { value: 0.6, unit: 'mg/dL', uln: 1.2 },
      ggt: { value: 30, unit: 'U/L', uln: 60 },
      therapy: { agent: 'bortezomib', weeksOnTherapy: 6, steroids: true },
      history: { recentFracture: false, pregnant: false, fasting: true },
      symptoms: noSymptoms,
    });
    expect(AssessmentSchema.parse(a)).toEqual(a);
    expect(a.pattern).toBe('isolated');
    expect(a.origin).toBe('bone');
    expect(a.urgent).toBe(false);
    expect(a.derived).toMatchObject({
      alpXUln: 1.5,
      alpChangePercent: 80,
      ctcaeGrade: { grade: 1, basis: 'uln' },
    });
    expect(ids(a.findings)).toEqual(
      expect.arrayContaining(['P-3', 'O-1', 'B-1', 'B-11', 'B-5', 'M-1', 'G-1']),
    );
    const b1 = a.findings.find((f) => f.id === 'B-1');
    expect(b1?.why).toContain('CR+PR');
    expect(b1?.why).toContain('VGPR');
    expect(a.missing).not.toContain('imaging.ultrasound');
    expect(a.findings.some((f) => /bone scan/i.test(f.text) && !/not order a bone scan/i.test(f.text))).toBe(
      false,
    );
  });

  it('cholestatic, hepatic origin, SI units', () => {
    const a = assessValid({
      alp: { value: 5.0, unit: 'µkat/L', uln: 2.2 },
      alt: { value: 30, unit: 'U/L', uln: 40 },
      ast: { value: 35, unit: 'U/L', uln: 40 },
      bilirubinTotal: { value: 30, unit: 'µmol/L', uln: 21 },
      ggt: { value: 200, unit: 'U/L', uln: 60 },
    });
    expect(a.pattern).toBe('cholestatic');
    expect(a.origin).toBe('liver');
    expect(a.derived.alpXUln).toBeCloseTo(2.27, 2);
    expect(a.derived.rRatio).toBeCloseTo(0.33, 2);
    expect(ids(a.findings)).toEqual(expect.arrayContaining(['U-1', 'U-2', 'P-4', 'P-5', 'O-2', 'H-1']));
    expect(a.findings.find((f) => f.id === 'U-1')?.text).toContain('5 µkat/L = 300 U/L');
    expect(a.missing.indexOf('symptoms.fever')).toBeLessThan(a.missing.indexOf('imaging.ultrasound'));
  });

  it('the same hepatic case, days later with dilated ducts on ultrasound: MRI with MRCP', () => {
    const a = assessValid({
      alp: { value: 5.0, unit: 'µkat/L', uln: 2.2 },
      alt: { value: 30, unit: 'U/L', uln: 40 },
      ast: { value: 35, unit: 'U/L', uln: 40 },
      bilirubinTotal: { value: 30, unit: 'µmol/L', uln: 21 },
      ggt: { value: 200, unit: 'U/L', uln: 60 },
      symptoms: noSymptoms,
      imaging: { ultrasound: 'dilated-ducts' },
    });
    expect(a.urgent).toBe(false);
    expect(ids(a.findings)).toContain('H-2');
    expect(ids(a.findings)).not.toContain('H-1');
    expect(a.findings.find((f) => f.id === 'H-2')?.text).toContain('MRI with MRCP');
    expect(a.missing).not.toContain('imaging.ultrasound');
  });

  it("Hy's law interrupts at once", () => {
    const a = assessValid({
      alp: { value: 150, unit: 'U/L', uln: 120 },
      alt: { value: 200, unit: 'U/L', uln: 40 },
      ast: { value: 180, unit: 'U/L', uln: 40 },
      bilirubinTotal: { value: 3.0, unit: 'mg/dL', uln: 1.2 },
    });
    expect(a.urgent).toBe(true);
    expect(ids(a.redFlags)).toEqual(['R-01']);
    expect(a.redFlags[0]?.text).toContain("Hy's law");
    expect(a.missing).toContain('inr');
  });
});
