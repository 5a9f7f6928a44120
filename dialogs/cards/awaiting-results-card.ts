import { fieldNames } from '../presentation/field-names';
import { capitalise } from '../presentation/format';
import { adaptiveCard, heading, subtle, textBlock, type CardWithText } from './adaptive-card';
import { submitData } from './card-submit';

export const AWAITING_RESULTS_STEP = 'awaitingResults';

export interface AwaitingResultsCardInput {
  /** Case paths of the tests marked "not done yet", most useful first. */
  pending: readonly string[];
  revision: number;
  /** How long the storage keeps an idle workup; said so the clinician knows when to come back by. */
  keepDays?: number;
}

/** How a result for each pending test can be typed in; the first pending test gives the example. */
const RESULT_EXAMPLES: Readonly<Record<string, string>> = {
  'imaging.ultrasound': 'ultrasound: dilated ducts',
  ama: 'AMA negative',
  ggt: 'GGT 45 ULN 60',
  nucleotidase5: '5NT 12 (ULN 10)',
  boneSpecificAlp: 'bone ALP 40 ug/L (ULN 20)',
  bilirubinDirect: 'D bili 0.4 mg/dL (ULN 0.3)',
  bilirubinTotal: 'bili 0.8 mg/dL (ULN 1.2)',
  alt: 'ALT 35/40',
  ast: 'AST 30/40',
  inr: 'INR 1.1',
  calcium: 'Ca 2.4 mmol/L (ULN 2.6)',
};

const exampleFor = (pending: readonly string[]): string => {
  for (const path of pending) {
    const example = RESULT_EXAMPLES[path] ?? RESULT_EXAMPLES[path.split('.')[0] as string];
    if (example) return example;
  }
  return 'GGT 45 ULN 60';
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
