import {
  CASE_FIELD_PATHS,
  FIELD_INFO,
  FIELD_REGISTRY,
  LAB_FIELDS,
  QUESTION_GROUPS,
  SCALAR_FIELDS,
  SYMPTOM_FIELDS,
  SYMPTOMS,
  TEST_FIELD_PATHS,
} from '../../src/clinical';
import { QUESTION_STEP_IDS, STEP_FIELDS, stepForField } from '../../machines';

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

  it('gives units and a plausible range to the numeric kinds only, and FIELD_INFO is exactly those', () => {
    const numeric = CASE_FIELD_PATHS.filter((path) => ['lab', 'number'].includes(FIELD_REGISTRY[path].kind));
    for (const path of CASE_FIELD_PATHS) {
      expect('measure' in FIELD_REGISTRY[path]).toBe(numeric.includes(path));
    }
    expect(Object.keys(FIELD_INFO).sort()).toEqual([...numeric].sort());
    expect([...LAB_FIELDS, ...SCALAR_FIELDS].sort()).toEqual([...numeric].sort());
    expect(FIELD_INFO.bilirubinTotal).toMatchObject({
      label: 'Total bilirubin',
      canonicalUnit: 'mg/dL',
      isLab: true,
      units: ['mg/dL', 'umol/L', 'µmol/L', 'μmol/L'],
    });
    expect(FIELD_INFO.inr).toMatchObject({ units: [], isLab: false, min: 0.5, max: 20 });
  });

  it('derives the symptom checklist and the tests to order from the entries', () => {
    expect(SYMPTOM_FIELDS).toEqual(SYMPTOMS.map((symptom) => `symptoms.${symptom}`));
    expect(TEST_FIELD_PATHS).toEqual(CASE_FIELD_PATHS.filter((path) => FIELD_REGISTRY[path].isTest));
  });

  it("has the machine's questions as its question groups, and each question asks exactly the fields that name it", () => {
    expect([...QUESTION_STEP_IDS].sort()).toEqual([...QUESTION_GROUPS].sort());
    for (const step of QUESTION_STEP_IDS) {
      expect(STEP_FIELDS[step]).toEqual(
        Object.keys(FIELD_REGISTRY).filter((path) =>
          (FIELD_REGISTRY[path as keyof typeof FIELD_REGISTRY].askedIn as readonly string[]).includes(step),
        ),
      );
    }
  });

  it('edits a field at the first question that asks it', () => {
    for (const path of CASE_FIELD_PATHS) expect(stepForField(path)).toBe(FIELD_REGISTRY[path].askedIn[0]);
  });
});
