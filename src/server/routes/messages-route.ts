import type { Activity } from 'botbuilder';
import type { RequestHandler, Server } from 'restify';
import { failureDetails, newErrorId, RepliesNotDelivered } from '../../bot/turn-failure';
import { checkIncomingActivity } from '../incoming-activity';
import { hashForLog, type Logger } from '../logger';
import { isAuthenticationFailure, type TurnLogic, type WorkupAdapter } from '../workup-adapter';

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
  guards: RequestHandler[],
  /** Local mode: replies may go only to this machine, never to a serviceUrl a web page chose. */
  acceptsServiceUrl: (serviceUrl: string) => boolean = () => true,
): void {
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
      if (isAuthenticationFailure(error)) {
        logger.warn(
          {
            conversation: hashForLog(check.activity.conversation.id),
            channelId: check.activity.channelId,
            reason: (error as Error).message,
          },
          'rejected an unauthenticated request',
        );
        res.send(401, { code: 'Unauthorized', message: 'The request is not authenticated for this bot.' });
        return;
      }
      // Failed before or after a turn (no conversation to apologise in): logged, answered with a 500.
      logger.error({ errorId: newErrorId(), ...failureDetails(error) }, 'activity processing failed');
      res.send(500, { code: 'InternalError', message: 'The activity could not be processed.' });
    }
  });
}
