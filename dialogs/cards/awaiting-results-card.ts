import { FIELD_REGISTRY, type CaseFieldPath } from '../../src/clinical';
import { fieldNames } from '../presentation/field-names';
import { capitalise } from '../presentation/format';
import { typedExample } from '../presentation/steps';
import { adaptiveCard, heading, subtle, textBlock, type CardWithText } from './adaptive-card';
import { submitData } from './card-submit';

export const AWAITING_RESULTS_STEP = 'awaitingResults';

export interface AwaitingResultsCardInput {
  /** Case paths of the tests marked "not done yet", most useful first. */
  pending: readonly CaseFieldPath[];
  revision: number;
  /** How long the storage keeps an idle workup; said so the clinician knows when to come back by. */
  keepDays?: number;
}

/**
 * How the first pending test's result can be typed in: a number's example from the field registry,
 * a choice's (ultrasound, AMA) from the question that asks it; the GGT's when nothing is pending.
 */
const exampleFor = (pending: readonly CaseFieldPath[]): string => {
  const entry = FIELD_REGISTRY[pending[0] ?? 'ggt'];
  return 'measure' in entry ? entry.measure.example : typedExample(entry.askedIn[0], pending.slice(0, 1));
};

/** The workup parks here while tests are pending: what to order and how to pick up again. */
export const awaitingResultsCard = ({
  pending,
  revision,
  keepDays,
}: AwaitingResultsCardInput): CardWithText => {
  const toOrder = fieldNames(pending).map(capitalise);
  const orderLine = toOrder.length > 0 ? `To order: ${toOrder.join('; ')}.` : 'Nothing left to order.';
  const resumeLine = `When you have the result, tell me here, e.g. "${exampleFor(pending)}".`;
  const keepLine = keepDays === undefined ? undefined : `This workup stays open for ${keepDays} days.`;
  const card = adaptiveCard(
    [
      heading('Saved: waiting for results'),
      textBlock(orderLine),
      textBlock(resumeLine),
      ...(keepLine ? [subtle(keepLine)] : []),
    ],
    [
      {
        type: 'Action.Submit',
        title: 'I have the results',
        style: 'positive',
        data: submitData(AWAITING_RESULTS_STEP, revision, 'resume'),
      },
      {
        type: 'Action.Submit',
        title: 'New workup',
        data: submitData(AWAITING_RESULTS_STEP, revision, 'new'),
      },
    ],
    `Saved. ${orderLine}`,
  );
  const text = ['Saved.', orderLine, resumeLine, ...(keepLine ? [keepLine] : [])].join(' ');
  return { card, text };
};
