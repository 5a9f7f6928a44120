/**
 * What the session machine can decide about one event: the data `dialogs/` renders, each with
 * what it means (the diagram lists them for a clinical reviewer). A decision names what happens,
 * never the words: those are the dialogs'.
 */
export const SESSION_DECISIONS = {
  welcome: 'a new workup: the welcome card (with the disclaimer), then the first question',
  'first-question': "a new workup from the welcome card's button: the first question only",
  'start-over': 'a new workup chosen on an offer: the first question, no welcome again',
  restart: 'a new workup after "restart" (confirmed, or with nothing to clear)',
  cancel: 'the answers cleared after "cancel" (confirmed, or with nothing to clear), no question follows',
  'nothing-to-cancel': 'refused: "cancel" before anything started',
  forget: 'confirmed: every workup and audit entry of this clinician deleted',
  'ask-restart': 'asked first: clear this workup and begin again?',
  'ask-cancel': 'asked first: clear the answers of this workup?',
  'ask-forget': 'asked first: delete every workup and audit entry of this clinician?',
  kept: 'a confirmation declined: nothing deleted, the workup (or the offer) as it was',
  'kept-then-pass':
    'a confirmation declined by sending something for the workup (an answer, a command, help): it goes to the workup',
  'offer-resume': '"resume or start over?" for a workup left unfinished',
  'repeat-offer': 'an offer is open and the message answers neither way: asked again',
  resume: 'the workup continues where it was, saying from when',
  'accept-salvage': 'the answers from an older version taken as they were',
  'merge-salvage': 'the answers from an older version taken, with the values just sent over them',
  'continue-returning':
    'the message goes to the workup after a line saying which workup continues (back after 8 hours)',
  pass: 'the message goes to the workup as it is',
  stale: 'refused: a click on a card from an earlier step or confirmation changes nothing',
  'show-disclaimer': "end of turn: the F1 disclaimer before the workup's first prompt",
  nothing: 'end of turn: nothing to add',
} as const satisfies Record<string, string>;

export type SessionDecision = keyof typeof SESSION_DECISIONS;
