import { DISCLAIMER } from '../../src/clinical';
import { COMMANDS_LINE, PASTE_HINT } from '../presentation/help-text';
import { adaptiveCard, heading, subtle, textBlock, type CardWithText } from './adaptive-card';
import { submitData, WELCOME_STEP } from './card-submit';

const TITLE = 'ALP workup in multiple myeloma';
const PURPOSE =
  'Step by step from a raised alkaline phosphatase to a sourced next step: pattern, origin, red flags and CTCAE v5 grade, each conclusion with its source and evidence level.';

/**
 * First contact and "start"/"new": what the bot does, its scope and the way in. It carries the F1
 * disclaimer in full, so the workup it starts does not show it a second time (seed F1: once per workup).
 */
export const welcomeCard = (revision: number): CardWithText => {
  const card = adaptiveCard(
    [
      heading(TITLE),
      textBlock(PURPOSE),
      textBlock(DISCLAIMER, { weight: 'bolder' }),
      textBlock(PASTE_HINT),
      subtle(COMMANDS_LINE),
    ],
    [
      {
        type: 'Action.Submit',
        title: 'Start workup',
        style: 'positive',
        data: submitData(WELCOME_STEP, revision, 'start'),
      },
    ],
    `${TITLE}. ${DISCLAIMER}`,
  );
  const text = [TITLE, PURPOSE, DISCLAIMER, PASTE_HINT, COMMANDS_LINE, 'Say "start" to begin.'].join('\n');
  return { card, text };
};
