import type { Request, RequestHandler, Response, Server } from 'restify';
import { z } from 'zod';
import { LOCAL_BOT_ACCOUNT } from './bot-account';
import type { ConversationStore } from './conversation-store';

const BotActivitySchema = z.looseObject({ type: z.string().min(1).max(64) });

/** The bot's largest reply (the assessment card) is some 20 KB; a transcript holds up to 1000 of them. */
export const MAX_BOT_ACTIVITY_BYTES = 64 * 1024;

const tooLarge = (body: unknown): boolean =>
  Buffer.byteLength(JSON.stringify(body) ?? '') > MAX_BOT_ACTIVITY_BYTES;

/** The bot's activity in the body, or undefined once the refusal (413 or 400) is sent. */
function activityFrom(req: Request, res: Response): z.infer<typeof BotActivitySchema> | undefined {
  if (tooLarge(req.body)) {
    res.send(413, { error: { code: 'BadArgument', message: 'The activity is too large.' } });
    return undefined;
  }
  const parsed = BotActivitySchema.safeParse(req.body);
  if (!parsed.success) {
    res.send(400, { error: { code: 'BadArgument', message: 'Not an activity: type is required.' } });
    return undefined;
  }
  return parsed.data;
}

/**
 * The slice of the Bot Connector API the bot calls back on when the local Direct Line is its
 * `serviceUrl`, under `path` (secret to this process: only the bot knows it): send (or reply to) an activity, and update one. Replies land in the
 * conversation's transcript, where the page's next poll picks them up.
 */
export function registerConnectorRoutes(
  server: Server,
  store: ConversationStore,
  path: string,
  guards: RequestHandler[],
): void {
  const sendActivity: RequestHandler = async (req, res) => {
    const activity = activityFrom(req, res);
    if (activity === undefined) return;
    const stored = store.append(String(req.params.conversationId), {
      ...activity,
      id: undefined,
      from: activity.from ?? LOCAL_BOT_ACCOUNT,
      timestamp: new Date().toISOString(),
    });
    if (stored === undefined)
      res.send(404, { error: { code: 'BadArgument', message: 'Unknown conversation.' } });
    else res.send(200, { id: stored.id });
  };

  server.post(`${path}/v3/conversations/:conversationId/activities`, ...guards, sendActivity);
  server.post(`${path}/v3/conversations/:conversationId/activities/:activityId`, ...guards, sendActivity);

  server.put(
    `${path}/v3/conversations/:conversationId/activities/:activityId`,
    ...guards,
    async (req, res) => {
      const activity = activityFrom(req, res);
      if (activity === undefined) return;
      const id = String(req.params.activityId);
      const replaced = store.replace(String(req.params.conversationId), {
        ...activity,
        id,
        from: activity.from ?? LOCAL_BOT_ACCOUNT,
      });
      if (replaced) res.send(200, { id });
      else res.send(404, { error: { code: 'BadArgument', message: 'Unknown conversation or activity.' } });
    },
  );
}
