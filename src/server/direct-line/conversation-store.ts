import { randomBytes, randomUUID } from 'node:crypto';

/** An activity as stored for the page to poll: JSON from the client or the bot, with an id. */
export type StoredActivity = Record<string, unknown> & { id: string };

interface Conversation {
  id: string;
  token: string;
  userId: string;
  /** Sequence number of `activities[0]`: the watermark stays meaningful after old ones are dropped. */
  firstSeq: number;
  activities: StoredActivity[];
  lastUsedAt: number;
  /** Whether a client has opened the conversation (the bot is told once, on the first open). */
  opened: boolean;
}

export interface ConversationStoreOptions {
  maxConversations: number;
  maxActivitiesPerConversation: number;
  idleMs: number;
  now?: () => number;
}

export interface StartedConversation {
  conversationId: string;
  token: string;
  userId: string;
}

export interface ActivityPage {
  activities: StoredActivity[];
  watermark: string;
}

/**
 * The local Direct Line's memory: conversations, their tokens and transcripts. Bounded on every
 * axis (conversations, activities per conversation, idle time) because anyone who can reach the
 * page can create conversations.
 */
export class ConversationStore {
  private readonly conversations = new Map<string, Conversation>();
  private readonly now: () => number;

  constructor(private readonly options: ConversationStoreOptions) {
    this.now = options.now ?? Date.now;
  }

  start(userId: string): StartedConversation {
    this.expireIdle();
    if (this.conversations.size >= this.options.maxConversations) {
      const leastRecentlyUsed = this.conversations.keys().next();
      if (leastRecentlyUsed.done !== true) this.conversations.delete(leastRecentlyUsed.value);
    }
    const conversation: Conversation = {
      id: randomUUID(),
      token: randomBytes(24).toString('base64url'),
      userId,
      firstSeq: 0,
      activities: [],
      lastUsedAt: this.now(),
      opened: false,
    };
    this.conversations.set(conversation.id, conversation);
    return { conversationId: conversation.id, token: conversation.token, userId };
  }

  /** The conversation if it exists, has not expired, and (when a token is given) the token is its own. */
  find(conversationId: string, token?: string): StartedConversation | undefined {
    const conversation = this.live(conversationId);
    if (conversation === undefined || (token !== undefined && token !== conversation.token)) return undefined;
    return { conversationId: conversation.id, token: conversation.token, userId: conversation.userId };
  }

  findByToken(token: string): StartedConversation | undefined {
    for (const conversation of this.conversations.values()) {
      if (conversation.token === token) return this.find(conversation.id);
    }
    return undefined;
  }

  /** True the first time a client opens the conversation, false afterwards. */
  open(conversationId: string): boolean {
    const conversation = this.live(conversationId);
    if (conversation === undefined || conversation.opened) return false;
    conversation.opened = true;
    return true;
  }

  /** Appends an activity (giving it an id if it has none); undefined when the conversation is gone. */
  append(conversationId: string, activity: Record<string, unknown>): StoredActivity | undefined {
    const conversation = this.live(conversationId);
    if (conversation === undefined) return undefined;
    const seq = conversation.firstSeq + conversation.activities.length;
    const id =
      typeof activity.id === 'string' && activity.id !== '' ? activity.id : `${conversation.id}|${seq}`;
    const stored: StoredActivity = { ...activity, id };
    conversation.activities.push(stored);
    if (conversation.activities.length > this.options.maxActivitiesPerConversation) {
      conversation.activities.shift();
      conversation.firstSeq += 1;
    }
    return stored;
  }

  /** Replaces a stored activity in place (the bot's updateActivity); false when it is unknown. */
  replace(conversationId: string, activity: StoredActivity): boolean {
    const conversation = this.live(conversationId);
    const index = conversation?.activities.findIndex((a) => a.id === activity.id) ?? -1;
    if (conversation === undefined || index < 0) return false;
    conversation.activities[index] = activity;
    return true;
  }

  /** Activities after `watermark` (exclusive), and the watermark to send next time. */
  page(conversationId: string, watermark: number | undefined): ActivityPage | undefined {
    const conversation = this.live(conversationId);
    if (conversation === undefined) return undefined;
    const end = conversation.firstSeq + conversation.activities.length;
    const from = Math.max(watermark ?? 0, conversation.firstSeq);
    return {
      activities: conversation.activities.slice(from - conversation.firstSeq),
      watermark: String(end),
    };
  }

  get size(): number {
    return this.conversations.size;
  }

  private live(conversationId: string): Conversation | undefined {
    const conversation = this.conversations.get(conversationId);
    if (conversation === undefined) return undefined;
    if (this.now() - conversation.lastUsedAt > this.options.idleMs) {
      this.conversations.delete(conversationId);
      return undefined;
    }
    conversation.lastUsedAt = this.now();
    // Re-inserted, so the map's order is by last use and a full store evicts the idlest first.
    this.conversations.delete(conversationId);
    this.conversations.set(conversationId, conversation);
    return conversation;
  }

  private expireIdle(): void {
    const time = this.now();
    for (const [id, conversation] of this.conversations) {
      if (time - conversation.lastUsedAt > this.options.idleMs) this.conversations.delete(id);
    }
  }
}
