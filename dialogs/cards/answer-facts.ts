import { valueAtPath, type PartialCase } from '../../src/clinical';
import { formatQuantity, formatValue, joinProse } from '../presentation/format';
import type { Fact } from './adaptive-card';
import { type FieldInput } from './field-inputs';

const yesNo = (value: unknown): string | undefined =>
  value === true ? 'yes' : value === false ? 'no' : undefined;

/** A known answer in words: "180 U/L, ULN 120", "yes", "Dilated ducts"; undefined when not answered. */
export const answerText = (input: FieldInput, known: PartialCase): string | undefined => {
  const value = valueAtPath(known, input.path);
  if (value === undefined) return undefined;
  switch (input.kind) {
    case 'lab': {
      const lab = value as { value: number; unit?: string; uln?: number };
      const uln = lab.uln === undefined ? '' : `, ULN ${formatValue(lab.uln)}`;
      return `${formatQuantity(lab.value, lab.unit)}${uln}`;
    }
    case 'number':
      return typeof value === 'number' ? formatValue(value) : undefined;
    case 'yesNo':
      return yesNo(value);
    case 'choice':
      return input.choices.find((choice) => choice.value === value)?.title;
    case 'symptoms': {
      const present = value as Record<string, boolean | undefined>;
      const ticked = input.choices
        .filter((choice) => present[choice.value] === true)
        .map((choice) => choice.title);
      const answered = input.choices.some((choice) => present[choice.value] !== undefined);
      if (ticked.length > 0) return joinProse(ticked);
      return answered ? 'none of these' : undefined;
    }
  }
};

/** An input's name as the title of a fact: a statement, not the question ("Pregnant: no"). */
export const factTitle = (input: FieldInput): string =>
  input.kind === 'symptoms'
    ? 'Red-flag symptoms'
    : input.label.replace(/\?$/, '').replace(/ \(optional\)$/, '');

/** The answered inputs as card facts, in the order given. */
export const answerFacts = (inputs: readonly FieldInput[], known: PartialCase): Fact[] =>
  inputs.flatMap((input) => {
    const answer = answerText(input, known);
    return answer === undefined ? [] : [{ title: factTitle(input), value: answer }];
  });
