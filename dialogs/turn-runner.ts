import { CONTENT_VERSION, DISCLAIMER } from '../src/clinical';
import type { PartialCase } from '../src/clinical';
import { cardIntent } from './card-intent';
import { welcomeCard } from './cards/welcome-card';
import { resumeCard } from './cards/resume-card';
import { handleAnswer, handleProblems } from './answer-turn';
import { handleCommand, staleCard } from './command-turn';
import { offerResume, settleOffer, settlesOffer, welcomeReply } from './restart-and-resume';
import { positionOf } from './step-prompt';
import { answerQuestion } from './question-turn';
import { handleRecordImport } from './record-import-turn';
import { textIntent } from './text-intent';
import type { TurnIntent } from './turn-intent';
import type { Reply, TurnAudit, TurnInput, TurnResult } from './turn-input';
import {
  accepted,
  DEFAULT_RETENTION_DAYS,
  formatDay,
  hasOpenOffer,
  isReturning,
  promptFor,
  say,
  unchanged,
  type Outcome,
  type Turn,
} from './turn-outcome';
import {
  assessmentOf,
  contextOf,
  loadWorkup,
  KeptWorkup,
  newSession,
  stepOf,
  type WorkupSession,
} from './workup-session';

/**
 * One conversation turn, from what was stored and what the clinician sent to what to store and
 * what to say. Pure: no botbuilder, no clock (the time comes in), no I/O. The machine decides
 * where the workup goes; this decides what the clinician reads on the way.
 */

const OLDER_VERSION_NOTICE =
  'This workup was started with an older version of the bot, so it has to start again.';

/**
 * A workup saved by an older version cannot be restored. It starts again, and whatever answers
 * could be read back are shown for the clinician to confirm ("resume") before they count.
 */
function outdatedWorkup(enteredCase: PartialCase | undefined, turn: Turn): Outcome {
  const notice = say(OLDER_VERSION_NOTICE);
  const fresh = newSession(turn.input.now);
  if (enteredCase === undefined) {
    const outcome = converse(fresh, turn, true);
    return { ...outcome, lead: [notice, ...outcome.lead] };
  }
  const offered: WorkupSession = { ...fresh, state: { ...fresh.state, salvagedCase: enteredCase } };
  const intent = intentFor(offered, turn.input, false);
  if (intent.kind === 'command' && !settlesOffer(intent)) return handleCommand(offered, intent, turn, false);
  const settled = settlesOffer(intent) ? settleOffer(offered, intent, turn) : undefined;
  if (settled) return { ...settled, lead: [notice, ...settled.lead] };
  const built = resumeCard({
    known: enteredCase,
    step: stepOf(fresh),
    position: positionOf(fresh),
    pending: [],
    revision: contextOf(fresh).revision,
  });
  return {
    session: offered,
    changed: true,
    lead: [
      say(`${OLDER_VERSION_NOTICE} Here is what you had entered; please confirm it and continue.`),
      { text: built.text, card: built.card },
    ],
    prompt: [],
    eventKind: 'outdated-offer',
  };
}

/**
 * A card submit when the value is one of ours; otherwise the typed text. Other apps' payloads
 * (Teams messageBack, another bot's card) may carry a value alongside text the clinician typed.
 */
function intentFor(session: WorkupSession, input: TurnInput, isNew: boolean): TurnIntent {
  const typed = input.text?.trim() ?? '';
  if (input.value !== undefined && input.value !== null) {
    const position = {
      step: stepOf(session),
      revision: contextOf(session).revision,
      offerOpen: hasOpenOffer(session),
    };
    const clicked = cardIntent(input.value, isNew ? undefined : position);
    if (clicked.kind !== 'unrecognised' || typed === '') return clicked;
  }
  return typed === '' ? { kind: 'empty' } : textIntent(typed, session);
}

