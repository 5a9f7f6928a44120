import { ConversationDriver } from '../../bot/conversation-harness';
import { playConversation, type Exchange } from './conversation-table';

const REPORT =
  'ALP 180 U/L (ULN 120), ALT 25/40, AST 22/40, bili 0.6 mg/dL (1.2), INR 1.0, Ca 2.3 mmol/L (ULN 2.6), albumin 40 g/L, GGT 30 (ULN 60)';

/** Decision 12 through the real bot: pregnancy asked only when possible, the trimester next, no bone drug. */
const conversations: Array<[string, Exchange[]]> = [
  [
    'a woman of 30: pregnancy asked after the sex and age, the trimester next; with it unknown the origin stays open',
    [
      { say: REPORT, expect: ['Red-flag screen'] },
      {
        say: 'none of these',
        expect: ['Treatment and context', 'Sex', 'Age (years)'],
        absent: ['Pregnant?'],
      },
      { say: 'no treatment, female, age 30, fasting', expect: ['Treatment and context', 'Pregnant?'] },
      { say: 'pregnant', expect: ['Treatment and context', 'trimester'] },
      // Trimester unknown: a normal GGT no longer says "bone"; heat-stable ALP, isoenzymes or bone-specific ALP decide.
      {
        say: 'skip',
        expect: ['Liver or bone?', 'Bone-specific ALP'],
        absent: ['bone origin likely', 'Bone causes'],
      },
      { say: 'summary', expect: ['origin not yet known'], absent: ['bone origin likely'] },
    ],
  ],
  [
    'a man of 70 is never asked whether he is pregnant',
    [
      { say: REPORT, expect: ['Red-flag screen'] },
      { say: 'none of these', expect: ['Treatment and context'] },
      { say: 'no treatment, male, age 70, fasting', expect: ['Bone causes'], absent: ['Pregnant?'] },
    ],
  ],
];

describe('pregnancy in the conversation', () => {
  it.each(conversations)('%s', async (_name, exchanges) => {
    await playConversation(new ConversationDriver(), exchanges);
  });
});
