import { ctcaeAlpGrade } from '../../src/clinical';
import { assessValid, bili, lab, normalLiverPanel } from './support/cases';

describe('CTCAE v5.0 ALP grade, normal baseline (multiples of ULN)', () => {
  it.each([
    [0.5, 0],
    [1, 0],
    [1.001, 1],
    [2.5, 1],
    [2.501, 2],
    [5, 2],
    [5.001, 3],
    [20, 3],
    [20.001, 4],
  ])('%d x ULN is grade %d', (alpXUln, grade) => {
    expect(ctcaeAlpGrade({ alpXUln })).toEqual({ version: 'CTCAE v5.0', grade, basis: 'uln' });
  });

  it('uses the ULN when the baseline itself was normal', () => {
    expect(ctcaeAlpGrade({ alpXUln: 1.5, baselineXUln: 1, alpXBaseline: 1.5 })?.basis).toBe('uln');
  });

  it('has no grade without the ULN', () => {
    expect(ctcaeAlpGrade({})).toBeUndefined();
  });
});

describe('CTCAE v5.0 ALP grade, abnormal baseline (multiples of baseline)', () => {
  it.each([
    [1.5, 0],
    [1.999, 0],
    [2, 1], // CTCAE v5: "2.0 - 2.5 x baseline" (reference §2.4)
    [2.001, 1],
    [2.5, 1],
    [2.501, 2],
    [5, 2],
    [5.001, 3],
    [20, 3],
    [20.001, 4],
  ])('%d x baseline is grade %d', (alpXBaseline, grade) => {
    expect(ctcaeAlpGrade({ alpXUln: 3, baselineXUln: 1.5, alpXBaseline })).toEqual({
      version: 'CTCAE v5.0',
      grade,
      basis: 'baseline',
    });
  });
});

describe('derived values in the assessment', () => {
  it('computes multiples, change from baseline and the R ratio', () => {
    const a = assessValid({
      alp: lab(240, 120),
      alpBaseline: lab(160, 120),
      alt: lab(120, 40),
      ast: lab(60, 40),
      bilirubinTotal: bili(1.8),
      ggt: lab(90, 60),
    });
    expect(a.derived).toEqual({
      alpXUln: 2,
      altXUln: 3,
      astXUln: 1.5,
      bilirubinXUln: 1.5,
      ggtXUln: 1.5,
      rRatio: 1.5,
      alpBaselineXUln: 1.33,
      alpXBaseline: 1.5,
      alpRiseUL: 80,
      alpChangePercent: 50,
      ctcaeGrade: { version: 'CTCAE v5.0', grade: 0, basis: 'baseline' },
    });
  });

  it('leaves the ALP multiple and grade out without a ULN, and says the pattern is undetermined', () => {
    const a = assessValid({ alp: { value: 180, unit: 'U/L' }, ...normalLiverPanel });
    expect(a.derived.alpXUln).toBeUndefined();
    expect(a.derived.ctcaeGrade).toBeUndefined();
    expect(a.pattern).toBe('undetermined');
    expect(a.missing[0]).toBe('alp.uln');
    expect(a.findings.find((f) => f.id === 'U-3')?.text).toContain('No ULN given for ALP');
  });

  it('corrects calcium for albumin, in both units', () => {
    const mgdl = assessValid({
      alp: lab(180, 120),
      calcium: { value: 10, unit: 'mg/dL', uln: 10.5 },
      albumin: { value: 2.5, unit: 'g/dL' },
    });
    expect(mgdl.derived.correctedCalciumMgDl).toBe(11.2);
    expect(mgdl.derived.correctedCalciumMmolL).toBeCloseTo(2.79, 2);
    const mmol = assessValid({
      alp: lab(180, 120),
      calcium: { value: 2.5, unit: 'mmol/L', uln: 2.6 },
      albumin: { value: 25, unit: 'g/L' },
    });
    expect(mmol.derived.correctedCalciumMmolL).toBe(2.8);
  });
});

describe('pattern', () => {
  const combined = (altValue: number) =>
    assessValid({ alp: lab(240, 120), alt: lab(altValue, 40), ast: lab(20, 40), bilirubinTotal: bili(0.6) });

  it.each([
    // ALP 2x ULN, so R = ALT multiple / 2.
    [159.9, 'cholestatic'], // R just below 2
    [160, 'cholestatic'], // R = 2
    [160.1, 'mixed'], // R just above 2
    [399.9, 'mixed'], // R just below 5
    [400, 'hepatocellular'], // R = 5
    [400.1, 'hepatocellular'],
  ])('ALT %d U/L (ULN 40) with ALP 2x ULN is %s', (altValue, pattern) => {
    expect(combined(altValue).pattern).toBe(pattern);
  });

  it('is isolated only when ALT, AST and bilirubin are all known and within their ULNs', () => {
    expect(assessValid({ alp: lab(180, 120), ...normalLiverPanel }).pattern).toBe('isolated');
    expect(
      assessValid({ alp: lab(180, 120), alt: lab(40, 40), ast: lab(40, 40), bilirubinTotal: bili(1.2) })
        .pattern,
    ).toBe('isolated');
    expect(assessValid({ alp: lab(180, 120), alt: lab(20, 40), ast: lab(20, 40) }).pattern).toBe(
      'undetermined',
    );
    expect(
      assessValid({ alp: lab(180, 120), alt: lab(20, 40), ast: lab(20, 40), bilirubinTotal: { value: 0.6 } })
        .pattern,
    ).toBe('undetermined');
  });

  it('is combined as soon as one of them is just above its ULN', () => {
    const a = assessValid({ alp: lab(180, 120), ...normalLiverPanel, bilirubinTotal: bili(1.21) });
    expect(a.pattern).toBe('cholestatic');
  });

  it('is normal at or below the ULN, hepatocellular if aminotransferases are raised over a normal ALP', () => {
    expect(assessValid({ alp: lab(120, 120), ...normalLiverPanel }).pattern).toBe('normal');
    expect(assessValid({ alp: lab(100, 120), ...normalLiverPanel, alt: lab(60, 40) }).pattern).toBe(
      'hepatocellular',
    );
    expect(assessValid({ alp: lab(100, 120), ...normalLiverPanel, bilirubinTotal: bili(2) }).pattern).toBe(
      'normal',
    );
  });

  it('is undetermined when a raised AST leaves R uncomputable (ALT unknown)', () => {
    expect(assessValid({ alp: lab(180, 120), ast: lab(80, 40), bilirubinTotal: bili(0.6) }).pattern).toBe(
      'undetermined',
    );
  });
});
