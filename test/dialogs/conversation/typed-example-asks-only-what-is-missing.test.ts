import { ConversationDriver } from '../../bot/conversation-harness';
import { playConversation, type Exchange } from './conversation-table';

/**
 * A step's typed example ("Or type it, e.g. ...") is made of the fields still unanswered at that
 * step (issue 14: nothing answered is asked again), and what it suggests is read when typed.
 */

const TO_CONTEXT: Exchange[] = [
  { say: 'ALP 180 U/L ULN 120', expect: ['Red-flag screen'] },
  { say: 'none of these', expect: ['Liver panel and calcium'] },
  {
    say: 'ALT 25/40, AST 22/40, bili 0.6 mg/dL (ULN 1.2), Ca 2.3 mmol/L (ULN 2.6), albumin 40 g/L',
    expect: ['Treatment and context'],
  },
];

const conversations: Array<[string, Exchange[]]> = [
  [
    'the fracture answered with the context: the bone step no longer suggests "no fracture", and its example is read',
    [
      ...TO_CONTEXT,
      {
        say: 'bortezomib week 6, steroids yes, no melphalan, no new drug, no fracture, male, age 64, fasting',
        expect: ['Liver or bone?', 'e.g. "GGT 30 ULN 60"'],
      },
      {
        say: 'GGT 30 ULN 60',
        expect: ['Bone causes', 'Or type it, e.g. "lytic lesions yes, on zoledronic acid"'],
        absent: ['no fracture'],
      },
      { say: 'lytic lesions yes, on zoledronic acid', expect: ['I read'], absent: ["I don't know"] },
    ],
  ],
  [
    'the fracture not yet answered: the bone step still suggests it',
    [
      ...TO_CONTEXT,
      { say: 'bortezomib week 6, steroids yes, male, age 64, fasting', expect: ['Liver or bone?'] },
      {
        say: 'GGT 30 ULN 60',
        expect: ['Or type it, e.g. "no fracture, lytic lesions yes, on zoledronic acid"'],
      },
    ],
  ],
  [
    'the liver panel after some values were pasted: only the rest is suggested',
    [
      { say: 'ALP 180 ULN 120, ALT 25/40, AST 22/40', expect: ['Red-flag screen'] },
      { say: 'none of these', expect: ['Liver panel and calcium', 'e.g. "bili 0.6 mg/dL (ULN 1.2)'] },
    ],
  ],
  [
    'a glossary question mid-step points back with the example of what is still unanswered',
    [
      { say: 'ALP 180 ULN 120, ALT 25/40, AST 22/40', expect: ['Red-flag screen'] },
      { say: 'none of these', expect: ['Liver panel and calcium'] },
      {
        say: 'what is the R ratio?',
        expect: ['for example "bili 0.6 mg/dL (ULN 1.2)'],
        absent: ['"ALT 25/40'],
      },
    ],
  ],
  [
    'back shows every answer, and the whole example',
    [
      ...TO_CONTEXT,
      {
        say: 'bortezomib week 6, steroids yes, no fracture, male, age 64, fasting',
        expect: ['Liver or bone?'],
      },
      { say: 'GGT 30 ULN 60', expect: ['Bone causes'] },
      { say: 'back', expect: ['Liver or bone?', 'e.g. "GGT 30 ULN 60"'] },
    ],
  ],
];

describe('the typed example suggests only what is still unanswered', () => {
  it.each(conversations)('%s', async (_name, exchanges) => {
    await playConversation(new ConversationDriver(), exchanges);
  });
});
