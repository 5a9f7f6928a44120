import { ActivityHandler } from 'botbuilder';
import { runTurn } from '../dialogs/turn-runner';
import type { Reply } from '../dialogs/turn-input';
import type { OpenedStorage } from '../src/storage';
import { replyActivity } from '../src/bot/reply-activity';
import { workupKey } from '../src/bot/workup-key';
import { BONE_BRANCH_BY_TEXT } from './workup-scripts';

/** A real mid-workup state and the replies of a real turn, computed once when the server starts. */
function realisticTurn(): { state: unknown; replies: Reply[] } {
  let state: unknown;
  let replies: Reply[] = [];
  for (const turn of BONE_BRANCH_BY_TEXT.slice(0, 5)) {
    const result = runTurn(state, {
      text: turn.text(1),
      now: new Date().toISOString(),
      supportsCardUpdate: false,
    });
    if (result.changed) state = result.state;
    replies = result.replies;
  }
  return { state, replies };
}

/**
 * The storage floor: everything a workup turn must do apart from the conversation itself. It
 * reads and writes the workup record with its eTag, answers with a real turn's replies (a text
 * and a question card) and appends an audit entry, through the product's own storage; it parses
 * nothing and runs neither the machine nor the engine. Between the echo bot and it lies the cost
 * of durability; between it and the workup bot, the cost of the conversation.
 */
export class StorageFloorBot extends ActivityHandler {
  constructor(opened: OpenedStorage) {
    super();
    const { state, replies } = realisticTurn();
    const activities = replies.map(replyActivity);
    this.onMessage(async (context, next) => {
      const { channelId, from, conversation } = context.activity;
      const owner = { channelId, userId: from.id, conversationId: conversation.id };
      const key = workupKey(owner);
      const stored = (await opened.storage.read([key]))[key] ?? {};
      await opened.storage.write({ [key]: { ...stored, conversation: state, welcomed: true } });
      await context.sendActivities(activities);
      await opened.audit.record({
        at: new Date(),
        ...owner,
        step: 'origin',
        event: 'answer-text',
        ruleIds: [],
        redFlags: [],
        contentVersion: '1.0',
      });
      await next();
    });
  }
}
