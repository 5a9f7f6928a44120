import { interpretText, type TextContext } from '../../../dialogs/text/interpret-text';
import { STEP_FIELDS, type StepId } from '../../../machines';

const AT_ALP: TextContext = { step: 'alp', expecting: ['alp', 'alpBaseline'] };
const AT_RED_FLAGS: TextContext = { step: 'redFlags', expecting: STEP_FIELDS.redFlags };
const AT_ULTRASOUND: TextContext = { step: 'hepaticImaging', expecting: ['imaging.ultrasound'] };

describe('interpretText', () => {
  it('reads a pasted report as values with readings to echo', () => {
    const result = interpretText('ALP 412 U/L (ULN 120), ALT 35/40, GGT 22, bili 0.8 mg/dL', AT_ALP);
    expect(result).toEqual({
      kind: 'values',
      values: {
        alp: { value: 412, unit: 'U/L', uln: 120 },
        alt: { value: 35, uln: 40 },
        ggt: { value: 22 },
        bilirubinTotal: { value: 0.8, unit: 'mg/dL' },
      },
      readings: [
        { field: 'alp', value: 412, unit: 'U/L', uln: 120, source: 'ALP 412 U/L (ULN 120)' },
        { field: 'alt', value: 35, uln: 40, source: 'ALT 35/40' },
        { field: 'ggt', value: 22, source: 'GGT 22' },
        { field: 'bilirubinTotal', value: 0.8, unit: 'mg/dL', source: 'bili 0.8 mg/dL' },
      ],
      answers: [],
    });
  });

  it('combines lab values and worded answers from one message', () => {
    const result = interpretText('ALP 180 U/L ULN 120, bortezomib week 6, no fever', AT_ALP);
    expect(result).toMatchObject({
      kind: 'values',
      values: {
        alp: { value: 180, unit: 'U/L', uln: 120 },
        therapy: { agent: 'bortezomib', weeksOnTherapy: 6 },
        symptoms: { fever: false },
      },
    });
  });

  it('refuses a negative ALP with a message naming the field', () => {
    const result = interpretText('ALP -5', AT_ALP);
    expect(result).toEqual({
      kind: 'problems',
      problems: [{ field: 'alp', message: expect.stringContaining("can't be negative") }],
      readings: [{ field: 'alp', value: -5, source: 'ALP -5' }],
    });
  });

  it('refuses an implausible worded answer through the engine', () => {
    const result = interpretText('age 150', { step: 'context', expecting: [] });
    expect(result).toMatchObject({ kind: 'problems', problems: [{ field: 'history.ageYears' }] });
  });

  it('turns a whole-message command into a command', () => {
    expect(interpretText('edit alk phos', AT_ALP)).toEqual({
      kind: 'command',
      command: 'edit',
      field: 'alp',
    });
    expect(interpretText('Not done yet', AT_ULTRASOUND)).toEqual({ kind: 'command', command: 'not-done' });
  });

  it('reads "ALT back to normal 30" as a value, not the back command', () => {
    expect(interpretText('ALT back to normal 30', AT_ALP)).toMatchObject({
      kind: 'values',
      values: { alt: { value: 30 } },
    });
  });

  it('reads a correction that carries its value as the value', () => {
    expect(interpretText('edit ALT 35', AT_ALP)).toMatchObject({
      kind: 'values',
      values: { alt: { value: 35 } },
    });
    expect(interpretText('change ALT to 42 U/L', AT_ALP)).toMatchObject({
      kind: 'values',
      values: { alt: { value: 42, unit: 'U/L' } },
    });
  });

  it('answers the red-flag checklist with "none of these"', () => {
    const result = interpretText('None of these', AT_RED_FLAGS);
    expect(result).toMatchObject({
      kind: 'values',
      values: {
        symptoms: {
          fever: false,
          jaundice: false,
          rightUpperQuadrantPain: false,
          newBonePain: false,
          neuroDeficit: false,
          confusion: false,
        },
      },
    });
  });

  it('keeps "none of these" a command where no checklist is open', () => {
    expect(interpretText('none of these', AT_ALP)).toEqual({ kind: 'command', command: 'none-of-these' });
  });

  it('treats "not sure" as skipping the question', () => {
    expect(interpretText('not sure', { step: 'context', expecting: ['history.fasting'] })).toEqual({
      kind: 'command',
      command: 'skip',
    });
  });

  it('reads a typed pending result while parked', () => {
    const parked: TextContext = { step: 'awaitingResults', expecting: ['imaging.ultrasound'] };
    expect(interpretText('ultrasound dilated CBD, no stone seen', parked)).toMatchObject({
      kind: 'values',
      values: { imaging: { ultrasound: 'dilated-ducts' } },
    });
    expect(interpretText('GGT 45 ULN 60', parked)).toMatchObject({
      kind: 'values',
      values: { ggt: { value: 45, uln: 60 } },
    });
  });

  it('does not read "normal" beside lab values as the ultrasound', () => {
    expect(interpretText('GGT 45 normal', AT_ULTRASOUND)).toEqual(
      expect.objectContaining({ kind: 'values', values: { ggt: { value: 45 } } }),
    );
  });

  it.each<[StepId, string]>([
    ['alp', 'ALP 180 U/L, ULN 120'],
    ['redFlags', 'none of these'],
    ['hepaticImaging', 'ultrasound: dilated ducts'],
    ['hepaticAma', 'AMA positive'],
    ['urgent', 'acknowledged'],
    ['assessment', 'chart note'],
  ])('gives a hint specific to step %s for text it cannot read', (step, example) => {
    const result = interpretText('the weather is lovely', { step, expecting: [] });
    expect(result).toEqual({ kind: 'unrecognised', hint: expect.stringContaining(example) });
  });

  it('hints at the names it knows when asked to edit an unknown one', () => {
    expect(interpretText('edit shoe size', AT_ALP)).toEqual({
      kind: 'unrecognised',
      hint: expect.stringContaining('"edit ALP"'),
    });
  });
});
