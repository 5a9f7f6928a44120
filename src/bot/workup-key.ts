/**
 * Storage keys for workups. One workup per channel + user + conversation, so colleagues in a
 * group chat or channel each have their own. The user comes before the conversation so that
 * "forget me" can delete all of a user's workups with one prefix.
 */
export interface WorkupOwner {
  channelId: string;
  userId: string;
  conversationId: string;
}

const WORKUP_NAMESPACE = 'workup';

/** Ids are URI-encoded so that a "/" inside an id cannot make one user's prefix match another's. */
export function userWorkupPrefix(channelId: string, userId: string): string {
  return `${WORKUP_NAMESPACE}/${encodeURIComponent(channelId)}/${encodeURIComponent(userId)}/`;
}

export function workupKey(owner: WorkupOwner): string {
  return `${userWorkupPrefix(owner.channelId, owner.userId)}${encodeURIComponent(owner.conversationId)}`;
}
