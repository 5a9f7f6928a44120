import { ConversationDriver, TestClock, BOT } from '../../bot/conversation-harness';
import { playConversation, type Exchange } from './conversation-table';

const mentionEntity = {
  type: 'mention',
  mentioned: { id: BOT.id, name: BOT.name },
  text: `<at>${BOT.name}</at>`,
};
const inChannel = { entities: [mentionEntity] };
const colleague = { id: 'clinician-2', name: 'Dr Lee' };

/** Conversation example B: a Teams channel, a pasted report in SI units, a pause for the ultrasound. */
const exchanges: Exchange[] = [
  {
    say: '<at>ALP Workup</at> alk phos 5.0 ukat/L (ULN 2.2), ALT 30/40, AST 35/40, T bili 30 umol/L (ULN 21), GGT 200 (ULN 60)',
    extra: inChannel,
    expect: [
      'I read: ALP 5 µkat/L = 300 U/L (2.3x ULN)',
      'total bilirubin 30 µmol/L = 1.8 mg/dL (1.4x ULN)',
      'GGT 200 U/L (3.3x ULN)',
      'Cholestatic pattern, 2.3x ULN',
      'hepatic origin',
      'Educational decision support',
      // The red-flag screen comes first, before the treatment context (decision 19).
      'Red-flag screen',
    ],
    absent: ['<at>'],
  },
  {
    say: 'none of these',
    expect: ['none of the red-flag symptoms', 'Liver panel and calcium'],
  },
  {
    say: 'D bili 0.9 mg/dL (ULN 0.3), INR 1.0, Ca 2.3 mmol/L (ULN 2.6)',
    expect: ['I read: direct bilirubin 0.9 mg/dL (3.0x ULN)', 'Treatment and context'],
  },
  {
    say: '<at>ALP Workup</at> bortezomib week 6, no new drugs, not pregnant, fasting',
    extra: inChannel,
    expect: ['I read: current treatment: bortezomib; weeks on treatment: 6', 'Step 5 of 6 · Liver or bone?'],
  },
  {
    say: 'no alcohol, no enzyme inducing drugs',
    expect: ['Right upper quadrant ultrasound', 'Not done yet'],
  },
  {
    say: 'not done yet',
    expect: [
      'Saved',
      'To order: Right upper quadrant ultrasound',
      'ultrasound: dilated ducts',
      'stays open for 30 days',
    ],
  },
  {
    say: '<at>ALP Workup</at> start',
    extra: inChannel,
    from: colleague,
    expect: ['ALP workup in multiple myeloma', 'Step 1 of 6 · ALP'],
    absent: ['Welcome back'],
  },
  {
    at: '2026-11-26T10:00:00Z',
    say: '<at>ALP Workup</at> ultrasound dilated CBD, no stone seen',
    extra: inChannel,
    expect: [
      'Continuing your workup from Monday 23 November',
      'I read: right upper quadrant ultrasound: dilated ducts',
    ],
  },
  {
    say: 'skip',
    expect: [
      'Assessment',
      'Cholestatic pattern, 2.3x ULN',
      'Hepatic origin',
      'MRI with MRCP',
      'ACR Appropriateness Criteria 2023',
    ],
  },
];

describe('a hepatic-branch workup by free text (example B)', () => {
  it('reads SI units from a channel message, parks for the ultrasound and continues days later', async () => {
    const clock = new TestClock(new Date('2026-11-23T09:00:00Z'));
    const driver = new ConversationDriver({ now: clock.now, conversationId: '19:ward-channel@thread.tacv2' });
    await playConversation(driver, exchanges, clock);
  });
});
