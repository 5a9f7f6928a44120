/**
 * What the session machine decided about one event: the data `dialogs/` renders. A decision names
 * what happens, never the words: those are the dialogs'.
 */
export const SESSION_DECISIONS = [
  /** A new workup: the welcome card, then the first question. */
  'welcome',
  /** A new workup from the welcome card's button: the first question only. */
  'first-question',
  /** A new workup chosen on an offer: the first question, no welcome again. */
  'start-over',
  /** A new workup after "restart" (confirmed, or with nothing to clear). */
  'restart',
  /** The answers cleared after "cancel" (confirmed, or with nothing to clear); no question follows. */
  'cancel',
  /** Refused: "cancel" before anything started. */
  'nothing-to-cancel',
  /** Confirmed: delete every workup and audit entry of this clinician. */
  'forget',
  /** Asked first: restart, cancel, forget me. */
  'ask-restart',
  'ask-cancel',
  'ask-forget',
  /** A confirmation declined: nothing deleted, the workup (or the offer) as it was. */
  'kept',
  /** A confirmation declined by sending something else for the workup (an answer, a command): it goes to the workup. */
  'kept-then-pass',
  /** "Resume or start over?" for a workup left unfinished. */
  'offer-resume',
  /** An offer is open and the message answers neither way: ask again. */
  'repeat-offer',
  /** Continue the workup where it was, saying from when. */
  'resume',
  /** The answers from an older version taken as they were. */
  'accept-salvage',
  /** The answers from an older version taken, with the values just sent over them. */
  'merge-salvage',
  /** The message goes to the workup, after a line saying which workup continues (back after a pause). */
  'continue-returning',
  /** The message goes to the workup as it is. */
  'pass',
  /** Refused: a click on a card from an earlier step or offer. */
  'stale',
  /** End of turn: show the disclaimer before the prompt. */
  'show-disclaimer',
  /** End of turn: nothing to add. */
  'nothing',
] as const;

export type SessionDecision = (typeof SESSION_DECISIONS)[number];
