import { valueAtPath, type PartialCase } from '../../src/clinical';
import type { QuestionStepId, RouteChange, RoutePosition } from '../../machines';
import { routeChangeLine, stepHeading, stepIntro, typedExample } from '../presentation/steps';
import {
  adaptiveCard,
  column,
  columnSet,
  heading,
  subtle,
  textBlock,
  type CardElement,
  type CardWithText,
  type Choice,
  type InputChoiceSet,
  type InputNumber,
  type SubmitAction,
} from './adaptive-card';
import { submitData, type CardAction } from './card-submit';
import { fieldInputFor, type FieldInput, type LabInput } from './field-inputs';
import { answerText, factTitle } from './answer-facts';

export interface QuestionCardInput {
  step: QuestionStepId;
  /** Case paths this step asks (the machine's STEP_FIELDS for the step). */
  fields: readonly string[];
  /** What is already known: pre-fills the inputs, so going back or editing shows the earlier answer. */
  known: PartialCase;
  revision: number;
  /** Where the step stands on the machine's route: "Step N of M". */
  position: RoutePosition;
  /** Set when the answer just given changed the route, so the card explains the new total. */
  routeChange?: RouteChange;
  /**
   * The fields of `fields` still unanswered. A card reached going forward asks only these and
   * states the rest in one line; left out (going back, editing) every field is an input, pre-filled.
   */
  stillNeeded?: readonly string[];
}

const YES_NO_CHOICES: Choice[] = [
  { title: 'Yes', value: 'yes' },
  { title: 'No', value: 'no' },
  { title: 'Not known', value: 'unknown' },
];

/** Stored units may be aliases (IU/L, ukat/L); the card offers the printed spelling. */
const cardUnit = (unit: unknown, offered: readonly string[]): string | undefined => {
  if (typeof unit !== 'string') return offered[0];
  const printed = unit === 'IU/L' ? 'U/L' : unit.replace(/^[uμ]/, 'µ');
  return offered.includes(printed) ? printed : offered[0];
};

/**
 * No min/max on the inputs: Web Chat's renderer refuses to send a card while an empty optional
 * number input has a range, so "None of these" or "Next" would silently do nothing. Ranges are
 * checked when the answer arrives, with a message that names the field.
 */
const numberInput = (id: string, label: string, value: unknown): InputNumber => ({
  type: 'Input.Number',
  id,
  label,
  ...(typeof value === 'number' ? { value } : {}),
});

const choiceSet = (
  id: string,
  label: string,
  choices: Choice[],
  value: string | undefined,
  style: InputChoiceSet['style'],
): InputChoiceSet => ({
  type: 'Input.ChoiceSet',
  id,
  label,
  choices,
  style,
  wrap: true,
  ...(value === undefined ? {} : { value }),
});

const labElements = (input: LabInput, known: PartialCase): CardElement[] => {
  const columns = [
    column([numberInput(`${input.path}.value`, input.label, valueAtPath(known, `${input.path}.value`))]),
  ];
  if (input.units.length > 0) {
    const unit = cardUnit(valueAtPath(known, `${input.path}.unit`), input.units);
    const choices = input.units.map((offered) => ({ title: offered, value: offered }));
    columns.push(column([choiceSet(`${input.path}.unit`, 'Unit', choices, unit, 'compact')], 'auto'));
  }
  if (input.hasUln) {
    columns.push(
      column([numberInput(`${input.path}.uln`, "Your lab's ULN", valueAtPath(known, `${input.path}.uln`))]),
    );
  }
  const elements: CardElement[] = [columnSet(columns)];
  if (input.hint) elements.push(subtle(input.hint));
  return elements;
};

const yesNoValue = (value: unknown): string | undefined =>
  value === true ? 'yes' : value === false ? 'no' : undefined;

const tickedSymptoms = (known: PartialCase): string | undefined => {
  const ticked = Object.entries(known.symptoms ?? {})
    .filter(([, present]) => present === true)
    .map(([symptom]) => symptom);
  return ticked.length > 0 ? ticked.join(',') : undefined;
};

const inputElements = (input: FieldInput, known: PartialCase): CardElement[] => {
  switch (input.kind) {
    case 'lab':
      return labElements(input, known);
    case 'number':
      return [numberInput(input.path, input.label, valueAtPath(known, input.path))];
    case 'yesNo':
      return [
        choiceSet(
          input.path,
          input.label,
          YES_NO_CHOICES,
          yesNoValue(valueAtPath(known, input.path)),
          'compact',
        ),
      ];
    case 'choice': {
      const value = valueAtPath(known, input.path);
      return [
        choiceSet(
          input.path,
          input.label,
          input.choices,
          typeof value === 'string' ? value : undefined,
          'expanded',
        ),
      ];
    }
    case 'symptoms':
      return [
        {
          ...choiceSet(input.path, input.label, input.choices, tickedSymptoms(known), 'expanded'),
          isMultiSelect: true,
        },
      ];
  }
};

