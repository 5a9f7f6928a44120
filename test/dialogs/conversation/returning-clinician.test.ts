import { MACHINE_VERSION } from '../../../machines';
import { workupKey } from '../../../src/bot/workup-key';
import { MemoryWorkupStorage } from '../../../src/storage';
import { CLINICIAN, ConversationDriver, TestClock } from '../../bot/conversation-harness';
import { playConversation, type Exchange } from './conversation-table';

const MONDAY = '2026-11-23T09:00:00Z';
const THURSDAY = '2026-11-26T10:00:00Z';

const driverWithClock = () => {
  const clock = new TestClock(new Date(MONDAY));
  return { clock, driver: new ConversationDriver({ now: clock.now }) };
};

const ISOLATED_ALP: Exchange[] = [
  { say: 'ALP 180 U/L (ULN 120), ALT 25/40, AST 22/40, bili 0.6 mg/dL (1.2)', expect: ['Step 2 of 6'] },
];

/** The red-flag screen and the rest of the liver panel, then the context: the origin question follows. */
const TO_ORIGIN: Exchange[] = [
  { say: 'none of these', expect: ['Step 3 of 6'] },
  { say: 'Ca 2.3 mmol/L (ULN 2.6), INR 1.0', expect: ['Step 4 of 6'] },
  { say: 'no treatment, no fracture, not pregnant, fasting', expect: ['Liver or bone?'] },
];

describe('a returning clinician', () => {
  it('resumes after "not done yet" with a typed pending result', async () => {
    const { clock, driver } = driverWithClock();
    await playConversation(
      driver,
      [
        ...ISOLATED_ALP,
        ...TO_ORIGIN,
        { say: 'not done yet', expect: ['Saved', 'To order: GGT', 'GGT 30 U/L, ULN 60'] },
        {
          at: THURSDAY,
          say: 'GGT 45 ULN 60',
          expect: [
            'Continuing your workup from Monday 23 November',
            'I read: GGT 45 U/L (0.8x ULN)',
            'bone origin likely',
          ],
        },
      ],
      clock,
    );
  });

  it('opens the question for the pending test on "I have the results"', async () => {
    const { driver } = driverWithClock();
    await playConversation(driver, [
      ...ISOLATED_ALP,
      ...TO_ORIGIN,
      { say: 'not done yet', expect: ['Saved', 'I have the results'] },
      { submit: { action: 'resume' }, expect: ['Liver or bone?', 'GGT'], absent: ['Saved'] },
      {
        submit: { action: 'next', inputs: { 'ggt.value': '45', 'ggt.unit': 'U/L', 'ggt.uln': '60' } },
        expect: ['I read: GGT 45 U/L (0.8x ULN)', 'bone origin likely'],
      },
    ]);
  });

  it('starts over at once from the "New workup" button of the waiting card', async () => {
    const { driver } = driverWithClock();
    await playConversation(driver, [
      ...ISOLATED_ALP,
      ...TO_ORIGIN,
      { say: 'not done yet', expect: ['Saved'] },
      { submit: { action: 'new' }, expect: ['Step 1 of 6 · ALP'], absent: ['Resume or start over?'] },
    ]);
  });

  it('is offered resume or a new workup, and "resume" goes back to the question', async () => {
    const { clock, driver } = driverWithClock();
    await playConversation(
      driver,
      [
        ...ISOLATED_ALP,
        {
          at: THURSDAY,
          say: 'hmm',
          expect: ['Welcome back', 'Monday 23 November', 'Resume', 'Start a new workup'],
          absent: ['Step 2 of 6'],
        },
        { say: 'what?', expect: ['Say "resume" to continue your workup, or "new" to start a new one.'] },
        { submit: { action: 'resume' }, expect: ['Continuing your workup', 'Step 2 of 6'] },
      ],
      clock,
    );
  });

  it('can start a new workup from the offer; "start" over an unfinished workup asks first', async () => {
    const { clock, driver } = driverWithClock();
    await playConversation(
      driver,
      [
        ...ISOLATED_ALP,
        { say: 'start', expect: ['Resume or start over?', 'ALP (alkaline phosphatase): 180 U/L, ULN 120'] },
        { at: THURSDAY, say: 'new', expect: ['Step 1 of 6 · ALP'] },
        { say: 'summary', expect: ['Nothing entered yet'] },
      ],
      clock,
    );
  });

  it('resumes a workup stored before the record was flattened, and stores it flat from then on', async () => {
    const key = workupKey({ channelId: 'msteams', userId: CLINICIAN.id, conversationId: 'personal-chat-1' });
    const current = new MemoryWorkupStorage();
    await playConversation(new ConversationDriver({ storage: current }), ISOLATED_ALP);
    const { conversation } = (await current.read([key]))[key] as {
      conversation: { machineVersion: number; snapshot: unknown } & Record<string, unknown>;
    };
    const { machineVersion, snapshot, ...conversationFields } = conversation;
    const legacy = new MemoryWorkupStorage();
    await legacy.write({
      [key]: { workup: { workup: { machineVersion, snapshot }, ...conversationFields }, welcomed: true },
    });
    await playConversation(new ConversationDriver({ storage: legacy }), [
      { say: 'summary', expect: ['180 U/L, ULN 120'] },
      ...TO_ORIGIN,
    ]);
    const stored = (await legacy.read([key]))[key] as Record<string, unknown>;
    expect(stored['workup']).toBeUndefined();
    expect(stored['conversation']).toMatchObject({
      machineVersion,
      startedAt: conversationFields['startedAt'],
    });
  });

  const withOldVersionWorkup = async (): Promise<ConversationDriver> => {
    const storage = new MemoryWorkupStorage();
    const key = workupKey({ channelId: 'msteams', userId: CLINICIAN.id, conversationId: 'personal-chat-1' });
    const oldSnapshot = {
      status: 'active',
      value: 'askingLiverTests',
      context: { case: { alp: { value: 180, unit: 'U/L', uln: 120 }, someOldField: 'x' }, revision: 7 },
    };
    await storage.write({
      [key]: { workup: { workup: { machineVersion: MACHINE_VERSION - 1, snapshot: oldSnapshot } } },
    });
    return new ConversationDriver({ storage });
  };

  it('restarts politely after a workup saved by an older version, keeping what was entered', async () => {
    const driver = await withOldVersionWorkup();
    await playConversation(driver, [
      {
        say: 'hello',
        expect: [
          'started with an older version',
          'please confirm',
          'ALP (alkaline phosphatase): 180 U/L, ULN 120',
          'Resume',
        ],
      },
      { say: 'resume', expect: ['Step 2 of 6'] },
      { say: 'summary', expect: ['180 U/L, ULN 120'] },
    ]);
  });

  it('continues an older-version workup with a typed result, or forgets it on request', async () => {
    const typing = await withOldVersionWorkup();
    await playConversation(typing, [
      { say: 'ALT 30/40', expect: ['started with an older version', 'I read: ALT 30 U/L', 'Step 2 of 6'] },
      { say: 'summary', expect: ['180 U/L, ULN 120', 'ALT: 30'] },
    ]);
    const forgetting = await withOldVersionWorkup();
    await playConversation(forgetting, [
      { say: 'forget me', expect: ['I deleted your workups'], absent: ['older version'] },
      { say: 'summary', expect: ['Nothing entered yet'] },
    ]);
  });
});
