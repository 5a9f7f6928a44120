import type { Reply, TurnInput } from './turn-input';
import { stepPrompt } from './step-prompt';
import { WEEKDAY_DAY_MONTH } from './presentation/date-formats';
import { contextOf, type WorkupSession } from './workup-session';

/**
 * What every part of a turn produces and the small helpers they share. An outcome separates what
 * happened (`lead`) from the step's prompt, so the disclaimer can go between the two.
 */

export const DEFAULT_RETENTION_DAYS = 30;

export interface Outcome {
  /** The workup after the turn; undefined when there is none to keep (forget me, nothing started). */
  session: WorkupSession | undefined;
  /** Whether `session` must be written. */
  changed: boolean;
  /** What happened (echo, problems, confirmations); the step's prompt follows. */
  lead: Reply[];
  prompt: Reply[];
  eventKind: string;
  forgetUser?: boolean;
}

export interface Turn {
  input: TurnInput;
  retentionDays: number;
}

export const say = (line: string): Reply => ({ text: line });

export const formatDay = (iso: string): string => WEEKDAY_DAY_MONTH.format(new Date(iso));

export const hasAnswers = (session: WorkupSession): boolean =>
  Object.keys(contextOf(session).case).length > 0;

/** The step's prompt; `before` (the workup before this turn's change) lets a card explain a changed route. */
export const promptFor = (session: WorkupSession, turn: Turn, before?: WorkupSession): Reply[] =>
  stepPrompt(session, turn.retentionDays, before);

export const unchanged = (
  session: WorkupSession | undefined,
  eventKind: string,
  lead: Reply[],
  prompt: Reply[] = [],
): Outcome => ({ session, changed: false, lead, prompt, eventKind });

export const accepted = (
  session: WorkupSession,
  eventKind: string,
  lead: Reply[],
  turn: Turn,
  before?: WorkupSession,
): Outcome => ({
  session,
  changed: true,
  lead,
  prompt: promptFor(session, turn, before),
  eventKind,
});
