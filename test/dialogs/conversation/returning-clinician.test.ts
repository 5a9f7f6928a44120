import { MACHINE_VERSION, SESSION_VERSION } from '../../../machines';
import { workupKey } from '../../../src/bot/workup-key';
import { MemoryWorkupStorage } from '../../../src/storage';
import { CLINICIAN, ConversationDriver, TestClock } from '../../bot/conversation-harness';
import { playConversation, type Exchange } from './conversation-table';

const MONDAY = '2026-11-23T09:00:00Z';
const THURSDAY = '2026-11-26T10:00:00Z';

const KEY = workupKey({ channelId: 'msteams', userId: CLINICIAN.id, conversationId: 'personal-chat-1' });

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

  /** The workup machine's snapshot after the isolated-ALP row, as storage holds it. */
  const storedWorkup = async (): Promise<{ machineVersion: number; snapshot: unknown }> => {
    const current = new MemoryWorkupStorage();
    await playConversation(new ConversationDriver({ storage: current }), ISOLATED_ALP);
    const { conversation } = (await current.read([KEY]))[KEY] as {
      conversation: { machineVersion: number; snapshot: unknown };
    };
    return { machineVersion: conversation.machineVersion, snapshot: conversation.snapshot };
  };

  /** How records were stored before the session machine: its state as flags beside the workup. */
  const FLAGS = { startedAt: MONDAY, updatedAt: MONDAY, disclaimerShown: true };
  const SHAPES = {
    'flat, with the session as flags (the version before this one)': (workup: object, flags: object) => ({
      conversation: { ...workup, ...flags },
      welcomed: true,
    }),
    'nested under workup (before the record was flattened)': (workup: object, flags: object) => ({
      workup: { workup, ...flags },
      welcomed: true,
    }),
  };

  const driverOn = async (record: object) => {
    const storage = new MemoryWorkupStorage();
    await storage.write({ [KEY]: record });
    const clock = new TestClock(new Date(MONDAY));
    return { storage, clock, driver: new ConversationDriver({ storage, now: clock.now }) };
  };

  it.each(Object.entries(SHAPES))(
    'resumes a record stored %s, and stores it with the session machine from then on',
    async (_shape, shape) => {
      const workup = await storedWorkup();
      const { storage, driver } = await driverOn(shape(workup, FLAGS));
      await playConversation(driver, [
        { say: 'summary', expect: ['180 U/L, ULN 120'], absent: ['Educational decision support'] },
        ...TO_ORIGIN,
      ]);
      const stored = (await storage.read([KEY]))[KEY] as Record<string, unknown>;
      expect(stored['workup']).toBeUndefined();
      expect(stored['conversation']).toMatchObject({
        machineVersion: workup.machineVersion,
        sessionVersion: SESSION_VERSION,
        session: { value: 'inWorkup', context: { startedAt: MONDAY, disclaimerShown: true } },
      });
      expect(stored['conversation']).not.toHaveProperty('startedAt');
    },
  );

  it.each(Object.entries(SHAPES))(
    'keeps the 8-hour rule and an open offer of a record stored %s',
    async (_shape, shape) => {
      const workup = await storedWorkup();
      const returning = await driverOn(shape(workup, FLAGS));
      await playConversation(
        returning.driver,
        [{ at: THURSDAY, say: 'hmm', expect: ['Welcome back', 'Monday 23 November'] }],
        returning.clock,
      );
      const offered = await driverOn(shape(workup, { ...FLAGS, resumeOffered: true }));
      await playConversation(offered.driver, [
        { say: 'what?', expect: ['Say "resume" to continue your workup, or "new" to start a new one.'] },
        { say: 'resume', expect: ['Continuing your workup from Monday 23 November', 'Step 2 of 6'] },
      ]);
      const salvaging = await driverOn(
        shape(workup, { ...FLAGS, salvagedCase: { alp: { value: 300, unit: 'U/L', uln: 120 } } }),
      );
      await playConversation(salvaging.driver, [
        { say: 'resume', expect: ['Step 2 of 6'] },
        { say: 'summary', expect: ['300 U/L, ULN 120'] },
      ]);
    },
  );

  const withOldVersionWorkup = async (): Promise<ConversationDriver> => {
    const storage = new MemoryWorkupStorage();
    const oldSnapshot = {
      status: 'active',
      value: 'askingLiverTests',
      context: { case: { alp: { value: 180, unit: 'U/L', uln: 120 }, someOldField: 'x' }, revision: 7 },
    };
    await storage.write({
      [KEY]: { workup: { workup: { machineVersion: MACHINE_VERSION - 1, snapshot: oldSnapshot } } },
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
      { say: 'forget me', expect: ['Delete all your workups?'], absent: ['older version', 'I deleted'] },
      { say: 'yes', expect: ['I deleted your workups'], absent: ['older version'] },
      { say: 'summary', expect: ['Nothing entered yet'] },
    ]);
  });
});
