import { FIELD_INFO, LAB_FIELDS, inUnit, normalizeLab } from '../../src/clinical';
import { DISPLAY_DECIMALS } from '../../src/clinical/units';
import { assessValid, boneCase, firedIds, lab } from './support/cases';

describe('normalizeLab', () => {
  it.each([
    ['U/L', 180, 180],
    ['IU/L', 180, 180],
    ['ukat/L', 3, 180],
    ['µkat/L', 3, 180],
    ['μkat/L', 3, 180],
  ])('ALP in %s: %d -> %d U/L', (unit, value, expected) => {
    const lab = normalizeLab('alp', { value, unit, uln: value / 1.5 });
    expect(lab.value).toBeCloseTo(expected, 10);
    expect(lab.unit).toBe('U/L');
    expect(lab.xUln).toBeCloseTo(1.5, 10);
  });

  it('shows the unit it converted from, in one spelling', () => {
    expect(normalizeLab('alp', { value: 5, unit: 'ukat/L', uln: 2.2 }).reportedUnit).toBe('µkat/L');
    expect(normalizeLab('alp', { value: 5, unit: 'μkat/L', uln: 2.2 }).reportedUnit).toBe('µkat/L');
    expect(normalizeLab('bilirubinTotal', { value: 30, unit: 'umol/L', uln: 21 }).reportedUnit).toBe(
      'µmol/L',
    );
  });

  it.each([
    ['umol/L', 17.1, 1],
    ['µmol/L', 34.2, 2],
    ['μmol/L', 30, 30 / 17.1],
    ['mg/dL', 1.2, 1.2],
  ])('bilirubin in %s: %d -> %d mg/dL', (unit, value, expected) => {
    expect(normalizeLab('bilirubinTotal', { value, unit }).value).toBeCloseTo(expected, 10);
  });

  it('converts calcium mmol/L to mg/dL by x 4.008', () => {
    expect(normalizeLab('calcium', { value: 2.5, unit: 'mmol/L' }).value).toBeCloseTo(10.02, 10);
    expect(normalizeLab('calcium', { value: 10, unit: 'mg/dL' }).value).toBe(10);
  });

  it('converts albumin g/L to g/dL and CRP mg/dL to mg/L', () => {
    expect(normalizeLab('albumin', { value: 35, unit: 'g/L' }).value).toBeCloseTo(3.5, 10);
    expect(normalizeLab('crp', { value: 1.2, unit: 'mg/dL', uln: 0.5 }).value).toBeCloseTo(12, 10);
  });

  it('keeps bone-specific ALP in its own unit (mass and activity do not convert)', () => {
    const lab = normalizeLab('boneSpecificAlp', { value: 30, unit: 'µg/L', uln: 20 });
    expect(lab).toMatchObject({ value: 30, unit: 'µg/L', xUln: 1.5 });
  });

  it('reads a value without a unit in the canonical unit and says it assumed it', () => {
    const lab = normalizeLab('alt', { value: 80, uln: 40 });
    expect(lab).toMatchObject({ value: 80, unit: 'U/L', unitAssumed: true, xUln: 2 });
  });

  it('leaves the multiple of ULN out when there is no ULN', () => {
    const lab = normalizeLab('alp', { value: 180, unit: 'U/L' });
    expect(lab.xUln).toBeUndefined();
    expect(lab.uln).toBeUndefined();
  });

  it('throws only for a unit the field does not accept (validation refuses it first)', () => {
    expect(() => normalizeLab('alp', { value: 180, unit: 'mg/dL' })).toThrow(RangeError);
  });

  it('describes every field with a label, units and a range', () => {
    for (const [field, info] of Object.entries(FIELD_INFO)) {
      expect(info.label).not.toBe('');
      expect(info.max).toBeGreaterThan(info.min);
      expect(info.example).not.toBe('');
      if (info.isLab) expect(info.units.length).toBeGreaterThan(0);
      expect(field).toMatch(/^[a-zA-Z0-9.]+$/);
    }
  });
});

describe('converted values, as the clinician reads them', () => {
  const finding = (input: unknown, id: string) => assessValid(input).findings.find((f) => f.id === id)?.text;

  it.each([
    ['ALP 1.23 µkat/L', { alp: { value: 1.23, unit: 'µkat/L', uln: 1 } }, 'U-1', 'ALP 1.23 µkat/L = 74 U/L.'],
    [
      'bilirubin 9 µmol/L',
      { bilirubinTotal: { value: 9, unit: 'µmol/L', uln: 21 } },
      'U-2',
      'Total bilirubin 9 µmol/L = 0.5 mg/dL.',
    ],
    [
      'calcium 2.4 mmol/L',
      { calcium: { value: 2.4, unit: 'mmol/L', uln: 2.6 } },
      'U-5',
      'Calcium 2.4 mmol/L = 9.6 mg/dL.',
    ],
    ['albumin 35 g/L', { albumin: { value: 35, unit: 'g/L' } }, 'U-5', 'Albumin 35 g/L = 3.5 g/dL.'],
  ])('%s is shown to the decimals a lab prints in the unit converted into', (_name, labs, id, shown) => {
    expect(finding({ ...boneCase, ...labs }, id)).toContain(shown);
  });

  it('shows a derived calcium in both units to their decimals, and an uncorrected one as reported', () => {
    const corrected = assessValid({
      ...boneCase,
      calcium: { value: 2.9, unit: 'mmol/L', uln: 2.6 },
      albumin: { value: 30, unit: 'g/L' },
    });
    expect(corrected.redFlags.find((f) => f.id === 'R-04')?.text).toContain(
      'Corrected calcium 12.4 mg/dL (3.10 mmol/L).',
    );
    const uncorrected = assessValid({ ...boneCase, calcium: { value: 12, unit: 'mg/dL', uln: 10.5 } });
    expect(uncorrected.redFlags.find((f) => f.id === 'R-04')?.text).toContain(
      'Calcium 12 mg/dL (2.99 mmol/L), uncorrected',
    );
  });

  it('rounds only what is shown: TG18 B reads bilirubin 34 µmol/L (1.99 mg/dL, shown as 2.0) as below 2 mg/dL', () => {
    const febrile = { alp: lab(130, 120), temperatureC: 38.6 };
    const below = { ...febrile, bilirubinTotal: { value: 34, unit: 'µmol/L', uln: 40 } };
    expect(finding(below, 'U-2')).toContain('Total bilirubin 34 µmol/L = 2.0 mg/dL.');
    expect(firedIds(assessValid(below))).not.toContain('R-02');
    const above = { ...febrile, bilirubinTotal: { value: 35, unit: 'µmol/L', uln: 40 } };
    expect(firedIds(assessValid(above))).toContain('R-02');
  });

  it('has a display convention for every unit a lab value is converted into', () => {
    const convertedInto = LAB_FIELDS.filter((field) =>
      Object.values(FIELD_INFO[field].factors).some((factor) => factor !== 1),
    ).map((field) => FIELD_INFO[field].canonicalUnit);
    expect(convertedInto.filter((unit) => DISPLAY_DECIMALS[unit] === undefined)).toEqual([]);
    expect(inUnit(2.4 * 4.008, 'mg/dL')).toBe('9.6');
  });
});
