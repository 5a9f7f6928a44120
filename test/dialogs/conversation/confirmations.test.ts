import { ActivityTypes, type Activity } from 'botbuilder';
import { workupKey } from '../../../src/bot/workup-key';
import { BOT, CLINICIAN, ConversationDriver, shownText, type BotReply } from '../../bot/conversation-harness';
import { playConversation, type Exchange } from './conversation-table';

const KEY = workupKey({ channelId: 'msteams', userId: CLINICIAN.id, conversationId: 'personal-chat-1' });
const DISCLAIMER = 'Educational decision support for healthcare professionals';
const ALP: Exchange = { say: 'ALP 180 U/L (ULN 120)', expect: ['I read: ALP 180 U/L', 'Step 2 of 6'] };
const STILL_THERE: Exchange = { say: 'summary', expect: ['180 U/L, ULN 120'] };

const conversations: Array<[string, Exchange[]]> = [
  [
    '"forget me" asks first; Keep keeps everything',
    [
      ALP,
      {
        say: 'forget me',
        expect: ['Delete all your workups?', 'in every chat', 'Delete everything', 'Keep my workups'],
        absent: ['I deleted'],
      },
      { submit: { action: 'keep' }, expect: ['Nothing was deleted', 'Step 2 of 6'] },
      STILL_THERE,
    ],
  ],
  [
    'a typed "no" keeps everything and is not read as an answer to the question behind',
    [
      {
        say: 'ALP 180 U/L (ULN 120), ALT 25/40, AST 22/40, bili 0.6 mg/dL (1.2)',
        expect: ['Step 2 of 6'],
      },
      { say: 'none of these', expect: ['Step 3 of 6'] },
      { say: 'Ca 2.3 mmol/L (ULN 2.6), INR 1.0', expect: ['Step 4 of 6', 'Treatment and context'] },
      { say: 'forget me', expect: ['Delete all your workups?'] },
      { say: 'no', expect: ['Nothing was deleted', 'Treatment and context'], absent: ['I read'] },
      STILL_THERE,
    ],
  ],
  [
    'anything else but "yes" or "confirm" keeps everything; an answer sent instead still counts',
    [
      ALP,
      { say: 'restart', expect: ['Start over?', 'Clear and start over', 'Keep this workup'] },
      {
        say: 'none of these',
        expect: ['Kept: your answers are as they were.', 'I read: none of the red-flag symptoms'],
      },
      { say: 'restart', expect: ['Start over?'] },
      { say: 'help', expect: ['Kept: your answers are as they were.', 'Commands:'] },
      { say: 'yes', absent: ['Started over'], expect: [] },
      STILL_THERE,
    ],
  ],
  [
    'typed "yes" or "confirm" acts: "forget me" deletes, "restart" starts over',
    [
      ALP,
      { say: 'restart', expect: ['Start over?'] },
      { say: 'confirm', expect: ['Started over', DISCLAIMER, 'Step 1 of 6 · ALP'] },
      { say: 'summary', expect: ['Nothing entered yet'] },
      ALP,
      { say: 'forget me', expect: ['Delete all your workups?'] },
      { say: 'yes', expect: ['I deleted your workups and your audit entries'] },
      { say: 'summary', expect: ['Nothing entered yet'] },
    ],
  ],
  [
    'a double-clicked Confirm acts once and the second click changes nothing, without an error',
    [
      ALP,
      { say: 'restart', expect: ['Start over?'] },
      { submit: { action: 'confirm' }, expect: ['Started over', 'Step 1 of 6 · ALP'] },
      {
        submit: { action: 'confirm' },
        expect: ['That card is from an earlier step, so nothing changed'],
        absent: ['Started over', 'Sorry'],
      },
      { say: 'ALP 240 U/L (ULN 120)', expect: ['I read: ALP 240 U/L'] },
      { say: 'forget me', expect: ['Delete all your workups?'] },
      { submit: { action: 'confirm' }, expect: ['I deleted your workups'] },
      {
        submit: { action: 'confirm' },
        expect: ['That card is from an earlier workup, so nothing changed'],
        absent: ['I deleted', 'Sorry'],
      },
    ],
  ],
  [
    'the Confirm button of an earlier confirmation is stale, even while the same one is asked again',
    [
      ALP,
      { say: 'forget me', expect: ['Delete all your workups?'] },
      { say: 'keep', expect: ['Nothing was deleted'] },
      { say: 'forget me', expect: ['Delete all your workups?'] },
      {
        submit: { action: 'confirm', cardsBack: 1 },
        expect: ['That card is from an earlier step, so nothing changed'],
        absent: ['I deleted'],
      },
      { say: 'no', expect: ['Nothing was deleted'] },
      STILL_THERE,
    ],
  ],
  [
    '"cancel" asks too, since it clears the answers as "restart" does',
    [
      ALP,
      { say: 'cancel', expect: ['Cancel this workup?', 'Clear the answers', 'Keep this workup'] },
      { say: 'stop', expect: ['Kept: your answers are as they were.'] },
      STILL_THERE,
      { say: 'cancel', expect: ['Cancel this workup?'] },
      { submit: { action: 'confirm' }, expect: ['Cancelled'], absent: ['Step 1'] },
      { say: 'summary', expect: ['Nothing entered yet'] },
    ],
  ],
  [
    'nothing to lose, nothing to ask: "restart" and "cancel" of an empty workup act at once',
    [
      { say: 'start', expect: ['Step 1 of 6 · ALP'] },
      { say: 'restart', expect: ['Started over', 'Step 1 of 6 · ALP'], absent: ['Start over?'] },
      { say: 'cancel', expect: ['Cancelled'], absent: ['Cancel this workup?'] },
    ],
  ],
  [
    'an offer of answers from an older version survives a declined confirmation',
    [
      ALP,
      { say: 'start', expect: ['Resume or start over?'] },
      { say: 'cancel', expect: ['Cancel this workup?'] },
      { say: 'no', expect: ['Kept'] },
      { say: 'resume', expect: ['Continuing your workup', 'Step 2 of 6'] },
    ],
  ],
];

