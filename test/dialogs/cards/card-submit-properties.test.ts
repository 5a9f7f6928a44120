import fc from 'fast-check';
import { cardSubmitToValues, CARD_ACTIONS, parseCardSubmit } from '../../../dialogs/cards/card-submit';
import { FIELD_INPUTS } from '../../../dialogs/cards/field-inputs';
import { PartialCaseSchema } from '../../../src/clinical';

/** Every input id a card can send: lab sub-fields, scalars, choices and the symptom screen. */
const INPUT_IDS = FIELD_INPUTS.flatMap((input) =>
  input.kind === 'lab' ? [`${input.path}.value`, `${input.path}.unit`, `${input.path}.uln`] : [input.path],
);

const numbersIn = (value: unknown): number[] => {
  if (typeof value === 'number') return [value];
  if (typeof value !== 'object' || value === null) return [];
  return Object.values(value).flatMap(numbersIn);
};

const inputText = fc.oneof(
  fc.string(),
  fc.double({ noNaN: true }).map(String),
  fc.integer({ min: -10, max: 10000 }).map(String),
  fc.constantFrom(
    '',
    ' ',
    'yes',
    'no',
    'unknown',
    'U/L',
    'µkat/L',
    'fever,jaundice',
    '1,5',
    'normal',
    'positive',
  ),
);

const submits = fc.record({
  step: fc.constantFrom('alp', 'context', 'redFlags', 'liverPanel', 'origin', 'bone'),
  revision: fc.nat(),
  action: fc.constantFrom(...CARD_ACTIONS),
  inputs: fc.dictionary(fc.constantFrom(...INPUT_IDS, 'editField', 'other'), inputText),
});

describe('card submits, whatever a client sends', () => {
  it('parseCardSubmit never throws on any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = parseCardSubmit(value);
        expect(typeof result.ok).toBe('boolean');
      }),
    );
  });

  it('cardSubmitToValues never throws, yields a schema-valid partial case, and invents no number', () => {
    fc.assert(
      fc.property(submits, (submit) => {
        const { values, problems } = cardSubmitToValues(submit);
        expect(PartialCaseSchema.safeParse(values).success).toBe(true);
        const typed = Object.values(submit.inputs).join(' ').replace(/,/g, '.');
        const typedNumbers = (typed.match(/[+-]?(?:\d+(?:\.\d*)?|\.\d+)/g) ?? []).map(Number);
        for (const number of numbersIn(values)) expect(typedNumbers).toContain(number);
        for (const problem of problems) expect(problem.message.length).toBeGreaterThan(10);
      }),
    );
  });
});
