import type { PartialCase } from '../src/clinical';
import type { CardSubmit } from './cards/card-submit';
import type { EchoReading } from './presentation/readings-echo';
import type { AnswerReading, CommandName, ParsedQuestion, Problem } from './text';

/**
 * What the clinician meant by one message or click, whichever way it arrived: the runner decides
 * what to do from this alone, so typed and clicked answers cannot behave differently.
 */
export type TurnIntent =
  | { kind: 'command'; command: CommandName; field?: string; fromCard?: CardSubmit }
  | {
      kind: 'answer';
      values: PartialCase;
      /** Lab values as read, for the "I read" echo. */
      readings: EchoReading[];
      /** Worded answers as read ("bortezomib", "no fever"), for the echo too. */
      answers: AnswerReading[];
      fromCard?: CardSubmit;
    }
  | { kind: 'problems'; problems: Problem[] }
  /** A question about a term the bot uses, answered in place. */
  | { kind: 'question'; question: ParsedQuestion }
  | { kind: 'stale'; submit: CardSubmit }
  /** Yes or no to a confirmation the session asked (forget me, restart, cancel). */
  | { kind: 'confirmation'; confirmed: boolean; fromCard?: CardSubmit }
  | { kind: 'unrecognised'; hint: string }
  | { kind: 'empty' };

export type AnswerIntent = Extract<TurnIntent, { kind: 'answer' }>;
export type CommandIntent = Extract<TurnIntent, { kind: 'command' }>;
