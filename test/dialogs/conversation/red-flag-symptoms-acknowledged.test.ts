import { ConversationDriver } from '../../bot/conversation-harness';
import { playConversation, type Exchange } from './conversation-table';

/**
 * A red-flag symptom ticked on the screen is acknowledged at once: what it points to and which
 * value decides it, before the workup asks anything else (decision 4), whether it is typed or
 * ticked on the card. Once the deciding value is in, the red flag itself interrupts.
 */

const ALP_CARD = { 'alp.value': '180', 'alp.unit': 'U/L', 'alp.uln': '120' };
const LIVER_FAILURE_SUSPECTED =
  'Jaundice with confusion: acute liver failure is suspected. Needed now to confirm or exclude it: the INR';

const conversations: Array<[string, Exchange[]]> = [
  [
    'jaundice and confusion ticked on the card: acute liver failure suspected, the INR asked next',
    [
      { say: 'start', expect: ['Step 1 of 6 · ALP'] },
      { submit: { action: 'next', inputs: ALP_CARD }, expect: ['Red-flag screen'] },
      {
        submit: { action: 'next', inputs: { symptoms: 'jaundice,confusion' } },
        expect: [LIVER_FAILURE_SUSPECTED, 'AASLD/EASL acute liver failure definition'],
        absent: ['Treatment and context'],
      },
    ],
  ],
  [
    'typed with ALT 6x and bilirubin 2.9x: suspected at once, then the INR makes it a red flag',
    [
      { say: 'ALP 180 ULN 120', expect: ['Red-flag screen'] },
      {
        say: 'jaundice and confusion, no fever, no RUQ pain, no bone pain, no neuro deficit',
        expect: [LIVER_FAILURE_SUSPECTED, 'Known: Red-flag symptoms: Jaundice and Confusion or drowsiness'],
        absent: ['Treatment and context'],
      },
      // Jaundice also asks the cholangitis values on the same screen; then the liver panel with the INR.
      {
        say: 'temperature 36.8, WBC 7.2, CRP 3 mg/L',
        expect: ['Liver panel', 'INR'],
        absent: ['Treatment and context', 'is suspected. Needed now'],
      },
      {
        say: 'ALT 240/40, AST 200/40, bili 3.5 mg/dL (ULN 1.2), INR 2.0',
        expect: ['Urgent', 'INR 2 with confusion'],
        absent: ['is suspected. Needed now'],
      },
    ],
  ],
  [
    'fever with right upper quadrant pain and a raised ALP: the cholangitis red flag itself interrupts, nothing said twice',
    [
      { say: 'ALP 300 ULN 120', expect: ['Red-flag screen'] },
      {
        say: 'fever and right upper quadrant pain, no jaundice, no confusion, no bone pain, no neuro deficit',
        expect: ['Urgent', 'Tokyo Guidelines 2018'],
        absent: ['is suspected. Needed now'],
      },
    ],
  ],
  [
    'no red-flag symptom: nothing suspected',
    [
      { say: 'ALP 180 ULN 120', expect: ['Red-flag screen'] },
      { say: 'none of these', expect: ['Liver panel'], absent: ['is suspected'] },
    ],
  ],
];

describe('a ticked red-flag symptom is acknowledged at once', () => {
  it.each(conversations)('%s', async (_name, exchanges) => {
    await playConversation(new ConversationDriver(), exchanges);
  });
});
