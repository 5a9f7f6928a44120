import type { Case } from '../../src/clinical';
import { assessValid, bili, lab, normalLiverPanel } from './support/cases';

const redFlagIds = (c: Case) => assessValid(c).redFlags.map((f) => f.id);
const base: Case = { alp: lab(150, 120), ...normalLiverPanel };

describe("R-01 Hy's law: (ALT or AST > 3x) and bilirubin > 2x and ALP < 2x ULN", () => {
  const hy = (alt: number, bilirubin: number, alp = 150): Case => ({
    ...base,
    alp: lab(alp, 120),
    alt: lab(alt, 40),
    bilirubinTotal: bili(bilirubin, 1),
  });

  it.each([
    [120, 2.5, 150, false], // ALT exactly 3x
    [120.1, 2.5, 150, true], // ALT just above 3x
    [200, 2, 150, false], // bilirubin exactly 2x
    [200, 2.01, 150, true],
    [200, 3, 239.9, true], // ALP just below 2x
    [200, 3, 240, false], // ALP exactly 2x: cholestasis, not Hy's law
  ])('ALT %d/40, bilirubin %d/1, ALP %d/120 -> %s', (alt, bilirubin, alp, fires) => {
    expect(redFlagIds(hy(alt, bilirubin, alp)).includes('R-01')).toBe(fires);
  });

  it('counts AST as well as ALT', () => {
    expect(redFlagIds({ ...base, ast: lab(130, 40), bilirubinTotal: bili(2.5, 1) })).toContain('R-01');
  });

  it('is raised even when the ALP ULN is unknown, and says so', () => {
    const a = assessValid({
      alp: { value: 150, unit: 'U/L' },
      alt: lab(200, 40),
      bilirubinTotal: bili(3, 1),
    });
    expect(a.redFlags[0]?.id).toBe('R-01');
    expect(a.redFlags[0]?.text).toContain('ALP multiple unknown');
    expect(a.urgent).toBe(true);
  });
});

describe('R-02 acute cholangitis (TG18)', () => {
  const cholestatic: Case = { ...base, alp: lab(181, 120) }; // 1.51x ULN: criterion B
  const justBelowB: Case = { ...base, alp: lab(180, 120) }; // 1.5x ULN: not B

  it.each<[string, Case, boolean]>([
    ['fever with ALP > 1.5x', { ...cholestatic, symptoms: { fever: true } }, true],
    ['fever with ALP exactly 1.5x', { ...justBelowB, symptoms: { fever: true } }, false],
    ['temperature 38.0 °C', { ...cholestatic, temperatureC: 38 }, false],
    ['temperature 38.1 °C', { ...cholestatic, temperatureC: 38.1 }, true],
    ['WBC 10', { ...cholestatic, wbc: 10 }, false],
    ['WBC 10.1', { ...cholestatic, wbc: 10.1 }, true],
    ['WBC 4', { ...cholestatic, wbc: 4 }, false],
    ['WBC 3.9', { ...cholestatic, wbc: 3.9 }, true],
    ['CRP 9.9 mg/L', { ...cholestatic, crp: { value: 9.9, unit: 'mg/L', uln: 5 } }, false],
    ['CRP 10 mg/L (1 mg/dL)', { ...cholestatic, crp: { value: 10, unit: 'mg/L', uln: 5 } }, true],
    [
      'fever with bilirubin 1.99 mg/dL',
      { ...justBelowB, symptoms: { fever: true }, bilirubinTotal: bili(1.99, 2.5) },
      false,
    ],
    [
      'fever with bilirubin 2 mg/dL',
      { ...justBelowB, symptoms: { fever: true }, bilirubinTotal: bili(2, 2.5) },
      true,
    ],
    ['fever with clinical jaundice', { ...justBelowB, symptoms: { fever: true, jaundice: true } }, true],
    [
      'fever with dilated ducts',
      { ...justBelowB, symptoms: { fever: true }, imaging: { ultrasound: 'dilated-ducts' } },
      true,
    ],
    [
      'fever with a duct stone',
      { ...justBelowB, symptoms: { fever: true }, imaging: { ultrasound: 'cbd-stone' } },
      true,
    ],
    ['cholestasis without inflammation', { ...cholestatic, symptoms: { fever: false } }, false],
  ])('%s -> %s', (_label, c, fires) => {
    expect(redFlagIds(c).includes('R-02')).toBe(fires);
  });

  it('says suspected or definite and grades severity', () => {
    const suspected = assessValid({ ...cholestatic, symptoms: { fever: true } }).redFlags[0];
    expect(suspected?.text).toMatch(/^Suspected acute cholangitis/);
    const definite = assessValid({
      ...cholestatic,
      symptoms: { fever: true, confusion: true },
      imaging: { ultrasound: 'dilated-ducts' },
    }).redFlags.find((f) => f.id === 'R-02');
    expect(definite?.text).toMatch(/^Definite acute cholangitis/);
    expect(definite?.text).toContain('grade III');
    const moderate = assessValid({
      ...cholestatic,
      temperatureC: 39.2,
      wbc: 13,
    }).redFlags.find((f) => f.id === 'R-02');
    expect(moderate?.text).toContain('grade II');
  });
});

