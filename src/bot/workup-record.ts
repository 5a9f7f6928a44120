import type { StoreItem } from 'botbuilder';

/** What the bot keeps under one workup key: the conversation's state plus bot-level flags. */
export interface WorkupRecord extends StoreItem {
  /** The persisted workup as the conversation runner returned it; opaque to the bot. */
  workup?: unknown;
  /** The welcome was sent in this conversation, so conversationUpdate and installationUpdate do not repeat it. */
  welcomed?: boolean;
  /** The activities whose change this record holds, so a redelivery is answered, not applied again. */
  appliedTurns?: unknown;
}

export const asWorkupRecord = (item: unknown): WorkupRecord =>
  typeof item === 'object' && item !== null && !Array.isArray(item) ? (item as WorkupRecord) : {};
