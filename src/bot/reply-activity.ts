import { ActivityTypes, CardFactory, type Activity } from 'botbuilder';
import type { Reply } from '../../dialogs/turn-input';

/** One reply of the conversation runner as the activity the channel receives. */
export const replyActivity = (reply: Reply): Partial<Activity> =>
  reply.card
    ? // The text rides along as the summary (notifications, clients without cards) rather than as a second bubble.
      {
        type: ActivityTypes.Message,
        summary: reply.text,
        attachments: [CardFactory.adaptiveCard(reply.card)],
      }
    : { type: ActivityTypes.Message, text: reply.text };
