import { ConversationDriver } from '../../bot/conversation-harness';
import { playConversation, type Exchange } from './conversation-table';

/**
 * "I don't know" (or "not done yet") to the INR that the bot asked for because acute liver failure
 * is suspected: the clinician is told plainly that the suspected red flag can be neither confirmed
 * nor excluded without it and that the INR is needed now, and the assessment keeps the red flag as
 * unconfirmed (R-03u) instead of reading "no red flag" (decisions 4 and 19).
 */

const UNDECIDED =
  'Without the INR, acute liver failure (suspected from jaundice with confusion) can be neither confirmed nor excluded. Needed now: the INR (AASLD/EASL acute liver failure definition).';
const KEPT_OPEN =
  'Jaundice with confusion, INR not known. Acute liver failure is suspected and can be neither confirmed nor excluded without the INR: check the INR now.';

/** ALT 6x and bilirubin 2.9x ULN (Hy's law), then jaundice with confusion: the liver panel asks the INR. */
const TO_THE_INR: Exchange[] = [
  { say: 'ALP 180 ULN 120, ALT 240/40, AST 200/40, bili 3.5 mg/dL (ULN 1.2)', expect: ["Hy's law"] },
  { say: 'acknowledged', expect: ['Red-flag screen'] },
  {
    say: 'jaundice and confusion, no fever, no RUQ pain, no bone pain, no neuro deficit',
    expect: ['acute liver failure is suspected. Needed now to confirm or exclude it: the INR'],
  },
  { say: 'temperature 36.8, WBC 7.2, CRP 3 mg/L', expect: ['Liver panel and calcium', '- INR'] },
];

/** The remaining steps left unanswered, to the assessment. */
const TO_THE_ASSESSMENT: Exchange[] = [
  { say: 'skip', expect: ['Liver or bone?'], absent: [UNDECIDED] },
  { say: 'not done yet', expect: ['Bone causes'] },
  {
    say: 'skip',
    expect: [
      'Assessment (urgent)',
      '**Red flags:** ALT 6x ULN with total bilirubin 2.9x ULN',
      KEPT_OPEN,
      '**Would change the conclusion:** INR',
    ],
  },
];

const conversations: Array<[string, Exchange[]]> = [
  [
    '"I don\'t know" at the liver panel: said plainly, and the assessment keeps acute liver failure open',
    [
      ...TO_THE_INR,
      { say: "I don't know", expect: [UNDECIDED, 'Treatment and context'] },
      ...TO_THE_ASSESSMENT,
    ],
  ],
  [
    '"not done yet" at the liver panel: the same, the INR awaited',
    [...TO_THE_INR, { say: 'not done yet', expect: [UNDECIDED, 'Treatment and context'] }],
  ],
  [
    'the "Not done yet" button on the liver panel card: the same',
    [...TO_THE_INR, { submit: { action: 'notDone', inputs: {} }, expect: [UNDECIDED] }],
  ],
  [
    'confusion and jaundice ticked, the whole liver panel unknown, no Hy\'s law: not urgent, but not "no red flag"',
    [
      { say: 'ALP 180 ULN 120', expect: ['Red-flag screen'] },
      {
        say: 'jaundice and confusion, no fever, no RUQ pain, no bone pain, no neuro deficit',
        expect: ['acute liver failure is suspected'],
      },
      { say: 'temperature 36.8, WBC 7.2, CRP 3 mg/L', expect: ['Liver panel and calcium'] },
      { say: "I don't know", expect: [UNDECIDED, 'Treatment and context'] },
      { say: 'skip', expect: ['Liver or bone?'] },
      { say: 'skip', expect: ['Bone causes'] },
      {
        say: 'skip',
        expect: ['a suspected red flag not yet confirmed or excluded', `**Red flags:** ${KEPT_OPEN}`],
        absent: ['Assessment (urgent)', 'no red flag', 'None reported'],
      },
      {
        say: 'chart note',
        expect: ['Red flags: Jaundice with confusion, INR not known.'],
        absent: ['No red flags.'],
      },
    ],
  ],
  [
    "the liver panel answered without the INR: said with the Hy's law alert that interrupts",
    [
      { say: 'ALP 180 ULN 120', expect: ['Red-flag screen'] },
      {
        say: 'jaundice and confusion, no fever, no RUQ pain, no bone pain, no neuro deficit',
        expect: ['acute liver failure is suspected'],
      },
      { say: 'temperature 36.8, WBC 7.2, CRP 3 mg/L', expect: ['Liver panel and calcium'] },
      { say: 'ALT 240/40, AST 200/40, bili 3.5 mg/dL (ULN 1.2)', expect: ["Hy's law", UNDECIDED] },
    ],
  ],
  [
    'the INR given: nothing said about an undecided red flag',
    [
      ...TO_THE_INR,
      {
        say: 'INR 1.1',
        expect: ['Treatment and context'],
        absent: ['can be neither confirmed nor excluded'],
      },
    ],
  ],
];

describe('an unknown INR keeps suspected acute liver failure open', () => {
  it.each(conversations)('%s', async (_name, exchanges) => {
    await playConversation(new ConversationDriver(), exchanges);
  });
});
