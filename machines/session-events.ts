/**
 * What the clinician did this turn, as the session machine needs to know it. `dialogs/` reads
 * the text or click; every event carries the turn's time (ISO 8601), so the 8-hour rule is a pure
 * guard, and what the session needs to know of the workup as it stands.
 */

/** The workup as it stands before the turn, as far as the session's rules look at it. */
export interface WorkupFacts {
  /** At least one answer has been given. */
  hasAnswers: boolean;
  /** The workup has reached its assessment. */
  atAssessment: boolean;
}

interface Turn {
  now: string;
  workup: WorkupFacts;
}

/** How a start was asked for: typed ("start", "new"), the welcome card's button, or a "New workup" button. */
export type StartVia = 'typed' | 'welcomeCard' | 'newButton';

export type SessionEvent =
  | (Turn & { type: 'START'; via: StartVia })
  /** "restart", "start over". */
  | (Turn & { type: 'RESTART' })
  /** "cancel", "stop": clear the answers without starting the questions again. */
  | (Turn & { type: 'CANCEL' })
  | (Turn & { type: 'FORGET_ME' })
  /** "yes" or "confirm" typed, or the Confirm button of the confirmation asked last. */
  | (Turn & { type: 'CONFIRM' })
  /** The Keep button, or "no" / "keep" typed, while a confirmation is asked. */
  | (Turn & { type: 'KEEP' })
  | (Turn & { type: 'RESUME' })
  /** Values typed or clicked on the current question's card. */
  | (Turn & { type: 'ANSWER' })
  /** Values imported from the patient's record. */
  | (Turn & { type: 'IMPORT' })
  /** An answer that could not be read or does not fit: refused with its reason. */
  | (Turn & { type: 'INVALID' })
  /** A command that works on the workup's questions: back, edit, skip, not done yet, none of these, acknowledged. */
  | (Turn & { type: 'COMMAND' })
  /** Something that only shows: help, terms, summary, why, chart note, a question about a term. */
  | (Turn & { type: 'LOOK' })
  /** Anything else: empty, unreadable or unrecognised. */
  | (Turn & { type: 'OTHER' })
  /** A click on a card from an earlier step or offer. */
  | (Turn & { type: 'STALE' })
  /** The turn's replies are decided: whether the workup changed and whether a prompt is shown. */
  | { type: 'TURN_ENDED'; now: string; workupChanged: boolean; prompted: boolean };

export type SessionEventType = SessionEvent['type'];

/** Every event type, for the graph test and for the diagram's table. */
export const SESSION_EVENT_TYPES = [
  'START',
  'RESTART',
  'CANCEL',
  'FORGET_ME',
  'CONFIRM',
  'KEEP',
  'RESUME',
  'ANSWER',
  'IMPORT',
  'INVALID',
  'COMMAND',
  'LOOK',
  'OTHER',
  'STALE',
  'TURN_ENDED',
] as const satisfies readonly SessionEventType[];

/** How a session begins: the time, and whether the welcome card (which shows the disclaimer) was sent already. */
export interface SessionInput {
  now: string;
  welcomeCardShown?: boolean;
}
