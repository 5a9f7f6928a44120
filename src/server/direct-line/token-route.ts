import { randomBytes } from 'node:crypto';
import type { RequestHandler, Server } from 'restify';
import { z } from 'zod';
import type { Logger } from '../logger';
import { LOCAL_TOKEN_LIFETIME_SECONDS } from './bot-account';
import type { ConversationStore } from './conversation-store';

const TokenRequestSchema = z.object({
  userId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, { message: 'must be 1-64 letters, digits, _ or -' })
    .optional(),
});

const AzureTokenSchema = z.object({
  conversationId: z.string().min(1),
  token: z.string().min(1),
  expires_in: z.number().optional(),
});

/** What the page receives: a per-conversation token, and in local mode where Direct Line lives. */
export interface PageToken {
  token: string;
  conversationId: string;
  userId: string;
  expiresIn: number;
  /** Path of this server's own Direct Line; absent in production (Web Chat's Azure default). */
  domain?: string;
}

export type TokenSource =
  | { kind: 'local'; store: ConversationStore }
  | { kind: 'azure'; secret: string | undefined; endpoint: string; timeoutMs?: number };

/**
 * `POST /api/directline/token`. In production it trades the Direct Line secret for a token bound
 * to one conversation and one user, so the secret never reaches a browser. In local mode it
 * opens a conversation on this server's own Direct Line.
 */
export function registerTokenRoute(
  server: Server,
  source: TokenSource,
  logger: Logger,
  guards: RequestHandler[],
): void {
  server.post('/api/directline/token', ...guards, async (req, res) => {
    const parsed = TokenRequestSchema.safeParse(req.body ?? {});
    if (!parsed.success) {
      res.send(400, {
        code: 'BadRequest',
        message: `userId ${parsed.error.issues[0]?.message ?? 'is invalid'}`,
      });
      return;
    }
    const userId = parsed.data.userId ?? `user-${randomBytes(8).toString('hex')}`;

    if (source.kind === 'local') {
      const conversation = source.store.start(userId);
      const body: PageToken = {
        token: conversation.token,
        conversationId: conversation.conversationId,
        userId,
        expiresIn: LOCAL_TOKEN_LIFETIME_SECONDS,
        domain: '/v3/directline',
      };
      res.send(200, body);
      return;
    }

    if (source.secret === undefined) {
      res.send(503, {
        code: 'NotConfigured',
        message: 'Web chat is not configured: DIRECT_LINE_SECRET is not set.',
      });
      return;
    }
    // Azure requires user ids bound into a token to start with dl_.
    const boundUserId = `dl_${userId}`;
    try {
      const response = await fetch(`${source.endpoint}/v3/directline/tokens/generate`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${source.secret}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ user: { id: boundUserId } }),
        signal: AbortSignal.timeout(source.timeoutMs ?? 10_000),
      });
      const token = AzureTokenSchema.safeParse(response.ok ? await response.json() : undefined);
      if (!token.success) {
        logger.error({ status: response.status }, 'Direct Line token exchange refused');
        res.send(502, { code: 'BadGateway', message: 'The Direct Line token service refused the request.' });
        return;
      }
      const body: PageToken = {
        token: token.data.token,
        conversationId: token.data.conversationId,
        userId: boundUserId,
        expiresIn: token.data.expires_in ?? 1800,
      };
      res.send(200, body);
    } catch (error) {
      logger.error({ errorName: (error as Error).name }, 'Direct Line token service unreachable');
      res.send(502, { code: 'BadGateway', message: 'The Direct Line token service is unreachable.' });
    }
  });
}