describe('R-03 acute liver failure: INR >= 1.5 with encephalopathy', () => {
  it.each([
    [1.49, true, false],
    [1.5, true, true],
    [2, false, false],
  ])('INR %d, confusion %s -> %s', (inr, confusion, fires) => {
    expect(redFlagIds({ ...base, inr, symptoms: { confusion } }).includes('R-03')).toBe(fires);
  });
});

describe('R-04 hypercalcaemia (IMWG), compared in the unit reported', () => {
  it.each<[string, Case['calcium'], Case['albumin'] | undefined, boolean]>([
    ['11.0 mg/dL', { value: 11, unit: 'mg/dL' }, undefined, false],
    ['11.01 mg/dL', { value: 11.01, unit: 'mg/dL' }, undefined, true],
    ['2.75 mmol/L', { value: 2.75, unit: 'mmol/L' }, undefined, false],
    ['2.76 mmol/L', { value: 2.76, unit: 'mmol/L' }, undefined, true],
    ['exactly 1 mg/dL above a ULN of 9.8', { value: 10.8, unit: 'mg/dL', uln: 9.8 }, undefined, false],
    ['just over 1 mg/dL above a ULN of 9.8', { value: 10.81, unit: 'mg/dL', uln: 9.8 }, undefined, true],
    ['exactly 0.25 mmol/L above a ULN of 2.4', { value: 2.65, unit: 'mmol/L', uln: 2.4 }, undefined, false],
    ['just over 0.25 mmol/L above a ULN of 2.4', { value: 2.66, unit: 'mmol/L', uln: 2.4 }, undefined, true],
    [
      '10.5 mg/dL with albumin 2.0 g/dL (corrected 12.1)',
      { value: 10.5, unit: 'mg/dL' },
      { value: 2, unit: 'g/dL' },
      true,
    ],
    [
      '11.5 mg/dL with albumin 5.0 g/dL (corrected 10.7)',
      { value: 11.5, unit: 'mg/dL' },
      { value: 5, unit: 'g/dL' },
      false,
    ],
  ])('%s -> %s', (_label, calcium, albumin, fires) => {
    const c: Case = { ...base, calcium, ...(albumin === undefined ? {} : { albumin }) };
    expect(redFlagIds(c).includes('R-04')).toBe(fires);
  });

  it('calls the calcium uncorrected without albumin, and asks for albumin (decision 17)', () => {
    const a = assessValid({ ...base, calcium: { value: 12, unit: 'mg/dL' } });
    expect(a.redFlags[0]?.text).toMatch(/^Calcium 12 mg\/dL .*uncorrected: albumin not given/);
    expect(a.redFlags[0]?.text).not.toMatch(/corrected calcium/i);
    expect(a.findings.map((f) => f.id)).toContain('U-7');
    expect(a.missing).toContain('albumin');
    expect(a.derived.correctedCalciumMgDl).toBeUndefined();
    expect(a.derived.uncorrectedCalciumMgDl).toBe(12);
  });

  it('calls it corrected once albumin is known', () => {
    const a = assessValid({
      ...base,
      calcium: { value: 10.5, unit: 'mg/dL' },
      albumin: { value: 2, unit: 'g/dL' },
    });
    expect(a.redFlags[0]?.text).toMatch(/^Corrected calcium 12\.1 mg\/dL/);
    expect(a.derived.correctedCalciumMgDl).toBe(12.1);
    expect(a.findings.map((f) => f.id)).not.toContain('U-7');
  });
});

describe('R-05 cord compression and R-05b suspected fracture (decision 18)', () => {
  it.each([
    [{ newBonePain: true }, ['R-05b']],
    [{ neuroDeficit: true }, ['R-05']],
    [{ newBonePain: true, neuroDeficit: true }, ['R-05']],
    [{ newBonePain: false, neuroDeficit: false }, []],
  ])('%o -> %o', (symptoms, flags) => {
    expect(redFlagIds({ ...base, symptoms }).filter((id) => id.startsWith('R-05'))).toEqual(flags);
  });

  it('a neurological deficit: emergency whole-spine MRI and dexamethasone per the local protocol', () => {
    const flag = assessValid({ ...base, symptoms: { neuroDeficit: true } }).redFlags[0];
    expect(flag?.text).toContain('emergency whole-spine MRI and dexamethasone');
    expect(flag?.text).toContain('metastatic spinal cord compression protocol');
    expect(flag?.sources.map((s) => s.id)).toContain('nice2023Ng234');
    expect(flag?.text).not.toMatch(/bone scan/i);
  });

  it('new bone pain alone: urgent imaging of the painful site, not an emergency whole-spine MRI', () => {
    const text = assessValid({ ...base, symptoms: { newBonePain: true } }).redFlags[0]?.text ?? '';
    expect(text).toContain('urgent imaging of the painful site');
    expect(text).toContain('not an emergency whole-spine MRI');
    expect(text).not.toMatch(/dexamethasone|bone scan/i);
  });
});

