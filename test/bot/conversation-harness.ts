import { randomUUID } from 'node:crypto';
import { Activity, ActivityTypes, ChannelAccount, TestAdapter, TurnContext } from 'botbuilder';
import type { BotLogger } from '../../src/bot/bot-logger';
import { createWorkupBot } from '../../src/bot/workup-bot';
import { MemoryAuditLog, MemoryWorkupStorage, type WorkupStorage } from '../../src/storage';
import { cardStrings } from '../support/card-strings';

/**
 * Drives the real bot through botbuilder's TestAdapter, one row of a conversation table at a time,
 * and flattens what the bot sent (text, card summaries, card text) into one searchable string.
 */

export const BOT: ChannelAccount = { id: 'alp-workup-bot', name: 'ALP Workup' };
export const CLINICIAN: ChannelAccount = { id: 'clinician-1', name: 'Dr Ada' };

/** TestAdapter keeps updates only for activities still queued; this one remembers every update. */
class RecordingTestAdapter extends TestAdapter {
  readonly updates: Partial<Activity>[] = [];

  override async updateActivity(context: TurnContext, activity: Partial<Activity>): Promise<void> {
    this.updates.push(activity);
    await super.updateActivity(context, activity);
  }
}

interface CardAction {
  type: string;
  data?: Record<string, unknown>;
  /** Action.ShowCard: the buttons of the card it opens count as this card's buttons. */
  card?: { actions?: CardAction[] };
}

const buttonsOf = (actions: readonly CardAction[] = []): CardAction[] =>
  actions.flatMap((action) => [action, ...buttonsOf(action.card?.actions)]);

interface SentCard {
  body?: unknown[];
  actions?: CardAction[];
}

export interface BotReply {
  activity: Partial<Activity>;
  card?: SentCard;
  /** Text, summary and every string shown on the card, joined. */
  shown: string;
}

const toReply = (activity: Partial<Activity>): BotReply => {
  const content = activity.attachments?.[0]?.content as SentCard | undefined;
  const shown = [activity.text ?? '', activity.summary ?? '', ...(content ? cardStrings(content) : [])]
    .filter((part) => part.length > 0)
    .join('\n');
  return { activity, ...(content ? { card: content } : {}), shown };
};

export interface Submit {
  /** The `action` of the card button to press. */
  action: string;
  /** Card inputs as the client sends them: strings keyed by input id. */
  inputs?: Record<string, string>;
  /** Which card to click: 0 = the latest card with that button, 1 = the one before, and so on. */
  cardsBack?: number;
}

/** A clock the test moves by hand: "three days later" without waiting or faking timers. */
export class TestClock {
  constructor(private current: Date) {}

  now = (): Date => this.current;

  set(iso: string): void {
    this.current = new Date(iso);
  }
}

export interface ConversationDriverOptions {
  storage?: WorkupStorage;
  logger?: BotLogger;
  channelId?: string;
  conversationId?: string;
  now?: () => Date;
}

export class ConversationDriver {
  readonly adapter: RecordingTestAdapter;
  private readonly idPrefix = randomUUID();
  private sentCount = 0;
  readonly audit = new MemoryAuditLog();
  readonly storage: WorkupStorage;
  /** Every reply the bot sent, per user id, oldest first. */
  private readonly history = new Map<string, BotReply[]>();
  private readonly channelId: string;
  private readonly conversationId: string;

  constructor(options: ConversationDriverOptions = {}) {
    this.storage = options.storage ?? new MemoryWorkupStorage();
    this.channelId = options.channelId ?? 'msteams';
    this.conversationId = options.conversationId ?? 'personal-chat-1';
    const bot = createWorkupBot({
      storage: this.storage,
      audit: this.audit,
      ...(options.now ? { now: options.now } : {}),
      ...(options.logger ? { logger: options.logger } : {}),
    });
    this.adapter = new RecordingTestAdapter(async (context) => bot.run(context));
  }

  /**
   * Sends one activity and returns the bot's replies (typing indicators left out). Concurrent sends
   * share the adapter's queue, so then only the replies of all of them together are meaningful.
   */
  async send(activity: Partial<Activity>, from: ChannelAccount = CLINICIAN): Promise<BotReply[]> {
    await this.adapter.processActivity({
      // A channel's ids are unique; TestAdapter's count from 0 in every instance, so two drivers
      // of one store would send the same ids, and the bot would take one's message for the other's redelivery.
      id: `${this.idPrefix}-${(this.sentCount += 1)}`,
      type: ActivityTypes.Message,
      channelId: this.channelId,
      conversation: { id: this.conversationId, isGroup: false, name: 'chat', conversationType: 'personal' },
      recipient: BOT,
      from,
      ...activity,
    });
    const replies: BotReply[] = [];
    while (this.adapter.activeQueue.length > 0) {
      const sent = this.adapter.activeQueue.shift() as Partial<Activity>;
      if (sent.type !== ActivityTypes.Typing) replies.push(toReply(sent));
    }
    const seen = this.history.get(from.id) ?? [];
    seen.push(...replies);
    this.history.set(from.id, seen);
    return replies;
  }

  say(text: string, from: ChannelAccount = CLINICIAN, extra: Partial<Activity> = {}): Promise<BotReply[]> {
    return this.send({ text, ...extra }, from);
  }

  /** Presses a button on a card this user received, with the button's own data plus the inputs. */
  submit(
    submit: Submit,
    from: ChannelAccount = CLINICIAN,
    extra: Partial<Activity> = {},
  ): Promise<BotReply[]> {
    const data = this.buttonData(from.id, submit.action, submit.cardsBack ?? 0);
    return this.send({ text: '', value: { ...data, ...(submit.inputs ?? {}) }, ...extra }, from);
  }

  /** The id under which the card with that button was sent (what Teams puts in `replyToId`). */
  cardActivityId(userId: string, action: string, cardsBack = 0): string | undefined {
    return this.cardWith(userId, action, cardsBack).activity.id;
  }

  buttonData(userId: string, action: string, cardsBack: number): Record<string, unknown> {
    const card = this.cardWith(userId, action, cardsBack);
    const button = buttonsOf(card.card?.actions).find((candidate) => candidate.data?.action === action);
    return button?.data ?? {};
  }

  private cardWith(userId: string, action: string, cardsBack: number): BotReply {
    const withButton = (this.history.get(userId) ?? []).filter((reply) =>
      buttonsOf(reply.card?.actions).some((candidate) => candidate.data?.action === action),
    );
    const card = withButton[withButton.length - 1 - cardsBack];
    if (!card) throw new Error(`No card with a "${action}" button ${cardsBack} cards back for ${userId}.`);
    return card;
  }
}

export const shownText = (replies: BotReply[]): string => replies.map((reply) => reply.shown).join('\n---\n');
