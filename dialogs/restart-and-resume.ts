import { mergeCase } from '../machines';
import { resumeCard } from './cards/resume-card';
import { welcomeCard } from './cards/welcome-card';
import { handleAnswer } from './answer-turn';
import { positionOf } from './step-prompt';
import type { CommandIntent, TurnIntent } from './turn-intent';
import {
  accepted,
  formatDay,
  hasOpenOffer,
  promptFor,
  say,
  unchanged,
  withoutOffers,
  type Outcome,
  type Turn,
} from './turn-outcome';
import type { Reply } from './turn-input';
import { applyToSession, contextOf, stepOf, type WorkupSession } from './workup-session';

/** Starting over, resuming, and the "resume or start over" offer that sits between the two. */

/** RESTART keeps the revision counting up, so cards from the old workup stay recognisably stale. */
export function startOver(
  session: WorkupSession,
  turn: Turn,
  lead: Reply[],
  eventKind: string,
  showPrompt = true,
): Outcome {
  const applied = applyToSession(session, { type: 'RESTART' }, turn.input.now);
  const now = turn.input.now;
  const { machineVersion, snapshot } = applied.session.state;
  const restarted: WorkupSession = {
    snapshot: applied.session.snapshot,
    state: { machineVersion, snapshot, startedAt: now, updatedAt: now, disclaimerShown: false },
  };
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
export function offerResume(session: WorkupSession, lead: Reply[], eventKind: string): Outcome {
  const context = contextOf(session);
  const offered: WorkupSession = { ...session, state: { ...session.state, resumeOffered: true } };
  const built = resumeCard({
    known: context.case,
    step: stepOf(session),
    position: positionOf(session),
    pending: context.pending,
    revision: context.revision,
    lastActive: formatDay(session.state.updatedAt),
  });
  return {
    session: offered,
    changed: true,
    lead: [...lead, { text: built.text, card: built.card }],
    prompt: [],
    eventKind,
  };
}

/**
 * "I have the results" on the waiting card: the question that asks the first pending test, with
 * its input on the card. (Typed "resume" means the opposite: go on without the results.)
 */
function enterPendingResults(session: WorkupSession, turn: Turn): Outcome | undefined {
  const first = contextOf(session).pending[0];
  if (first === undefined) return undefined;
  const applied = applyToSession(session, { type: 'EDIT', field: first }, turn.input.now);
  return applied.changed ? accepted(applied.session, 'enter-results', [], turn) : undefined;
}

export function resume(session: WorkupSession, turn: Turn, intent?: CommandIntent): Outcome {
  const cleared = withoutOffers(session);
  const since = say(`Continuing your workup from ${formatDay(session.state.startedAt)}.`);
  if (intent?.fromCard?.step === 'awaitingResults') {
    const entering = enterPendingResults(cleared, turn);
    if (entering) return entering;
  }
  if (stepOf(session) === 'awaitingResults') {
    const applied = applyToSession(cleared, { type: 'RESUME' }, turn.input.now);
    if (applied.changed) return accepted(applied.session, 'resume', [since], turn);
    return {
      session: cleared,
      changed: hasOpenOffer(session),
      lead: [say('This workup still needs the ALP result before it can go on.')],
      prompt: promptFor(cleared, turn),
      eventKind: 'resume-refused',
    };
  }
  return {
    session: cleared,
    changed: hasOpenOffer(session),
    lead: [since],
    prompt: promptFor(cleared, turn),
    eventKind: 'resume',
  };
}

/** Commands that answer a "resume or start over" offer rather than being run beside it. */
export const settlesOffer = (intent: TurnIntent): boolean =>
  intent.kind === 'answer' ||
  (intent.kind === 'command' && ['start', 'restart', 'resume'].includes(intent.command));

/** While an offer is open, "resume", "new" or a typed result settle it; other commands work as usual. */
export function settleOffer(session: WorkupSession, intent: TurnIntent, turn: Turn): Outcome | undefined {
  const salvaged = session.state.salvagedCase;
  if (intent.kind === 'command' && (intent.command === 'start' || intent.command === 'restart')) {
    return startOver(withoutOffers(session), turn, [], 'new-after-offer');
  }
  if (intent.kind === 'command' && intent.command === 'resume') {
    if (salvaged === undefined) return resume(session, turn);
    return handleAnswer(
      withoutOffers(session),
      { kind: 'answer', values: salvaged, readings: [], answers: [] },
      turn,
    );
  }
  if (intent.kind === 'answer') {
    if (salvaged !== undefined) {
      return handleAnswer(
        withoutOffers(session),
        { ...intent, values: mergeCase(salvaged, intent.values) },
        turn,
      );
    }
    const lead = [say(`Continuing your workup from ${formatDay(session.state.startedAt)}.`)];
    return handleAnswer(withoutOffers(session), intent, turn, lead);
  }
  if (intent.kind === 'command' || intent.kind === 'stale') return undefined;
  return unchanged(session, 'offer-repeated', [
    say('Say "resume" to continue your workup, or "new" to start a new one.'),
  ]);
}
