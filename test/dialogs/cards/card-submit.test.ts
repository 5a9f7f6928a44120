import {
  cardSubmitToValues,
  parseCardSubmit,
  submitData,
  type CardSubmit,
} from '../../../dialogs/cards/card-submit';

const submit = (inputs: Record<string, string>, overrides: Partial<CardSubmit> = {}): CardSubmit => ({
  step: 'alp',
  revision: 3,
  action: 'next',
  inputs,
  ...overrides,
});

describe('parseCardSubmit', () => {
  it('reads the contract and keeps the inputs as strings', () => {
    const result = parseCardSubmit({
      ...submitData('alp', 3, 'next'),
      'alp.value': '180',
      'alp.unit': 'U/L',
    });
    expect(result).toEqual({
      ok: true,
      submit: { step: 'alp', revision: 3, action: 'next', inputs: { 'alp.value': '180', 'alp.unit': 'U/L' } },
    });
  });

  it('accepts a revision that a channel turned into a string', () => {
    const result = parseCardSubmit({ alpWorkup: 1, step: 'origin', revision: '12', action: 'back' });
    expect(result.ok && result.submit.revision).toBe(12);
  });

  it('takes the field to edit from the edit picker', () => {
    const result = parseCardSubmit({ ...submitData('assessment', 9, 'edit'), editField: 'alt' });
    expect(result.ok && result.submit.field).toBe('alt');
  });

  it('keeps a button field over the picker', () => {
    const result = parseCardSubmit({ ...submitData('assessment', 9, 'edit', 'ggt'), editField: 'alt' });
    expect(result.ok && result.submit.field).toBe('ggt');
  });

  it.each([
    ['a string', 'next'],
    ['null', null],
    ['an array', [1]],
    ['another bot card', { action: 'next', step: 'alp', revision: 1 }],
    ['an unknown action', { alpWorkup: 1, step: 'alp', revision: 1, action: 'launch' }],
    ['a negative revision', { alpWorkup: 1, step: 'alp', revision: -1, action: 'next' }],
    ['an empty step', { alpWorkup: 1, step: '', revision: 1, action: 'next' }],
    ['a step this bot never shows', { alpWorkup: 1, step: 'labsPage2', revision: 1, action: 'next' }],
  ])('refuses %s with a problem, never a throw', (_name, value) => {
    const result = parseCardSubmit(value);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problem.length).toBeGreaterThan(10);
  });

  it('names the offending contract field', () => {
    const result = parseCardSubmit({ alpWorkup: 1, step: 'alp', revision: 'x', action: 'next' });
    expect(!result.ok && result.problem).toContain('revision');
  });
});

describe('cardSubmitToValues', () => {
  it('reads a lab with unit and ULN, and the baseline in the ALP unit', () => {
    const { values, problems } = cardSubmitToValues(
      submit({ 'alp.value': '5,0', 'alp.unit': 'µkat/L', 'alp.uln': '2.2', 'alpBaseline.value': '1.8' }),
    );
    expect(problems).toEqual([]);
    expect(values).toEqual({
      alp: { value: 5, unit: 'µkat/L', uln: 2.2 },
      alpBaseline: { value: 1.8, unit: 'µkat/L' },
    });
  });

  it('treats empty inputs as not given', () => {
    const { values, problems } = cardSubmitToValues(
      submit({ 'alt.value': '', 'alt.unit': 'U/L', 'alt.uln': ' ', 'therapy.steroids': '', inr: '' }),
    );
    expect(values).toEqual({});
    expect(problems).toEqual([]);
  });

  it('reads yes/no/unknown, numbers and choices into their case paths', () => {
    const { values, problems } = cardSubmitToValues(
      submit({
        'therapy.agent': 'bortezomib',
        'therapy.weeksOnTherapy': '6',
        'therapy.steroids': 'yes',
        'history.pregnant': 'no',
        'history.fasting': 'unknown',
        inr: '1.1',
        'imaging.ultrasound': 'dilated-ducts',
        ama: 'negative',
      }),
    );
    expect(problems).toEqual([]);
    expect(values).toEqual({
      therapy: { agent: 'bortezomib', weeksOnTherapy: 6, steroids: true },
      history: { pregnant: false },
      inr: 1.1,
      imaging: { ultrasound: 'dilated-ducts' },
      ama: 'negative',
    });
  });

  it.each([
    [
      'alp.value',
      { 'alp.value': '18o', 'alp.unit': 'U/L' },
      'alp',
      'ALP (alkaline phosphatase) must be a number',
    ],
    ['a ULN', { 'ggt.value': '30', 'ggt.uln': 'sixty' }, 'ggt', 'the ULN must be a number'],
    ['a ULN without a value', { 'ggt.value': '', 'ggt.uln': '60' }, 'ggt', 'the value is empty'],
    ['a unit', { 'alt.value': '30', 'alt.unit': 'mg/dL' }, 'alt', 'use U/L or µkat/L'],
    ['a yes/no', { 'therapy.steroids': 'maybe' }, 'therapy.steroids', 'yes, no or unknown'],
    ['a choice', { ama: 'weak' }, 'ama', 'Positive, Negative'],
    ['a number', { 'history.ageYears': '72y' }, 'history.ageYears', 'must be a number'],
  ])('names the field when %s is invalid', (_name, inputs, field, message) => {
    const { problems } = cardSubmitToValues(submit(inputs));
    expect(problems).toHaveLength(1);
    expect(problems[0]?.field).toBe(field);
    expect(problems[0]?.message).toContain(message);
  });

  it('keeps the valid values of a submit that also has an invalid one', () => {
    const { values, problems } = cardSubmitToValues(
      submit({ 'alt.value': '25', 'alt.uln': '40', 'ast.value': 'x' }),
    );
    expect(values).toEqual({ alt: { value: 25, uln: 40 } });
    expect(problems.map((problem) => problem.field)).toEqual(['ast']);
  });

  it('leaves range checks to the engine: a negative number is read as typed', () => {
    expect(cardSubmitToValues(submit({ 'alp.value': '-5' })).values).toEqual({ alp: { value: -5 } });
  });

  it('reads the red-flag screen: ticked boxes are yes, the rest no', () => {
    const { values } = cardSubmitToValues(submit({ symptoms: 'fever,jaundice' }, { step: 'redFlags' }));
    expect(values.symptoms).toEqual({
      fever: true,
      jaundice: true,
      rightUpperQuadrantPain: false,
      newBonePain: false,
      neuroDeficit: false,
      confusion: false,
    });
  });

  it('reads "None of these" as every symptom absent, whatever was ticked', () => {
    const { values } = cardSubmitToValues(
      submit({ symptoms: 'fever' }, { step: 'redFlags', action: 'none' }),
    );
    expect(Object.values(values.symptoms ?? {})).toEqual([false, false, false, false, false, false]);
  });

  it('refuses a symptom that is not on the card', () => {
    const { problems } = cardSubmitToValues(submit({ symptoms: 'fever,itch' }, { step: 'redFlags' }));
    expect(problems).toEqual([{ field: 'symptoms', message: expect.stringContaining('itch') }]);
  });

  it.each(['back', 'notDone', 'why', 'ack'] as const)('reads no answer from a %s button', (action) => {
    expect(cardSubmitToValues(submit({ 'alp.value': '180' }, { action }))).toEqual({
      values: {},
      problems: [],
    });
  });

  it('ignores inputs that are not case fields', () => {
    expect(cardSubmitToValues(submit({ editField: 'alt', msteams: 'x' })).values).toEqual({});
  });
});
