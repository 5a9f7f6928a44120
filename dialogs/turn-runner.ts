import { CONTENT_VERSION, DISCLAIMER } from '../src/clinical';
import {
  advanceSession,
  isConfirming,
  isOffering,
  mergeCase,
  type SessionDecision,
  type SessionState,
} from '../machines';
import { cardIntent } from './card-intent';
import type { ConfirmationKind } from './cards/confirmation-card';
import { welcomeCard } from './cards/welcome-card';
import { handleAnswer, handleProblems } from './answer-turn';
import { handleCommand, isSessionCommand, staleCard, type WorkupCommandIntent } from './command-turn';
import {
  answeredConfirmation,
  askConfirmation,
  continuingLine,
  offerResume,
  offerSalvage,
  OLDER_VERSION_NOTICE,
  REPEATED_OFFER,
  resume,
  startOver,
  welcomeReply,
} from './restart-and-resume';
import { answerQuestion } from './question-turn';
import { handleRecordImport } from './record-import-turn';
import { sessionEvent, type TurnMessage } from './session-event';
import { textIntent } from './text-intent';
import { parseConfirmationReply } from './text/confirmation-words';
import type { TurnIntent } from './turn-intent';
import type { Reply, TurnAudit, TurnInput, TurnResult } from './turn-input';
import { DEFAULT_RETENTION_DAYS, promptFor, say, unchanged, type Outcome, type Turn } from './turn-outcome';
import {
  assessmentOf,
  contextOf,
  loadWorkup,
  KeptWorkup,
  sessionStateOf,
  stepOf,
  storedState,
  type WorkupSession,
} from './workup-session';

/**
 * One conversation turn, from what was stored and what the clinician sent to what to store and
 * what to say. Pure: no botbuilder, no clock (the time comes in), no I/O. The session machine
 * decides whether a message goes to the workup at all (welcome, offers, confirmations, the return
 * after a pause); the workup machine decides where the workup goes; this decides what the
 * clinician reads on the way.
 */

/**
 * A card submit when the value is one of ours; otherwise the typed text. Other apps' payloads
 * (Teams messageBack, another bot's card) may carry a value alongside text the clinician typed.
 * While a confirmation is asked, a typed yes or no answers it.
 */
function intentFor(session: WorkupSession, input: TurnInput): TurnIntent {
  const typed = input.text?.trim() ?? '';
  if (input.value !== undefined && input.value !== null) {
    const confirming = isConfirming(session.session);
    const position = {
      step: stepOf(session),
      revision: contextOf(session).revision,
      offerOpen: isOffering(session.session),
      ...(confirming ? { confirmation: session.session.context.confirmation } : {}),
    };
    const clicked = cardIntent(input.value, sessionStateOf(session) === 'welcome' ? undefined : position);
    if (clicked.kind !== 'unrecognised' || typed === '') return clicked;
  }
  if (typed === '') return { kind: 'empty' };
  const reply = isConfirming(session.session) ? parseConfirmationReply(typed) : undefined;
  if (reply !== undefined) return { kind: 'confirmation', confirmed: reply === 'confirm' };
  return textIntent(typed, session);
}

const CONFIRMED_KIND: Partial<Record<SessionState, ConfirmationKind>> = {
  confirmingForget: 'forget',
  confirmingRestart: 'restart',
  confirmingCancel: 'cancel',
};

const KEPT_LINE: Record<ConfirmationKind, string> = {
  forget: 'Nothing was deleted: your workups are as they were.',
  restart: 'Kept: your answers are as they were.',
  cancel: 'Kept: your answers are as they were.',
};

/** The message as it goes to the workup, once the session machine has let it through. */
function toWorkup(session: WorkupSession, message: TurnMessage, turn: Turn, isNew: boolean): Outcome {
  if (message.kind === 'import') return handleRecordImport(session, message.raw, turn);
  switch (message.kind) {
    case 'command':
      // The session machine decides on its own commands; it lets none of them through.
      return isSessionCommand(message)
        ? unchanged(session, message.command, [], promptFor(session, turn))
        : handleCommand(session, message as WorkupCommandIntent, turn, isNew);
    case 'answer':
      return handleAnswer(session, message, turn);
    case 'problems':
      return handleProblems(session, message.problems, turn);
    case 'question':
      return answerQuestion(session, message.question, isNew);
    case 'stale':
    case 'confirmation':
      return staleCard(session, isNew);
    case 'empty':
    case 'unrecognised':
      return unchanged(
        session,
        message.kind,
        message.kind === 'unrecognised' ? [say(message.hint)] : [],
        promptFor(session, turn),
      );
  }
}

const withLead = (lead: Reply[], outcome: Outcome): Outcome => ({
  ...outcome,
  lead: [...lead, ...outcome.lead],
});

