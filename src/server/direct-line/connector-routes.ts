import type { RequestHandler, Server } from 'restify';
import { z } from 'zod';
import { LOCAL_BOT_ACCOUNT } from './bot-account';
import type { ConversationStore } from './conversation-store';

const BotActivitySchema = z.looseObject({ type: z.string().min(1).max(64) });

/**
 * The slice of the Bot Connector API the bot calls back on when the local Direct Line is its
 * `serviceUrl`: send (or reply to) an activity, and update one. Replies land in the
 * conversation's transcript, where the page's next poll picks them up.
 */
export function registerConnectorRoutes(server: Server, store: ConversationStore): void {
  const sendActivity: RequestHandler = async (req, res) => {
    const parsed = BotActivitySchema.safeParse(req.body);
    if (!parsed.success) {
      res.send(400, { error: { code: 'BadArgument', message: 'Not an activity: type is required.' } });
      return;
    }
    const stored = store.append(String(req.params.conversationId), {
      ...parsed.data,
      id: undefined,
      from: parsed.data.from ?? LOCAL_BOT_ACCOUNT,
      timestamp: new Date().toISOString(),
    });
    if (stored === undefined)
      res.send(404, { error: { code: 'BadArgument', message: 'Unknown conversation.' } });
    else res.send(200, { id: stored.id });
  };

  server.post('/v3/conversations/:conversationId/activities', sendActivity);
  server.post('/v3/conversations/:conversationId/activities/:activityId', sendActivity);

  server.put('/v3/conversations/:conversationId/activities/:activityId', async (req, res) => {
    const parsed = BotActivitySchema.safeParse(req.body);
    if (!parsed.success) {
      res.send(400, { error: { code: 'BadArgument', message: 'Not an activity: type is required.' } });
      return;
    }
    const id = String(req.params.activityId);
    const replaced = store.replace(String(req.params.conversationId), {
      ...parsed.data,
      id,
      from: parsed.data.from ?? LOCAL_BOT_ACCOUNT,
    });
    if (replaced) res.send(200, { id });
    else res.send(404, { error: { code: 'BadArgument', message: 'Unknown conversation or activity.' } });
  });
}
