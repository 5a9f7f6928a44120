import { ActivityTypes, type Activity } from 'botbuilder';
import { MemoryWorkupStorage, type MemoryStoredItem } from '../../src/storage';
import type { BotLogger } from '../../src/bot/bot-logger';
import { workupKey } from '../../src/bot/workup-key';
import { BOT, CLINICIAN, ConversationDriver, shownText } from './conversation-harness';

const ALP_CARD = { 'alp.value': '180', 'alp.unit': 'U/L', 'alp.uln': '120' };
const KEY = workupKey({ channelId: 'msteams', userId: CLINICIAN.id, conversationId: 'personal-chat-1' });

/** The revision the stored workup is at: one more for every accepted change. */
const storedRevision = async (storage: MemoryWorkupStorage): Promise<number> => {
  const item = (await storage.read([KEY]))[KEY] as {
    conversation?: { snapshot?: { context?: { revision?: number } } };
  };
  const revision = item?.conversation?.snapshot?.context?.revision;
  if (typeof revision !== 'number') throw new Error('No stored workup revision.');
  return revision;
};

class RecordingLogger implements BotLogger {
  readonly lines: string[] = [];
  info = (details: object, message: string): void =>
    void this.lines.push(JSON.stringify({ details, message }));
  warn = (details: object, message: string): void =>
    void this.lines.push(JSON.stringify({ details, message }));
  error = (details: object, message: string): void =>
    void this.lines.push(JSON.stringify({ details, message }));
}