function converse(session: WorkupSession, turn: Turn, isNew: boolean): Outcome {
  if (turn.input.recordImport !== undefined)
    return handleRecordImport(session, turn.input.recordImport, turn);
  const intent = intentFor(session, turn.input, isNew);
  if (hasOpenOffer(session)) {
    const settled = settleOffer(session, intent, turn);
    if (settled) return settled;
  }
  const returning = !isNew && isReturning(session, turn.input.now);
  switch (intent.kind) {
    case 'command':
      return handleCommand(session, intent, turn, isNew);
    case 'stale':
      return staleCard(session, isNew);
    case 'problems':
      return handleProblems(session, intent.problems, turn);
    case 'question':
      return answerQuestion(session, intent.question, isNew);
    case 'answer': {
      // A returning clinician's typed result continues the workup directly, saying so.
      const lead = returning
        ? [say(`Continuing your workup from ${formatDay(session.state.startedAt)}.`)]
        : [];
      return handleAnswer(session, intent, turn, lead);
    }
    case 'empty':
    case 'unrecognised':
      if (isNew) return accepted(session, 'welcome', [welcomeReply(session)], turn);
      if (returning && stepOf(session) !== 'assessment') return offerResume(session, [], 'resume-offer');
      return unchanged(
        session,
        intent.kind,
        intent.kind === 'unrecognised' ? [say(intent.hint)] : [],
        promptFor(session, turn),
      );
  }
}

/** The F1 disclaimer, once per workup, just before the first thing the workup asks or shows. */
function withDisclaimer(outcome: Outcome): Outcome {
  const session = outcome.session;
  if (session === undefined || session.state.disclaimerShown || outcome.prompt.length === 0) return outcome;
  return {
    ...outcome,
    session: { ...session, state: { ...session.state, disclaimerShown: true } },
    changed: true,
    lead: [...outcome.lead, say(DISCLAIMER)],
  };
}

function auditOf(outcome: Outcome): TurnAudit {
  const session = outcome.session;
  const step = session ? stepOf(session) : 'none';
  const assessment = session ? assessmentOf(session) : undefined;
  const concluded = outcome.prompt.length > 0 && (step === 'assessment' || step === 'urgent');
  const shown = concluded && assessment ? assessment : undefined;
  return {
    step,
    event: outcome.eventKind,
    ruleIds: shown ? [...shown.redFlags, ...shown.findings].map((finding) => finding.id) : [],
    redFlags: assessment ? assessment.redFlags.map((flag) => flag.id) : [],
    contentVersion: assessment?.contentVersion ?? CONTENT_VERSION,
    ...(shown ? { outcome: { pattern: shown.pattern, origin: shown.origin, urgent: shown.urgent } } : {}),
  };
}

const isPlain = (reply: Reply): boolean => !reply.card && !reply.replaceCard;

/** Consecutive plain messages go out as one: the echo, the running line and a notice read as one reply. */
function joinPlainReplies(replies: readonly Reply[]): Reply[] {
  const joined: Reply[] = [];
  for (const reply of replies) {
    const previous = joined[joined.length - 1];
    if (previous && isPlain(previous) && isPlain(reply)) {
      joined[joined.length - 1] = { text: `${previous.text}\n\n${reply.text}` };
    } else {
      joined.push(reply);
    }
  }
  return joined;
}

/**
 * `stored` is what storage holds for the workup (plain JSON, or nothing yet), or the `kept`
 * value of the turn that wrote it.
 */
export function runTurn(stored: unknown, input: TurnInput): TurnResult {
  const turn: Turn = { input, retentionDays: input.retentionDays ?? DEFAULT_RETENTION_DAYS };
  const loaded = loadWorkup(stored);
  const outcome =
    loaded.kind === 'active'
      ? converse(loaded.session, turn, false)
      : loaded.kind === 'outdated'
        ? outdatedWorkup(loaded.enteredCase, turn)
        : converse(newSession(input.now), turn, true);
  const final = withDisclaimer(outcome);
  return {
    state: final.session?.state,
    ...(final.session === undefined ? {} : { kept: new KeptWorkup(final.session) }),
    changed: final.changed,
    replies: joinPlainReplies([...final.lead, ...final.prompt]),
    audit: auditOf(final),
    ...(final.forgetUser ? { forgetUser: true } : {}),
  };
}

/** What a new conversation (the bot added, the app installed) sees first. */
export function welcomeReplies(): Reply[] {
  const card = welcomeCard(0);
  return [{ text: card.text, card: card.card }];
}
