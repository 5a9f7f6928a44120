import { ConversationDriver } from '../../bot/conversation-harness';
import { playConversation } from './conversation-table';

const REPORT = [
  'ALP 180 U/L (ULN 120), baseline ALP 100',
  'ALT 25/40, AST 22/40, T bili 0.6 mg/dL (ULN 1.2), INR 1.0, Ca 2.3 mmol/L (ULN 2.6), albumin 40 g/L',
  'GGT 30 (ULN 60)',
].join('\n');

describe('a pasted report', () => {
  it('fills every field it names, echoes them, and never asks what it already knows', async () => {
    await playConversation(new ConversationDriver(), [
      {
        say: REPORT,
        expect: [
          'I read: ALP 180 U/L (1.5x ULN)',
          'baseline ALP 100 U/L',
          'GGT 30 U/L (0.5x ULN)',
          'Isolated ALP elevation, 1.5x ULN',
          'bone origin likely',
          // The red-flag screen comes first (decision 19); the report answered the liver panel and
          // the origin, so the route says those are not asked.
          'Step 2 of 4 · Red-flag screen',
          'liver panel and calcium and liver or bone? no longer needed',
        ],
      },
      {
        say: 'none of these',
        expect: ['Step 3 of 4 · Treatment and context'],
        // The liver panel and origin were in the report: those questions are not asked.
        absent: ['Liver panel and calcium', 'Liver or bone?'],
      },
      {
        say: 'bortezomib week 6, steroids yes, no fracture, not pregnant, fasting',
        expect: ['Step 4 of 4 · Bone causes'],
        absent: ['Liver panel and calcium', 'Liver or bone?'],
      },
      {
        say: 'known bone disease yes, on zoledronic acid, no renal impairment',
        expect: ['Assessment', 'Isolated ALP elevation', 'Zangari'],
      },
    ]);
  });
});