describe('the workup bot', () => {
  it('replaces an answered card in Teams with a read-only copy, and only for an accepted answer', async () => {
    const driver = new ConversationDriver();
    await driver.say('start');
    const cardId = driver.cardActivityId(CLINICIAN.id, 'next');
    await driver.submit({ action: 'next', inputs: ALP_CARD }, CLINICIAN, { replyToId: cardId });
    expect(driver.adapter.updates).toHaveLength(1);
    const update = driver.adapter.updates[0] as Partial<Activity>;
    expect(update.id).toBe(cardId);
    const card = JSON.stringify(update.attachments?.[0]?.content);
    expect(card).toContain('answered');
    expect(card).toContain('180 U/L, ULN 120');
    expect(card).not.toContain('Action.Submit');

    await driver.submit({ action: 'next', inputs: ALP_CARD, cardsBack: 1 }, CLINICIAN, { replyToId: cardId });
    expect(driver.adapter.updates).toHaveLength(1);
  });

  it('shows a typing indicator first when replies are posted to the channel, then the replies in order', async () => {
    const driver = new ConversationDriver();
    await driver.say('start');
    await driver.adapter.processActivity({
      type: ActivityTypes.Message,
      channelId: 'msteams',
      conversation: { id: 'personal-chat-1', isGroup: false, name: 'chat', conversationType: 'personal' },
      recipient: BOT,
      from: CLINICIAN,
      text: 'ALP 180 U/L (ULN 120)',
    });
    const sent = driver.adapter.activeQueue.splice(0) as Partial<Activity>[];
    expect(sent[0]?.type).toBe(ActivityTypes.Typing);
    expect(sent.slice(1).map((activity) => activity.type)).toEqual(
      sent.slice(1).map(() => ActivityTypes.Message),
    );
    expect(sent.map((activity) => activity.text ?? activity.summary ?? '').join('\n')).toContain(
      'ALP 180 U/L',
    );
  });

  it('does not try to update cards where the channel gives no replyToId (Web Chat)', async () => {
    const driver = new ConversationDriver({ channelId: 'webchat' });
    await driver.say('start');
    const replies = await driver.submit({ action: 'next', inputs: ALP_CARD });
    expect(driver.adapter.updates).toHaveLength(0);
    expect(shownText(replies)).not.toContain('answered');
  });

  it('welcomes a new conversation once, whichever of conversationUpdate and installationUpdate comes', async () => {
    const driver = new ConversationDriver();
    const added = await driver.send({ type: ActivityTypes.ConversationUpdate, membersAdded: [BOT] });
    expect(shownText(added)).toContain('ALP workup in multiple myeloma');
    const installed = await driver.send({ type: ActivityTypes.InstallationUpdate, action: 'add' });
    expect(installed).toHaveLength(0);
    const someoneElse = await driver.send({
      type: ActivityTypes.ConversationUpdate,
      membersAdded: [{ id: 'x', name: 'X' }],
    });
    expect(someoneElse).toHaveLength(0);
  });

  it('does not welcome a clinician who is already working with the bot', async () => {
    const driver = new ConversationDriver();
    await driver.say('ALP 180 U/L (ULN 120)');
    const added = await driver.send({ type: ActivityTypes.ConversationUpdate, membersAdded: [BOT] });
    expect(added).toHaveLength(0);
  });

  it('answers a redelivered activity (same id and content) as it did the first time, and applies it once', async () => {
    const driver = new ConversationDriver();
    await driver.say('start');
    const storage = driver.storage as MemoryWorkupStorage;
    const first = await driver.send({ id: 'teams-activity-7', text: 'ALP 180 U/L (ULN 120)' });
    const revision = await storedRevision(storage);
    const audited = (await driver.audit.query()).length;

    const redelivered = await driver.send({ id: 'teams-activity-7', text: 'ALP 180 U/L (ULN 120)' });
    expect(redelivered.map((reply) => reply.shown)).toEqual(first.map((reply) => reply.shown));
    expect(await storedRevision(storage)).toBe(revision);
    expect(await driver.audit.query()).toHaveLength(audited);

    const reused = await driver.send({ id: 'teams-activity-7', text: 'GGT 30 ULN 60' });
    expect(reused.map((reply) => reply.shown).join('\n')).toContain('I read: GGT 30 U/L');
  });

  it('applies 50 concurrent identical card submits exactly once', async () => {
    const driver = new ConversationDriver();
    await driver.say('start');
    const storage = driver.storage as MemoryWorkupStorage;
    const before = await storedRevision(storage);
    const replies = await Promise.all(
      Array.from({ length: 50 }, () => driver.submit({ action: 'next', inputs: ALP_CARD })),
    );
    expect(await storedRevision(storage)).toBe(before + 1);
    const shown = replies.flat().map((reply) => reply.shown);
    expect(shown.filter((text) => text.includes('I read: ALP 180 U/L'))).toHaveLength(1);
    expect(shown.filter((text) => text.includes('That card is from an earlier step'))).toHaveLength(49);
  });

  it('applies concurrent submits once across two bot instances sharing one store (eTag conflicts)', async () => {
    const items = new Map<string, MemoryStoredItem>();
    const logger = new RecordingLogger();
    const first = new ConversationDriver({ storage: new MemoryWorkupStorage({ items }), logger });
    const second = new ConversationDriver({ storage: new MemoryWorkupStorage({ items }), logger });
    await first.say('start');
    const before = await storedRevision(first.storage as MemoryWorkupStorage);
    const value = { ...first.buttonData(CLINICIAN.id, 'next', 0), ...ALP_CARD };
    const replies = await Promise.all(
      Array.from({ length: 50 }, (_, index) => (index % 2 === 0 ? first : second).send({ text: '', value })),
    );
    expect(await storedRevision(first.storage as MemoryWorkupStorage)).toBe(before + 1);
    const shown = replies.flat().map((reply) => reply.shown);
    expect(shown.filter((text) => text.includes('I read: ALP 180 U/L'))).toHaveLength(1);
    const refused = shown.filter(
      (text) =>
        text.includes('That card is from an earlier step') || text.includes('changed from another window'),
    );
    expect(refused).toHaveLength(49);
    // The second instance really raced the first: the store refused at least one stale write.
    expect(logger.lines.some((line) => line.includes('eTag conflict'))).toBe(true);
  });

  it('sees what another instance wrote although it keeps its own last write in memory', async () => {
    const items = new Map<string, MemoryStoredItem>();
    const first = new ConversationDriver({ storage: new MemoryWorkupStorage({ items }) });
    const second = new ConversationDriver({ storage: new MemoryWorkupStorage({ items }) });
    await first.say('ALP 180 U/L (ULN 120), baseline ALP 100');
    await first.say('none of these');
    // The other instance answers the liver panel and the context: the first one's copy is stale now.
    await second.say('ALT 25/40 AST 22/40 bili 0.6 mg/dL (1.2) INR 1.0 calcium 9.4 mg/dL (10.5)');
    await second.say('bortezomib week 6, steroids yes, no recent fracture, not pregnant, fasting sample');
    const summary = shownText(await first.say('summary'));
    expect(summary).toContain('ALT: 25, ULN 40');
    expect(shownText(await first.say('GGT 30 ULN 60'))).toContain('Bone causes');
  });

  it('runs the next turn on the record it wrote, storage sending no JSON, while storage holds that write', async () => {
    const items = new Map<string, MemoryStoredItem>();
    const driver = new ConversationDriver({ storage: new MemoryWorkupStorage({ items }) });
    await driver.say('ALP 180 U/L (ULN 120), baseline ALP 100');
    const stored = items.get(KEY)!;
    // Same eTag, text no parser accepts: a turn that decoded storage's copy would fail.
    items.set(KEY, { ...stored, json: 'not JSON' });
    expect(shownText(await driver.say('summary'))).toContain('ALP (alkaline phosphatase): 180');
    // A write the bot did not make (another instance's: a new eTag) is decoded: here it cannot be.
    items.set(KEY, { ...stored, json: 'not JSON either', eTag: 'written-elsewhere' });
    expect(shownText(await driver.say('summary'))).toContain('Sorry, something went wrong on my side');
    items.set(KEY, { ...stored, eTag: 'written-elsewhere' });
    expect(shownText(await driver.say('summary'))).toContain('ALP (alkaline phosphatase): 180');
  });

  it('starts from nothing after "forget me", even though it had the workup in memory', async () => {
    const driver = new ConversationDriver();
    await driver.say('ALP 180 U/L (ULN 120)');
    await driver.say('forget me');
    await driver.say('yes');
    expect(await driver.storage.read([KEY])).toEqual({});
    const after = shownText(await driver.say('summary'));
    expect(after).not.toContain('ALP (alkaline phosphatase): 180');
  });

  it('apologises with an error id when a turn fails, keeps the workup and logs no text or values', async () => {
    const logger = new RecordingLogger();
    const storage = new MemoryWorkupStorage();
    let failWrites = false;
    const write = storage.write.bind(storage);
    storage.write = async (changes) => {
      if (failWrites) throw new Error('disk full while writing ALP 240');
      return write(changes);
    };
    const driver = new ConversationDriver({ storage, logger });
    await driver.say('ALP 180 U/L (ULN 120)');
    failWrites = true;
    const failed = shownText(await driver.say('ALP 240 U/L (ULN 120)'));
    expect(failed).toMatch(/Sorry, something went wrong on my side \(error [0-9a-f]{8}\)/);
    failWrites = false;
    expect(shownText(await driver.say('summary'))).toContain('180 U/L, ULN 120');
    const errorId = /error ([0-9a-f]{8})/.exec(failed)?.[1] as string;
    expect(logger.lines.some((line) => line.includes(errorId))).toBe(true);
    // A value as it would leak from a message or an error text; not part of a hex id or a stack's line:column.
    expect(logger.lines.join('\n')).not.toMatch(/(?<![\w:])(?:240|180)(?![\w:])|ALP/);
  });

  it('reports a failed welcome the same way, with one log line per failure', async () => {
    const logger = new RecordingLogger();
    const storage = new MemoryWorkupStorage();
    storage.write = async () => {
      throw new Error('disk full');
    };
    const driver = new ConversationDriver({ storage, logger });
    const shown = shownText(
      await driver.send({ type: ActivityTypes.ConversationUpdate, membersAdded: [BOT] }),
    );
    const errorId = /error ([0-9a-f]{8})/.exec(shown)?.[1];
    expect(shown).toContain('Your workup is as it was before this message; please send it again.');
    const failures = logger.lines.filter((line) => line.includes('turn failed'));
    expect(failures).toHaveLength(1);
    expect(failures[0]).toContain(errorId);
    expect(JSON.parse(failures[0] as string)).toMatchObject({
      details: { errorId, errorName: 'Error', stack: expect.stringContaining('at ') },
    });
    expect(failures[0]).not.toContain('disk full');
  });

  it('records one audit entry per turn with the step and event, and no text', async () => {
    const driver = new ConversationDriver();
    await driver.say('ALP 150 (120), ALT 200 (40), AST 180 (40), bili 3.0 mg/dL (1.2)');
    await driver.say('acknowledged');
    const rows = await driver.audit.query();
    expect(rows.map((row) => row.event)).toEqual(['answer-text', 'acknowledged']);
    expect(rows[0]?.step).toBe('urgent');
    expect(rows[1]?.step).not.toBe('urgent');
    expect(rows[0]?.redFlags).toEqual(['R-01']);
    expect(rows[0]?.urgent).toBe(true);
    // The lab value as a standalone number, not inside a hash or a timestamp's milliseconds.
    expect(JSON.stringify(rows)).not.toMatch(/clinician-1|personal-chat-1|(?<![\w.])200(?![\w.])/);
  });
});
