import type { Activity } from 'botbuilder';
import type { RequestHandler, Response, Server } from 'restify';
import { failureDetails, newErrorId, RepliesNotDelivered } from '../../bot/turn-failure';
import { SigningKeysUnavailableError } from '../channel-signing-keys';
import { checkIncomingActivity } from '../incoming-activity';
import { hashForLog, type Logger } from '../logger';
import { RepeatedLog } from '../repeated-log';
import { tokenShapeProblem } from '../token-shape';
import { isAuthenticationFailure, type TurnLogic, type WorkupAdapter } from '../workup-adapter';

export interface MessagesRouteOptions {
  guards: RequestHandler[];
  /** Local mode: replies may go only to this machine, never to a serviceUrl a web page chose. */
  acceptsServiceUrl?: (serviceUrl: string) => boolean;
  /** Production: the bot's app id, so a token for another bot or of the wrong shape is refused without the keys. */
  appId?: string;
}

/**
 * The Bot Framework endpoint: Teams, Azure Direct Line, Agents Playground and the terminal
 * client all post activities here. With `deliveryMode: "expectReplies"` the adapter returns the
 * turn's replies in the response body instead of posting them to the channel.
 */
export function registerMessagesRoute(
  server: Server,
  adapter: WorkupAdapter,
  logic: TurnLogic,
  logger: Logger,
  options: MessagesRouteOptions,
): void {
  const { guards, acceptsServiceUrl = () => true, appId } = options;
  const repeated = new RepeatedLog(logger);
  const unauthorised = (res: Response, fields: object) => {
    repeated.warn('unauthenticated', fields, 'rejected an unauthenticated request');
    res.send(401, { code: 'Unauthorized', message: 'The request is not authenticated for this bot.' });
  };
  server.post('/api/messages', ...guards, async (req, res) => {
    const check = checkIncomingActivity(req.body);
    if (!check.ok) {
      res.send(400, { code: 'BadRequest', message: check.message });
      return;
    }
    if (check.activity.serviceUrl !== undefined && !acceptsServiceUrl(check.activity.serviceUrl)) {
      res.send(400, {
        code: 'BadRequest',
        message:
          'serviceUrl: in local mode replies go only to a connector on this machine (127.0.0.1, ::1, localhost).',
      });
      return;
    }
    const authHeader = req.header('authorization', '');
    const channel = {
      conversation: hashForLog(check.activity.conversation.id),
      channelId: check.activity.channelId,
    };
    const shapeProblem =
      appId === undefined ? undefined : tokenShapeProblem(authHeader, appId, Date.now() / 1000);
    if (shapeProblem !== undefined) {
      unauthorised(res, { ...channel, reason: shapeProblem });
      return;
    }
    try {
      // The schema above checked the fields the adapter relies on; botbuilder's own type is wider.
      const invokeResponse = await adapter.handle(authHeader, check.activity as unknown as Activity, logic);
      logger.info(
        {
          reqId: req.getId(),
          conversation: hashForLog(check.activity.conversation.id),
          channelId: check.activity.channelId,
          activityType: check.activity.type,
        },
        'activity processed',
      );
      if (invokeResponse?.body === undefined) res.send(invokeResponse?.status ?? 200);
      else res.send(invokeResponse.status, invokeResponse.body);
    } catch (error) {
      if (error instanceof RepliesNotDelivered) {
        // A 5xx makes the channel redeliver the activity; the redelivery is answered, not re-applied.
        res.send(502, {
          code: 'RepliesNotDelivered',
          message:
            'The activity was applied and saved, but its replies could not be delivered; redeliver it (same id) to get them.',
        });
        return;
      }
      if (error instanceof SigningKeysUnavailableError) {
        // Neither accepted nor proven forged: the channel retries a 503 after Retry-After.
        res.header('Retry-After', String(error.retryAfterSeconds));
        res.send(503, {
          code: 'ServiceUnavailable',
          message:
            'The Bot Framework signing keys cannot be fetched right now, so the token cannot be checked; retry later.',
        });
        return;
      }
      if (isAuthenticationFailure(error)) {
        // The error's name only: botbuilder's messages can quote the key ids and endorsements it tried.
        unauthorised(res, { ...channel, reason: (error as Error).name });
        return;
      }
      // Failed before or after a turn (no conversation to apologise in): logged, answered with a 500.
      logger.error({ errorId: newErrorId(), ...failureDetails(error) }, 'activity processing failed');
      res.send(500, { code: 'InternalError', message: 'The activity could not be processed.' });
    }
  });
}
