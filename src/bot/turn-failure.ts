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
  /** The stack without its first line, which repeats the error message and may quote user input. */
  stack?: string;
}

export function failureDetails(error: unknown): FailureDetails {
  if (!(error instanceof Error)) return { errorName: typeof error };
  const stack = error.stack?.split('\n').slice(1).join('\n');
  return { errorName: error.name, ...(stack === undefined ? {} : { stack }) };
}

/** A short id to quote: enough to find the log line, nothing about the clinician. */
export const newErrorId = (): string => randomUUID().slice(0, 8);

export const apology = (errorId: string): string =>
  `Sorry, something went wrong on my side (error ${errorId}). ` +
  'Your workup is as it was before this message; please send it again.';

/**
 * Logs the failure once and apologises in the conversation. An apology that cannot be sent (the
 * channel is what failed) is logged under the same id, not as a second failure of the turn.
 */
export async function reportTurnFailure(
  context: TurnContext,
  logger: BotLogger,
  error: unknown,
  details: object = {},
): Promise<void> {
  const errorId = newErrorId();
  logger.error({ errorId, ...failureDetails(error), ...details }, 'turn failed');
  try {
    await context.sendActivity(apology(errorId));
  } catch (sendError) {
    logger.error({ errorId, errorName: failureDetails(sendError).errorName }, 'could not send the apology');
  }
}
