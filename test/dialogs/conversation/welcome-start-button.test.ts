import { ActivityTypes } from 'botbuilder';
import { BOT, ConversationDriver } from '../../bot/conversation-harness';
import { playConversation, type Exchange } from './conversation-table';

const conversations: Array<[string, Exchange[]]> = [
  [
    'the welcome card\'s "Start workup" goes to the first question without repeating the welcome',
    [
      { say: 'start', expect: ['ALP workup in multiple myeloma', 'Step 1 of 6 · ALP'] },
      {
        submit: { action: 'start' },
        expect: ['Step 1 of 6 · ALP'],
        absent: ['ALP workup in multiple myeloma', 'Paste a lab report at any time'],
      },
      { say: 'ALP 180 U/L (ULN 120)', expect: ['I read: ALP 180 U/L (1.5x ULN)', 'Step 2 of 6'] },
    ],
  ],
  [
    'the "Start workup" button on the welcome sent when the chat opened goes to the first question',
    [
      {
        extra: { type: ActivityTypes.ConversationUpdate, membersAdded: [BOT] },
        expect: ['ALP workup in multiple myeloma', 'Start workup'],
      },
      {
        submit: { action: 'start' },
        expect: ['Step 1 of 6 · ALP'],
        absent: ['Paste a lab report at any time'],
      },
    ],
  ],
  [
    'a typed "start" on first contact still shows the welcome',
    [
      {
        say: 'start',
        expect: [
          'ALP workup in multiple myeloma',
          'Educational decision support for healthcare professionals',
        ],
      },
    ],
  ],
];

describe('the welcome', () => {
  it.each(conversations)('%s', async (_name, exchanges) => {
    await playConversation(new ConversationDriver(), exchanges);
  });
});