/** The distinct inputs a step asks, in the order given: "alp.value" and "alp.uln" are one lab row. */
export const stepInputs = (fields: readonly string[]): FieldInput[] => {
  const inputs: FieldInput[] = [];
  for (const field of fields) {
    const input = fieldInputFor(field);
    if (input && !inputs.includes(input)) inputs.push(input);
  }
  return inputs;
};

const button = (title: string, step: QuestionStepId, revision: number, action: CardAction): SubmitAction => ({
  type: 'Action.Submit',
  title,
  data: submitData(step, revision, action),
  ...(action === 'next' || action === 'none'
    ? { style: 'positive' as const }
    : { associatedInputs: 'none' as const }),
});

/** Which buttons make sense where: no Back on the first question, "not done yet" only where a test may be pending. */
const stepButtons = (step: QuestionStepId, revision: number): SubmitAction[] => {
  if (step === 'alp') return [button('Next', step, revision, 'next')];
  if (step === 'redFlags') {
    return [
      button('None of these', step, revision, 'none'),
      button('Continue with those ticked', step, revision, 'next'),
      button('Back', step, revision, 'back'),
    ];
  }
  const pendingTests: QuestionStepId[] = ['liverPanel', 'origin', 'hepaticImaging', 'hepaticAma'];
  return [
    button('Next', step, revision, 'next'),
    ...(pendingTests.includes(step) ? [button('Not done yet', step, revision, 'notDone')] : []),
    button('Back', step, revision, 'back'),
  ];
};

/** "Label: options"; a question keeps its own question mark. */
const prompt = (label: string, options: string): string =>
  `${label}${/[?.]$/.test(label) ? '' : ':'} ${options}`;

const textLine = (input: FieldInput, known: PartialCase): string => {
  const answer = answerText(input, known);
  const suffix = answer === undefined ? '' : ` (so far: ${answer})`;
  switch (input.kind) {
    case 'lab': {
      const units = input.units.length > 0 ? ` in ${input.units.join(' or ')}` : '';
      const sameUnit = input.unitFrom === undefined ? '' : `, in the ${input.unitFrom.toUpperCase()} unit`;
      const uln = input.hasUln ? " with your lab's ULN" : '';
      return `- ${input.label}${units}${sameUnit}${uln}${suffix}`;
    }
    case 'yesNo':
      return `- ${prompt(input.label, 'yes / no / not known')}${suffix}`;
    case 'choice':
    case 'symptoms':
      return `- ${prompt(input.label, input.choices.map((choice) => choice.title).join(' / '))}${suffix}`;
    case 'number':
      return `- ${input.label}${suffix}`;
  }
};

const typedCommands = (step: QuestionStepId): string => {
  const words = stepButtons(step, 0)
    .map((action) => action.title.toLowerCase())
    .filter((title) => title !== 'next' && !title.startsWith('continue'));
  return words.length > 0 ? ` Or say: ${words.map((word) => `"${word}"`).join(', ')}.` : '';
};

/** "Known: ALT 240 U/L, ULN 40; recent fracture: no." What the card does not ask again, in one line. */
const knownLine = (inputs: readonly FieldInput[], known: PartialCase): string | undefined => {
  const parts = inputs.flatMap((input) => {
    const answer = answerText(input, known);
    if (answer === undefined) return [];
    const title = factTitle(input);
    return [input.kind === 'lab' || input.kind === 'number' ? `${title} ${answer}` : `${title}: ${answer}`];
  });
  if (parts.length === 0) return undefined;
  return `Known: ${parts.join('; ')}. To change one, say edit and its name.`;
};

export const questionCard = ({
  step,
  fields,
  known,
  revision,
  position,
  routeChange,
  stillNeeded,
}: QuestionCardInput): CardWithText => {
  const intro = stepIntro(step, known);
  const title = stepHeading(step, position);
  const changed = routeChange === undefined ? [] : [routeChangeLine(routeChange, position)];
  const all = stepInputs(fields);
  const asks = (input: FieldInput): boolean =>
    stillNeeded === undefined ||
    fields.some((field) => fieldInputFor(field) === input && stillNeeded.includes(field));
  const inputs = all.filter(asks);
  const answered = knownLine(
    all.filter((input) => !asks(input)),
    known,
  );
  const typeHint = `Or type it, e.g. "${typedExample(step, stillNeeded)}".`;
  const body: CardElement[] = [
    heading(title),
    ...changed.map((line) => subtle(line)),
    textBlock(intro, { spacing: 'none' }),
    ...(answered ? [subtle(answered)] : []),
    ...inputs.flatMap((input) => inputElements(input, known)),
    subtle(typeHint),
  ];
  const lines = [
    title,
    ...changed,
    intro,
    ...(answered ? [answered] : []),
    ...inputs.map((input) => textLine(input, known)),
    `${typeHint}${typedCommands(step)}`,
  ];
  return {
    card: adaptiveCard(body, stepButtons(step, revision), `${title}. ${typeHint}`),
    text: lines.join('\n'),
  };
};
