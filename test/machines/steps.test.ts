import { CASE_FIELD_PATHS } from '../../src/clinical';
import { fieldsAnsweredBy, fieldsNamedBy, isKnown } from '../../machines/case-fields';
import { QUESTION_STEP_IDS, STEP_FIELDS, STEP_IDS, stepForField } from '../../machines/steps';

describe('steps and the fields they ask', () => {
  it('asks every case field in some question', () => {
    const asked = new Set(QUESTION_STEP_IDS.flatMap((step) => STEP_FIELDS[step]));
    expect([...CASE_FIELD_PATHS].filter((field) => !asked.has(field))).toEqual([]);
  });

  it('takes its fields from the case schema: labs whole, groups opened, nothing else', () => {
    expect(CASE_FIELD_PATHS.slice(0, 3)).toEqual(['alp', 'alpBaseline', 'alt']);
    expect(CASE_FIELD_PATHS).toEqual(
      expect.arrayContaining([
        'therapy.agent',
        'history.fasting',
        'symptoms.fever',
        'imaging.ultrasound',
        'ama',
        'inr',
      ]),
    );
    expect(
      CASE_FIELD_PATHS.filter((path) => /^(therapy|history|symptoms|imaging|isoenzymes)$/.test(path)),
    ).toEqual([]);
    expect(CASE_FIELD_PATHS.filter((path) => /\.(value|unit|uln)$/.test(path))).toEqual([]);
    expect(new Set(CASE_FIELD_PATHS).size).toBe(CASE_FIELD_PATHS.length);
  });

  it('has the step ids the dialogs rely on', () => {
    expect(STEP_IDS).toEqual([
      'alp',
      'redFlags',
      'liverPanel',
      'context',
      'origin',
      'hepaticImaging',
      'hepaticAma',
      'bone',
      'assessment',
      'urgent',
      'awaitingResults',
    ]);
  });

  it.each([
    ['alt', 'liverPanel'],
    ['alp.uln', 'alp'],
    ['alpBaseline', 'alp'],
    ['history.fasting', 'context'],
    ['history.recentFracture', 'context'],
    ['history.renalImpairment', 'bone'],
    ['symptoms.fever', 'redFlags'],
    ['symptoms', 'redFlags'],
    ['isoenzymes', 'origin'],
    ['isoenzymes.bonePercent', 'origin'],
    ['imaging.ultrasound', 'hepaticImaging'],
    ['ama', 'hepaticAma'],
  ])('edits %s at the %s question', (field, step) => {
    expect(stepForField(field)).toBe(step);
  });

  it('knows no question for a field that does not exist', () => {
    expect(stepForField('potassium')).toBeUndefined();
    expect(fieldsNamedBy('alpha')).toEqual([]);
  });
});

describe('case field paths', () => {
  it('resolves parts and groups to the answerable fields', () => {
    expect(fieldsNamedBy('alp.uln')).toEqual(['alp']);
    expect(fieldsNamedBy('isoenzymes')).toEqual([
      'isoenzymes.bonePercent',
      'isoenzymes.liverPercent',
      'isoenzymes.intestinalPercent',
      'isoenzymes.placentalPercent',
    ]);
  });

  it('tells known from unknown, down to a lab ULN', () => {
    const values = { alp: { value: 180 }, symptoms: { fever: false } };
    expect(isKnown(values, 'alp')).toBe(true);
    expect(isKnown(values, 'alp.uln')).toBe(false);
    expect(isKnown(values, 'symptoms.fever')).toBe(true);
    expect(isKnown(values, 'symptoms.jaundice')).toBe(false);
    expect(isKnown(values, 'symptoms')).toBe(true);
    expect(isKnown({ symptoms: {} }, 'symptoms')).toBe(false);
  });

  it('lists the fields an answer fills, false answers included', () => {
    expect(fieldsAnsweredBy({ ggt: { value: 30 }, symptoms: { fever: false }, history: {} })).toEqual([
      'ggt',
      'symptoms.fever',
    ]);
  });
});