describe('confirmations before anything is deleted', () => {
  it.each(conversations)('%s', async (_name, exchanges) => {
    await playConversation(new ConversationDriver(), exchanges);
  });

  it('replaces the answered confirmation card in Teams with a read-only line', async () => {
    const driver = new ConversationDriver();
    await driver.say('ALP 180 U/L (ULN 120)');
    await driver.say('forget me');
    const keepCard = driver.cardActivityId(CLINICIAN.id, 'keep');
    await driver.submit({ action: 'keep' }, CLINICIAN, { replyToId: keepCard });
    await driver.say('forget me');
    const confirmCard = driver.cardActivityId(CLINICIAN.id, 'confirm');
    const replies = await driver.submit({ action: 'confirm' }, CLINICIAN, { replyToId: confirmCard });
    expect(shownText(replies)).toContain('I deleted your workups');
    expect(driver.adapter.updates.map((update) => update.id)).toEqual([keepCard, confirmCard]);
    const [kept, confirmed] = driver.adapter.updates.map((update: Partial<Activity>) =>
      JSON.stringify(update.attachments?.[0]?.content),
    );
    expect(kept).toContain('Forget me: kept, nothing was deleted.');
    expect(confirmed).toContain('Forget me: confirmed.');
    for (const card of [kept, confirmed]) expect(card).not.toContain('Action.Submit');
    expect(await driver.storage.read([KEY])).toEqual({});
  });
});

describe('the F1 disclaimer at the start', () => {
  const count = (text: string): number => text.split(DISCLAIMER).length - 1;

  it('shows once when the welcome card, which carries it, is followed by the first question', async () => {
    const driver = new ConversationDriver();
    const shown = shownText(await driver.say('start'));
    expect(shown).toContain('ALP workup in multiple myeloma');
    expect(shown).toContain('Step 1 of 6 · ALP');
    // The welcome card, the first reply, carries it; nothing after it repeats it.
    expect(count(shown.split('\n---\n')[0] ?? '')).toBeGreaterThan(0);
    expect(count(shown.split('\n---\n').slice(1).join('\n'))).toBe(0);
    expect(count(shownText(await driver.say('ALP 180 U/L (ULN 120)')))).toBe(0);
  });

  it('is not repeated after the welcome sent when the chat opened, however the clinician goes on', async () => {
    const goOn: Array<(driver: ConversationDriver) => Promise<BotReply[]>> = [
      (driver) => driver.submit({ action: 'start' }),
      (driver) => driver.say('ALP 180 U/L (ULN 120)'),
    ];
    for (const first of goOn) {
      const driver = new ConversationDriver();
      const welcome = await driver.send({ type: ActivityTypes.ConversationUpdate, membersAdded: [BOT] });
      expect(count(shownText(welcome))).toBeGreaterThan(0);
      const next = await first(driver);
      expect(shownText(next)).toContain('Step');
      expect(count(shownText(next))).toBe(0);
    }
  });

  it('shows before the first question of a workup begun without the welcome, once', async () => {
    const driver = new ConversationDriver();
    expect(count(shownText(await driver.say('ALP 180 U/L (ULN 120)')))).toBe(1);
    expect(count(shownText(await driver.say('none of these')))).toBe(0);
  });
});
