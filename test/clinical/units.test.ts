import { FIELD_INFO, normalizeLab } from '../../src/clinical';

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
