import { CASE_FIELD_PATHS, FIELD_INFO, FIELD_REGISTRY, LAB_FIELDS, SYMPTOMS } from '../../src/clinical';

describe('the field registry', () => {
  it('has one entry for each field of the case schema, and no other', () => {
    expect(Object.keys(FIELD_REGISTRY).sort()).toEqual([...CASE_FIELD_PATHS].sort());
  });

  it('has units and a plausible range for every numeric field, under the same path', () => {
    for (const path of Object.keys(FIELD_INFO)) expect(CASE_FIELD_PATHS).toContain(path);
  });

  it('counts every lab but the baseline ALP, the ultrasound and the AMA as tests to order, and no answer from the history', () => {
    const tests = CASE_FIELD_PATHS.filter((path) => FIELD_REGISTRY[path].isTest);
    expect(tests).toEqual(expect.arrayContaining(LAB_FIELDS.filter((lab) => lab !== 'alpBaseline')));
    expect(tests).toEqual(expect.arrayContaining(['inr', 'wbc', 'imaging.ultrasound', 'ama']));
    expect(tests).not.toContain('alpBaseline');
    expect(tests.filter((path) => /^(history|therapy|symptoms)\./.test(path))).toEqual([]);
  });

  it('names the symptoms of the red-flag checklist in the schema order', () => {
    expect(SYMPTOMS).toEqual([
      'fever',
      'jaundice',
      'rightUpperQuadrantPain',
      'newBonePain',
      'neuroDeficit',
      'confusion',
    ]);
  });
});
