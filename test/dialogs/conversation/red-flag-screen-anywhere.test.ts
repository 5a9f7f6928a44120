import { ConversationDriver } from '../../bot/conversation-harness';
import { playConversation, type Exchange } from './conversation-table';

const conversations: Array<[string, Exchange[]]> = [
  [
    '"none of these" typed before the red-flag screen answers it, and the screen is not asked again',
    [
      { say: 'start', expect: ['Step 1 of 6 · ALP'] },
      {
        say: 'none of these',
        expect: ['I read: none of the red-flag symptoms', 'ALP'],
      },
      {
        say: 'ALP 180 U/L (ULN 120)',
        expect: ['Liver panel'],
        absent: ['Red-flag screen'],
      },
    ],
  ],
  [
    'the red-flag screen and the liver panel come before the treatment context, whatever the picture',
    [
      {
        say: 'alk phos 5.0 ukat/L (ULN 2.2), ALT 30/40, AST 35/40, T bili 30 umol/L (ULN 21), GGT 200 (ULN 60)',
        expect: ['Cholestatic pattern', 'Red-flag screen'],
        absent: ['Treatment and context'],
      },
      { say: 'none of these', expect: ['Liver panel and calcium'], absent: ['Treatment and context'] },
    ],
  ],
  [
    'an isolated ALP also gets the red-flag screen first',
    [
      {
        say: 'ALP 180 U/L (ULN 120)',
        expect: ['Step 2 of 6 · Red-flag screen'],
        absent: ['Treatment and context'],
      },
      { say: 'none of these', expect: ['Step 3 of 6 · Liver panel and calcium'] },
      {
        say: 'ALT 25/40, AST 22/40, bili 0.6 mg/dL (1.2), Ca 9.4 mg/dL (10.5), albumin 4.0 g/dL',
        expect: ['Step 4 of 6 · Treatment and context'],
      },
    ],
  ],
];

describe('the red-flag screen', () => {
  it.each(conversations)('%s', async (_name, exchanges) => {
    await playConversation(new ConversationDriver(), exchanges);
  });
});