describe('R-06 massive aminotransferases', () => {
  it.each<[string, Case['alt'], boolean]>([
    ['exactly 15x ULN', lab(600, 40), false],
    ['just above 15x ULN', lab(601, 40), true],
    ['900 U/L without a ULN (exactly 15x the 60 U/L ceiling)', { value: 900, unit: 'U/L' }, false],
    ['901 U/L without a ULN (just above 15x the ceiling)', { value: 901, unit: 'U/L' }, true],
  ])('ALT %s -> %s', (_label, alt, fires) => {
    expect(redFlagIds({ ...base, alt }).includes('R-06')).toBe(fires);
  });

  it('counts AST above 15x ULN, and names it', () => {
    const flag = assessValid({ ...base, ast: lab(601, 40) }).redFlags.find((f) => f.id === 'R-06');
    expect(flag?.text).toMatch(/^ALT 20 U\/L \(0\.5x ULN\), AST 15x ULN\./);
  });

  it('ALT 5000 U/L without a ULN fires and says which ceiling it assumed (decision 11)', () => {
    const flag = assessValid({ alp: lab(150, 120), alt: { value: 5000, unit: 'U/L' } }).redFlags.find(
      (f) => f.id === 'R-06',
    );
    expect(flag?.text).toMatch(/^ALT 5000 U\/L \(no ULN given: 83x the highest common ULN, 60 U\/L\)/);
  });
});

describe('R-07 coagulopathy with cholestasis', () => {
  it.each([
    [1.5, 1.3, undefined, true],
    [1.49, 1.3, undefined, false],
    [1.5, 1.2, undefined, false], // bilirubin exactly at the ULN
    [1.5, 1.2, true, true], // clinical jaundice
  ])('INR %d, bilirubin %d/1.2, jaundice %s -> %s', (inr, bilirubin, jaundice, fires) => {
    const c: Case = { ...base, inr, bilirubinTotal: bili(bilirubin), symptoms: jaundice ? { jaundice } : {} };
    expect(redFlagIds(c).includes('R-07')).toBe(fires);
  });

  it('gives way to R-03 when there is encephalopathy', () => {
    const ids = redFlagIds({ ...base, inr: 2, bilirubinTotal: bili(3), symptoms: { confusion: true } });
    expect(ids).toContain('R-03');
    expect(ids).not.toContain('R-07');
  });
});

describe('R-03u acute liver failure neither confirmed nor excluded: confusion with the INR not known', () => {
  const undecided = (c: Case) => assessValid(c).findings.find((f) => f.id === 'R-03u');

  it.each([
    ['jaundice with confusion, no INR', true, { jaundice: true, confusion: true }, undefined],
    ['confusion alone, no INR', true, { confusion: true }, undefined],
    ['jaundice without confusion, no INR', false, { jaundice: true }, undefined],
    ['jaundice with confusion, INR 1.0', false, { jaundice: true, confusion: true }, 1.0],
  ])('%s -> open %s', (_label, open, symptoms, inr) => {
    const c: Case = { ...base, symptoms, ...(inr === undefined ? {} : { inr }) };
    expect(undecided(c) !== undefined).toBe(open);
  });

  it('keeps the suspicion in the assessment without calling it an emergency or ruling it out', () => {
    const a = assessValid({ ...base, symptoms: { jaundice: true, confusion: true } });
    expect(a.redFlags).toEqual([]);
    expect(a.urgent).toBe(false);
    expect(undecided({ ...base, symptoms: { jaundice: true, confusion: true } })).toMatchObject({
      kind: 'caution',
      text: expect.stringMatching(
        /^Jaundice with confusion, INR not known\. Acute liver failure is suspected and can be neither confirmed nor excluded without the INR: check the INR now/,
      ),
    });
    expect(a.missing).toContain('inr');
  });

  it('gives way to R-03 once the INR is 1.5 or more', () => {
    const a = assessValid({ ...base, inr: 1.5, symptoms: { confusion: true } });
    expect(a.redFlags.map((f) => f.id)).toContain('R-03');
    expect(a.findings.map((f) => f.id)).not.toContain('R-03u');
  });
});

describe('red flags overall', () => {
  it('make the assessment urgent and come before any finding', () => {
    const a = assessValid({ ...base, symptoms: { neuroDeficit: true } });
    expect(a.urgent).toBe(true);
    expect(a.findings.every((f) => f.kind !== 'red-flag')).toBe(true);
    expect(a.redFlags.every((f) => f.kind === 'red-flag')).toBe(true);
  });

  it('are absent, and the case not urgent, when nothing crosses a threshold', () => {
    const a = assessValid(base);
    expect(a.redFlags).toEqual([]);
    expect(a.urgent).toBe(false);
  });
});
