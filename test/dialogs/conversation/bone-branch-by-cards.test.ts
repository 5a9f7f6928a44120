import { ConversationDriver } from '../../bot/conversation-harness';
import { playConversation, type Exchange } from './conversation-table';

/** Conversation example A: Teams personal chat, by cards, bone branch on bortezomib. */
const exchanges: Exchange[] = [
  {
    say: 'start',
    expect: ['ALP workup in multiple myeloma', 'not a diagnosis', 'Start workup', 'Step 1 of 6 · ALP'],
  },
  {
    submit: {
      action: 'next',
      inputs: { 'alp.value': '180', 'alp.unit': 'U/L', 'alp.uln': '120', 'alpBaseline.value': '100' },
    },
    expect: [
      'I read: ALP 180 U/L (1.5x ULN)',
      'CTCAE v5 grade 1',
      'Step 2 of 6 · Red-flag screen',
      'None of these',
    ],
  },
  { submit: { action: 'none' }, expect: ['Step 3 of 6 · Liver panel and calcium'] },
  {
    say: 'ALT 25/40 AST 22/40 bili 0.6 mg/dL (1.2)',
    expect: [
      'I read: ALT 25 U/L (0.6x ULN); AST 22 U/L (0.6x ULN); total bilirubin 0.6 mg/dL (0.5x ULN)',
      'Isolated ALP elevation, 1.5x ULN',
      'Step 4 of 6 · Treatment and context',
      'Sex',
      'Age (years)',
    ],
    // Pregnancy waits for the sex and the age (decision 12).
    absent: ['Pregnant?'],
  },
  {
    submit: {
      action: 'next',
      inputs: {
        'therapy.agent': 'bortezomib',
        'history.recentFracture': 'no',
        'history.sex': 'male',
        'history.ageYears': '67',
        'history.fasting': 'yes',
      },
    },
    expect: ['Step 5 of 6 · Liver or bone?'],
    absent: ['Pregnant?'],
  },
  {
    say: 'GGT 30 ULN 60',
    expect: ['I read: GGT 30 U/L (0.5x ULN)', 'bone origin likely', 'Step 6 of 6 · Bone causes'],
  },
  {
    submit: {
      action: 'next',
      inputs: {
        'history.knownBoneDisease': 'yes',
        'history.bisphosphonate': 'yes',
        'therapy.weeksOnTherapy': '6',
      },
    },
    expect: ['Assessment', 'Isolated ALP elevation', 'Zangari', 'IMWG', 'Why?', 'Chart note', 'New workup'],
    absent: ['Urgent'],
  },
  {
    submit: { action: 'why' },
    expect: ['Why, conclusion by conclusion', 'VGPR', 'CR+PR'],
  },
  {
    submit: { action: 'chartNote' },
    expect: [
      'ALP workup (multiple myeloma), content',
      'ALP 180 U/L (ULN 120; 1.5x; baseline 100, +80%)',
      'GGT 30 U/L',
    ],
  },
  {
    submit: { action: 'edit', inputs: { editField: 'alp' } },
    expect: ['Step 1 of 6 · ALP'],
  },
  {
    say: 'ALP 300 U/L ULN 120',
    // After an edit the workup returns straight to the assessment, now with the new value.
    expect: ['I read: ALP 300 U/L (2.5x ULN)', 'Assessment', '2.5x ULN'],
    absent: ['Step 2 of 6'],
  },
  { submit: { action: 'new' }, expect: ['ALP workup in multiple myeloma', 'Step 1 of 6 · ALP'] },
];

describe('a bone-branch workup by cards (example A)', () => {
  it('walks from the ALP to a sourced assessment, why and chart note', async () => {
    await playConversation(new ConversationDriver(), exchanges);
  });
});
