import type { PartialCase } from '../src/clinical';
import { answeredConfirmationCard, confirmationCard, type ConfirmationKind } from './cards/confirmation-card';
import { resumeCard } from './cards/resume-card';
import { welcomeCard } from './cards/welcome-card';
import { positionOf } from './step-prompt';
import type { TurnIntent } from './turn-intent';
import { accepted, formatDay, promptFor, say, type Outcome, type Turn } from './turn-outcome';
import type { Reply } from './turn-input';
import {
  applyToSession,
  contextOf,
  startedAtOf,
  stepOf,
  updatedAtOf,
  type WorkupSession,
} from './workup-session';

/**
 * What the session machine's decisions look like: a new workup, the welcome, the offers to resume
 * or to take back older answers, and the confirmations. The machine decides; this only says it.
 */

/**
 * A new workup. The session machine has begun it already; the workup machine's RESTART clears the
 * answers and keeps the revision counting up, so cards from the old workup stay recognisably stale.
 * A workup that had not started (the welcome) is new as it is.
 */
export function startOver(
  session: WorkupSession,
  turn: Turn,
  lead: Reply[],
  eventKind: string,
  { started, showPrompt = true }: { started: boolean; showPrompt?: boolean },
): Outcome {
  const restarted = started ? applyToSession(session, { type: 'RESTART' }).session : session;
  return {
    session: restarted,
    changed: true,
    lead,
    prompt: showPrompt ? promptFor(restarted, turn) : [],
    eventKind,
  };
}

export function welcomeReply(session: WorkupSession): Reply {
  const card = welcomeCard(contextOf(session).revision);
  return { text: card.text, card: card.card };
}

/** "Resume or start over": for a returning clinician, and for "start" typed over an unfinished workup. */
export function offerResume(session: WorkupSession, eventKind: string): Outcome {
  const context = contextOf(session);
  const built = resumeCard({
    known: context.case,
    step: stepOf(session),
    position: positionOf(session),
    pending: context.pending,
    revision: context.revision,
    lastActive: formatDay(updatedAtOf(session)),
  });
  return { session, changed: true, lead: [{ text: built.text, card: built.card }], prompt: [], eventKind };
}

export const OLDER_VERSION_NOTICE =
  'This workup was started with an older version of the bot, so it has to start again.';

/** The answers read back from a workup saved by an older version, offered for confirmation. */
export function offerSalvage(session: WorkupSession, salvaged: PartialCase): Outcome {
  const built = resumeCard({
    known: salvaged,
    step: stepOf(session),
    position: positionOf(session),
    pending: [],
    revision: contextOf(session).revision,
  });
  return {
    session,
    changed: true,
    lead: [
      say(`${OLDER_VERSION_NOTICE} Here is what you had entered; please confirm it and continue.`),
      { text: built.text, card: built.card },
    ],
    prompt: [],
    eventKind: 'outdated-offer',
  };
}

export const continuingLine = (session: WorkupSession): Reply =>
  say(`Continuing your workup from ${formatDay(startedAtOf(session))}.`);

/**
 * "I have the results" on the waiting card: the question that asks the first pending test, with
 * its input on the card. (Typed "resume" means the opposite: go on without the results.)
 */
function enterPendingResults(session: WorkupSession, turn: Turn): Outcome | undefined {
  const first = contextOf(session).pending[0];
  if (first === undefined) return undefined;
  const applied = applyToSession(session, { type: 'EDIT', field: first });
  return applied.changed ? accepted(applied.session, 'enter-results', [], turn) : undefined;
}

export function resume(session: WorkupSession, turn: Turn, intent: TurnIntent): Outcome {
  const fromCard = intent.kind === 'command' ? intent.fromCard : undefined;
  if (fromCard?.step === 'awaitingResults') {
    const entering = enterPendingResults(session, turn);
    if (entering) return entering;
  }
  if (stepOf(session) === 'awaitingResults') {
    const applied = applyToSession(session, { type: 'RESUME' });
    if (applied.changed) return accepted(applied.session, 'resume', [continuingLine(session)], turn);
    return {
      session,
      changed: false,
      lead: [say('This workup still needs the ALP result before it can go on.')],
      prompt: promptFor(session, turn),
      eventKind: 'resume-refused',
    };
  }
  return {
    session,
    changed: false,
    lead: [continuingLine(session)],
    prompt: promptFor(session, turn),
    eventKind: 'resume',
  };
}

export const REPEATED_OFFER = 'Say "resume" to continue your workup, or "new" to start a new one.';

/** Asks before something that cannot be undone. */
export function askConfirmation(session: WorkupSession, kind: ConfirmationKind): Outcome {
  const built = confirmationCard(kind, session.session.context.confirmation);
  return {
    session,
    changed: true,
    lead: [{ text: built.text, card: built.card }],
    prompt: [],
    eventKind: `${kind === 'forget' ? 'forget-me' : kind}-asked`,
  };
}

/**
 * In Teams the confirmation card just answered is replaced by a read-only line, so no live
 * Confirm button stays on screen. Only for a click on the card itself.
 */
export function answeredConfirmation(
  intent: TurnIntent,
  kind: ConfirmationKind,
  confirmed: boolean,
  turn: Turn,
): Reply[] {
  if (intent.kind !== 'confirmation' || intent.fromCard === undefined || !turn.input.supportsCardUpdate)
    return [];
  const built = answeredConfirmationCard(kind, confirmed);
  return [{ text: built.text, card: built.card, replaceCard: true }];
}
