import { ConversationDriver } from '../../bot/conversation-harness';
import { playConversation, type Exchange } from './conversation-table';

const conversations: Array<[string, Exchange[]]> = [
  [
    '"none of these" typed before the red-flag screen answers it, and the screen is not asked again',
    [
      { say: 'start', expect: ['Step 1 of 6 · ALP'] },
      { say: 'ALP 180 U/L (ULN 120)', expect: ['Step 2 of 6', 'Treatment and context'] },
      {
        say: 'none of these',
        expect: ['I read: none of the red-flag symptoms', 'Treatment and context'],
        absent: ['answers the red-flag screen. We are at'],
      },
      {
        say: 'bortezomib week 6, steroids yes, not pregnant, fasting',
        expect: ['Liver panel'],
        absent: ['Red-flag screen'],
      },
    ],
  ],
  [
    'a combined picture brings the red-flag screen before the treatment context',
    [
      {
        say: 'alk phos 5.0 ukat/L (ULN 2.2), ALT 30/40, AST 35/40, T bili 30 umol/L (ULN 21), GGT 200 (ULN 60)',
        expect: ['Cholestatic pattern', 'Red-flag screen'],
        absent: ['Treatment and context'],
      },
    ],
  ],
];

describe('the red-flag screen', () => {
  it.each(conversations)('%s', async (_name, exchanges) => {
    await playConversation(new ConversationDriver(), exchanges);
  });
});
