import { ConversationDriver } from '../../bot/conversation-harness';
import { playConversation, type Exchange } from './conversation-table';

const ALP_CARD = { 'alp.value': '180', 'alp.unit': 'U/L', 'alp.uln': '120' };
const START: Exchange = { say: 'start', expect: ['Step 1 of 6 · ALP'] };

const conversations: Array<[string, Exchange[]]> = [
  [
    'invalid input gets a specific message, the question again and no change',
    [
      { say: 'ALP -5', expect: ["ALP can't be negative", 'Nothing was changed', 'Step 1 of 6 · ALP'] },
      { say: 'summary', expect: ['Nothing entered yet'] },
      {
        submit: { action: 'next', inputs: { 'alp.value': 'abc', 'alp.uln': '120' } },
        expect: ['must be a number', 'Nothing was changed', 'Step 1 of 6 · ALP'],
      },
      { say: 'skip', expect: ['cannot be skipped', 'Step 1 of 6 · ALP'] },
      { say: 'what is this', expect: ['Enter the ALP as reported', 'Step 1 of 6 · ALP'] },
    ],
  ],
  [
    'back and edit go to the question with the earlier answer filled in, then return',
    [
      START,
      { submit: { action: 'next', inputs: ALP_CARD }, expect: ['Step 2 of 6'] },
      { say: 'back', expect: ['Step 1 of 6 · ALP', 'so far: 180 U/L, ULN 120'] },
      { say: 'ALP 240 U/L ULN 120', expect: ['I read: ALP 240 U/L (2.0x ULN)', 'Step 2 of 6'] },
      {
        say: 'ALT 30/40, AST 25/40, bili 0.5 mg/dL (ULN 1.2), GGT 30 (ULN 60)',
        expect: ['Isolated ALP elevation'],
      },
      // The liver values came with the red-flag question: the liver panel opens as the second question gone through.
      { say: 'edit ALT', expect: ['Step 2 of 5 · Liver panel', 'so far: 30'] },
      { say: 'ALT 50/40', expect: ['I read: ALT 50 U/L (1.3x ULN)'] },
      { say: 'summary', expect: ['ALT', '50', 'ALP (alkaline phosphatase): 240 U/L, ULN 120'] },
      { say: 'edit the weather', expect: ["I don't know which answer"] },
    ],
  ],
  [
    'a click on a card from an earlier step changes nothing and says where we are',
    [
      START,
      { submit: { action: 'next', inputs: ALP_CARD }, expect: ['Step 2 of 6'] },
      { say: 'none of these', expect: ['Step 3 of 6'] },
      {
        submit: { action: 'next', inputs: { ...ALP_CARD, 'alp.value': '999' }, cardsBack: 2 },
        expect: [
          'That card is from an earlier step, so nothing changed. We are at step 3 of 6, Liver panel and calcium.',
        ],
        absent: ['I read'],
      },
      { say: 'summary', expect: ['180 U/L'], absent: ['999'] },
    ],
  ],
  [
    'a double click submits once',
    [
      START,
      { submit: { action: 'next', inputs: ALP_CARD }, expect: ['I read: ALP 180 U/L', 'Step 2 of 6'] },
      {
        submit: { action: 'next', inputs: ALP_CARD, cardsBack: 1 },
        expect: ['That card is from an earlier step, so nothing changed'],
        absent: ['I read'],
      },
    ],
  ],
  [
    'restart and cancel clear the workup; old cards stay stale',
    [
      START,
      { submit: { action: 'next', inputs: ALP_CARD }, expect: ['Step 2 of 6'] },
      {
        say: 'restart',
        expect: ['Start over?', 'Clear and start over', 'Keep this workup'],
        absent: ['Step 1'],
      },
      { say: 'yes', expect: ['Started over', 'Educational decision support', 'Step 1 of 6 · ALP'] },
      { say: 'summary', expect: ['Nothing entered yet'] },
      {
        submit: { action: 'next', inputs: ALP_CARD, cardsBack: 1 },
        expect: ['That card is from an earlier step'],
      },
      { say: 'ALP 300 U/L (ULN 120)', expect: ['I read: ALP 300 U/L (2.5x ULN)'] },
      { say: 'cancel', expect: ['Cancel this workup?', 'Clear the answers'], absent: ['Cancelled'] },
      { say: 'confirm', expect: ['Cancelled'], absent: ['Step 1'] },
      { say: 'summary', expect: ['Nothing entered yet'] },
    ],
  ],
  [
    'help, terms, why and chart note before any answer',
    [
      { say: 'help', expect: ['edit [test]', 'forget me', 'not a diagnosis'] },
      { say: 'terms', expect: ['qualified healthcare professionals', 'forget me'] },
      { say: 'hello', expect: ['ALP workup in multiple myeloma', 'Step 1 of 6 · ALP'] },
      { say: 'why', expect: ['There is no conclusion to explain yet'] },
      { say: 'chart note', expect: ['There is nothing to note yet'] },
      // Another app's payload beside typed text: the text counts; alone, it is named as not ours.
      {
        say: 'summary',
        extra: { value: { msteams: { type: 'messageBack' } } },
        expect: ['Nothing entered yet'],
      },
      {
        say: '',
        extra: { value: { msteams: { type: 'messageBack' } } },
        expect: ['not a card from this workup'],
      },
    ],
  ],
  [
    'the disclaimer is shown once per workup',
    [
      { say: 'ALP 180 U/L (ULN 120)', expect: ['Educational decision support'] },
      { say: 'none of these', expect: ['Step'], absent: ['Educational decision support'] },
      { say: 'restart', expect: ['Start over?'], absent: ['Educational decision support'] },
      { say: 'yes', expect: ['Educational decision support'] },
    ],
  ],
];

describe('navigation, commands and bad input', () => {
  it.each(conversations)('%s', async (_name, exchanges) => {
    await playConversation(new ConversationDriver(), exchanges);
  });
});
