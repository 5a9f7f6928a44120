import type { StoreItem } from 'botbuilder';

/** What the bot keeps under one workup key: the conversation's state plus bot-level flags. */
export interface WorkupRecord extends StoreItem {
  /** The conversation's state as the conversation runner returned it; opaque to the bot. */
  conversation?: unknown;
  /** The welcome was sent in this conversation, so conversationUpdate and installationUpdate do not repeat it. */
  welcomed?: boolean;
  /** The activities whose change this record holds, so a redelivery is answered, not applied again. */
  appliedTurns?: unknown;
}

/**
 * A stored item as a record. Records written before the conversation's state was named
 * `conversation` held it under `workup`: read there, and written back under the new name.
 */
export function asWorkupRecord(item: unknown): WorkupRecord {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return {};
  const { workup, ...record } = item as WorkupRecord & { workup?: unknown };
  return workup === undefined || record.conversation !== undefined
    ? record
    : { ...record, conversation: workup };
}