/** What a session decision looks like. `before` is the session as loaded; `after` as the machine left it. */
function decided(
  decision: SessionDecision,
  before: WorkupSession,
  after: WorkupSession,
  message: TurnMessage,
  turn: Turn,
): Outcome {
  const from = sessionStateOf(before);
  const isNew = from === 'welcome';
  const started = !isNew;
  const intent: TurnIntent = message.kind === 'import' ? { kind: 'empty' } : message;
  const kind = CONFIRMED_KIND[from];
  const answered = (confirmed: boolean) => (kind ? answeredConfirmation(intent, kind, confirmed, turn) : []);
  const salvaged = before.session.context.salvagedCase ?? {};
  switch (decision) {
    case 'welcome':
      return startOver(after, turn, [welcomeReply(after)], isNew ? 'welcome' : 'start', { started });
    case 'first-question':
      return startOver(after, turn, [], isNew ? 'welcome' : 'start', { started });
    case 'start-over':
      return startOver(after, turn, [], 'new-after-offer', { started });
    case 'restart':
      return startOver(
        after,
        turn,
        [...answered(true), say('Started over: the previous answers are cleared.')],
        'restart',
        { started },
      );
    case 'cancel':
      return startOver(
        after,
        turn,
        [
          ...answered(true),
          say('Cancelled: the answers of this workup are cleared. Say "start" when you want a new one.'),
        ],
        'cancel',
        { started, showPrompt: false },
      );
    case 'nothing-to-cancel':
      return unchanged(undefined, 'cancel', [say('There is no workup to cancel.')]);
    case 'forget':
      return {
        session: undefined,
        changed: false,
        lead: [
          ...answered(true),
          say(
            'Done: I deleted your workups and your audit entries. Say "start" whenever you want a new workup.',
          ),
        ],
        prompt: [],
        eventKind: 'forget-me',
        forgetUser: true,
      };
    case 'ask-forget':
      return askConfirmation(after, 'forget');
    case 'ask-restart':
      return askConfirmation(after, 'restart');
    case 'ask-cancel':
      return askConfirmation(after, 'cancel');
    case 'kept':
    case 'kept-then-pass': {
      const lead = [...answered(false), say(KEPT_LINE[kind ?? 'restart'])];
      if (decision === 'kept-then-pass') return withLead(lead, toWorkup(after, message, turn, false));
      const offerOpen = sessionStateOf(after) === 'salvageOffered';
      return {
        session: after,
        changed: true,
        lead: offerOpen ? [...lead, say(REPEATED_OFFER)] : lead,
        prompt: offerOpen ? [] : promptFor(after, turn),
        eventKind: 'kept',
      };
    }
    case 'offer-resume':
      return offerResume(after, message.kind === 'command' ? 'start-offer' : 'resume-offer');
    case 'repeat-offer':
      return unchanged(after, 'offer-repeated', [say(REPEATED_OFFER)]);
    case 'resume':
      return resume(after, turn, intent);
    case 'accept-salvage':
      return handleAnswer(after, { kind: 'answer', values: salvaged, readings: [], answers: [] }, turn);
    case 'merge-salvage':
      return message.kind === 'answer'
        ? handleAnswer(after, { ...message, values: mergeCase(salvaged, message.values) }, turn)
        : toWorkup(after, message, turn, false);
    case 'continue-returning':
      return withLead([continuingLine(after)], toWorkup(after, message, turn, false));
    case 'stale':
      return staleCard(after, isNew);
    case 'pass':
    // End-of-turn decisions: a message never makes them, and it goes to the workup as it is.
    case 'show-disclaimer':
    case 'nothing':
      return toWorkup(after, message, turn, isNew);
  }
}

/** Decisions that settle an offer of older answers: they say first why the workup starts again. */
const SETTLES_SALVAGE: readonly SessionDecision[] = ['start-over', 'accept-salvage', 'merge-salvage'];

/**
 * A workup saved by an older version cannot be restored: it starts again, and whatever answers
 * could be read back are offered for the clinician to confirm ("resume") before they count.
 */
function outdatedNotice(decision: SessionDecision, loaded: WorkupSession, outcome: Outcome): Outcome {
  const salvaged = loaded.session.context.salvagedCase;
  if (salvaged === undefined) return withLead([say(OLDER_VERSION_NOTICE)], outcome);
  if (decision === 'repeat-offer') return offerSalvage(outcome.session ?? loaded, salvaged);
  return SETTLES_SALVAGE.includes(decision) ? withLead([say(OLDER_VERSION_NOTICE)], outcome) : outcome;
}

function converse(loaded: WorkupSession, turn: Turn, outdated: boolean): Outcome {
  const message: TurnMessage =
    turn.input.recordImport !== undefined
      ? { kind: 'import', raw: turn.input.recordImport }
      : intentFor(loaded, turn.input);
  const advanced = advanceSession(loaded.session, sessionEvent(message, loaded, turn.input.now));
  const after: WorkupSession = { ...loaded, session: advanced.snapshot };
  const outcome = decided(advanced.decision, loaded, after, message, turn);
  const shown = outdated ? outdatedNotice(advanced.decision, loaded, outcome) : outcome;
  return { ...shown, changed: shown.changed || (shown.session !== undefined && advanced.changed) };
}

/**
 * The end of the turn, told to the session machine: whether the workup changed (the 8-hour rule
 * counts from its last change) and whether a prompt is shown, before which the F1 disclaimer goes
 * once per workup.
 */
function endTurn(loaded: WorkupSession, outcome: Outcome, now: string): Outcome {
  const session = outcome.session;
  if (session === undefined) return outcome;
  const ended = advanceSession(session.session, {
    type: 'TURN_ENDED',
    now,
    workupChanged: session.snapshot !== loaded.snapshot,
    prompted: outcome.prompt.length > 0,
  });
  if (!ended.changed) return outcome;
  return {
    ...outcome,
    session: { ...session, session: ended.snapshot },
    changed: true,
    lead: ended.decision === 'show-disclaimer' ? [...outcome.lead, say(DISCLAIMER)] : outcome.lead,
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
  const loaded = loadWorkup(stored, {
    now: input.now,
    ...(input.welcomeCardShown === undefined ? {} : { welcomeCardShown: input.welcomeCardShown }),
  });
  const outcome = converse(loaded.session, turn, loaded.kind === 'outdated');
  const final = endTurn(loaded.session, outcome, input.now);
  return {
    state: final.session === undefined ? undefined : storedState(final.session),
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
