import type { Activity } from 'botbuilder';
import type { Request, RequestHandler, Response, Server } from 'restify';
import { z } from 'zod';
import { wellFormedId } from '../incoming-activity';
import { hashForLog, type Logger } from '../logger';
import type { TurnLogic, WorkupAdapter } from '../workup-adapter';
import { LOCAL_BOT_ACCOUNT, LOCAL_TOKEN_LIFETIME_SECONDS } from './bot-account';
import type { ConversationStore, StartedConversation } from './conversation-store';

const PREFIX = '/v3/directline';

/** What Web Chat posts: an activity whose identity fields the server fills in itself. */
const ClientActivitySchema = z.looseObject({
  type: z.string().trim().min(1).max(64),
  text: z.string().max(20_000).optional(),
  replyToId: wellFormedId.optional(),
  from: z
    .looseObject({ id: z.string().max(256).optional(), name: z.string().max(256).optional() })
    .optional(),
});

const WatermarkSchema = z.preprocess(
  (raw) => (raw === undefined || raw === '' ? undefined : raw),
  z.coerce.number().int().min(0).optional(),
);

export interface LocalDirectLineDeps {
  store: ConversationStore;
  adapter: WorkupAdapter;
  logic: TurnLogic;
  logger: Logger;
  /** Where the bot sends its replies: this server's own Bot Connector endpoints. */
  serviceUrl: () => string;
  guards: RequestHandler[];
}

function bearer(req: Request): string {
  return req.header('authorization', '').replace(/^Bearer\s+/i, '');
}

function conversationResponse(conversation: StartedConversation) {
  return {
    conversationId: conversation.conversationId,
    token: conversation.token,
    expires_in: LOCAL_TOKEN_LIFETIME_SECONDS,
  };
}

/**
 * The three Direct Line 3.0 endpoints Web Chat uses with `webSocket: false` (plus reconnect and
 * token refresh), served by this process so the page works with no Azure resource at all. Each
 * conversation is guarded by its own token, issued by `POST /api/directline/token`.
 */
export function registerLocalDirectLineRoutes(server: Server, deps: LocalDirectLineDeps): void {
  const { store, adapter, logic, logger, guards } = deps;

  const authorised = (req: Request, res: Response): StartedConversation | undefined => {
    const conversationId = String(req.params.conversationId ?? '');
    const conversation = store.find(conversationId);
    if (conversation === undefined) {
      res.send(404, { error: { code: 'BadArgument', message: 'Conversation not found or expired.' } });
      return undefined;
    }
    if (store.find(conversationId, bearer(req)) === undefined) {
      res.send(403, {
        error: { code: 'TokenInvalid', message: 'The token does not open this conversation.' },
      });
      return undefined;
    }
    return conversation;
  };

  const toBot = async (
    conversation: StartedConversation,
    activity: Record<string, unknown>,
  ): Promise<void> => {
    await adapter.handle('', activity as unknown as Activity, logic);
    logger.debug({ conversation: hashForLog(conversation.conversationId), type: activity.type }, 'forwarded');
  };

  server.post(`${PREFIX}/conversations`, ...guards, async (req, res) => {
    const conversation = store.findByToken(bearer(req));
    if (conversation === undefined) {
      res.send(403, {
        error: { code: 'TokenInvalid', message: 'Get a token from POST /api/directline/token.' },
      });
      return;
    }
    if (store.open(conversation.conversationId)) {
      // Azure Direct Line tells the bot who joined when a conversation starts; the bot greets on it.
      await toBot(conversation, {
        type: 'conversationUpdate',
        channelId: 'webchat',
        serviceUrl: deps.serviceUrl(),
        conversation: { id: conversation.conversationId },
        from: { id: conversation.userId, role: 'user' },
        recipient: LOCAL_BOT_ACCOUNT,
        membersAdded: [LOCAL_BOT_ACCOUNT, { id: conversation.userId, role: 'user' }],
        timestamp: new Date().toISOString(),
      });
    }
    res.send(201, conversationResponse(conversation));
  });

  server.post(`${PREFIX}/tokens/refresh`, ...guards, async (req, res) => {
    const conversation = store.findByToken(bearer(req));
    if (conversation === undefined)
      res.send(403, { error: { code: 'TokenInvalid', message: 'Unknown token.' } });
    else res.send(200, conversationResponse(conversation));
  });

  server.get(`${PREFIX}/conversations/:conversationId`, ...guards, async (req, res) => {
    const conversation = authorised(req, res);
    if (conversation !== undefined) res.send(200, conversationResponse(conversation));
  });

  server.post(`${PREFIX}/conversations/:conversationId/activities`, ...guards, async (req, res) => {
    const conversation = authorised(req, res);
    if (conversation === undefined) return;
    const parsed = ClientActivitySchema.safeParse(req.body);
    if (!parsed.success) {
      const detail = parsed.error.issues
        .map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`)
        .join('; ');
      res.send(400, { error: { code: 'BadArgument', message: `Not a valid activity: ${detail}` } });
      return;
    }
    // Identity comes from the token, never from the client, so one page cannot speak as another user.
    const stored = store.append(conversation.conversationId, {
      ...parsed.data,
      id: undefined,
      channelId: 'webchat',
      serviceUrl: deps.serviceUrl(),
      conversation: { id: conversation.conversationId },
      from: { ...parsed.data.from, id: conversation.userId, role: 'user' },
      recipient: LOCAL_BOT_ACCOUNT,
      timestamp: new Date().toISOString(),
    });
    if (stored === undefined) {
      res.send(404, { error: { code: 'BadArgument', message: 'Conversation not found or expired.' } });
      return;
    }
    try {
      await toBot(conversation, stored);
      res.send(200, { id: stored.id });
    } catch (error) {
      logger.error({ errorName: (error as Error).name }, 'local Direct Line could not deliver an activity');
      res.send(502, { error: { code: 'ServiceError', message: 'The bot did not accept the activity.' } });
    }
  });

  server.get(`${PREFIX}/conversations/:conversationId/activities`, ...guards, async (req, res) => {
    const conversation = authorised(req, res);
    if (conversation === undefined) return;
    const watermark = WatermarkSchema.safeParse(
      (req.query as Record<string, unknown> | undefined)?.watermark,
    );
    if (!watermark.success) {
      res.send(400, { error: { code: 'BadArgument', message: 'watermark must be a whole number' } });
      return;
    }
    res.send(200, store.page(conversation.conversationId, watermark.data));
  });
}
