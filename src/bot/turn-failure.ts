import { randomUUID } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import type { BotLogger } from './bot-logger';

/**
 * The one error policy for a turn that fails: one log line under a new error id, and one apology
 * that gives the clinician the same id. The bot, the adapter's last-resort handler and the HTTP
 * route all describe an error the same way.
 */

export interface FailureDetails {
  errorName: string;
  /** A driver's error code (PostgreSQL SQLSTATE such as 57014 for a statement timeout, SQLITE_BUSY): never data. */
  code?: string;
  /** The stack without its first line, which repeats the error message and may quote user input. */
  stack?: string;
}

export function failureDetails(error: unknown): FailureDetails {
  if (!(error instanceof Error)) return { errorName: typeof error };
  const stack = error.stack?.split('\n').slice(1).join('\n');
  const { code } = error as { code?: unknown };
  return {
    errorName: error.name,
    ...(typeof code === 'string' && /^[A-Z0-9_]{1,40}$/.test(code) ? { code } : {}),
    ...(stack === undefined ? {} : { stack }),
  };
}

/** A short id to quote: enough to find the log line, nothing about the clinician. */
export const newErrorId = (): string => randomUUID().slice(0, 8);

/**
 * Whether the message's change was already stored when the turn failed decides what is true to
 * say: "as it was" only when nothing was kept, since sending it again would then apply it twice.
 */
export const apology = (errorId: string, kept = false): string =>
  kept
    ? `Sorry, something went wrong on my side (error ${errorId}) after your message was saved in your workup. ` +
      'Send "summary" to see where it stands.'
    : `Sorry, something went wrong on my side (error ${errorId}). ` +
      'Your workup is as it was before this message; please send it again.';

/** The turn's change is stored, but the channel did not take its replies (Teams: a 429 or 5xx). */
export class RepliesNotDelivered extends Error {
  override readonly name = 'RepliesNotDelivered';
  constructor(cause: unknown) {
    super('The turn was applied and saved, but its replies could not be delivered to the channel.', {
      cause,
    });
  }
}

/**
 * The connector answered with an error status (429, 5xx) or could not be reached: a redelivery
 * may get through. Anything else (a reply botbuilder cannot even serialise) fails the same way again.
 */
export function isChannelRefusal(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const { statusCode, code } = error as { statusCode?: unknown; code?: unknown };
  return typeof statusCode === 'number' || typeof code === 'string';
}

/**
 * Logs the failure once and apologises in the conversation. An apology that cannot be sent (the
 * channel is what failed) is logged under the same id, not as a second failure of the turn.
 */
export async function reportTurnFailure(
  context: TurnContext,
  logger: BotLogger,
  error: unknown,
  details: object = {},
  kept = false,
): Promise<void> {
  const errorId = newErrorId();
  const cause = error instanceof RepliesNotDelivered ? error.cause : error;
  logger.error(
    {
      errorId,
      ...failureDetails(cause),
      kept,
      repliesNotDelivered: error instanceof RepliesNotDelivered,
      ...details,
    },
    'turn failed',
  );
  try {
    await context.sendActivity(apology(errorId, kept));
  } catch (sendError) {
    logger.error({ errorId, errorName: failureDetails(sendError).errorName }, 'could not send the apology');
  }
}
