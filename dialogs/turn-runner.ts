import { checkPartialCase, CONTENT_VERSION, DISCLAIMER } from '../src/clinical';
import type { Assessment } from '../src/clinical/assessment-schema';
import type { PartialCase } from '../src/clinical/case-schema';
import { isQuestionStep, stepForField, type WorkupEvent } from '../machines';
import { mergeCase } from '../machines/merge-case';
import { answerEcho } from './answer-echo';
import { answeredCard } from './cards/answered-card';
import { SYMPTOM_FIELDS } from './cards/field-inputs';
import { resumeCard } from './cards/resume-card';
import { welcomeCard } from './cards/welcome-card';
import { cardIntent } from './card-intent';
import { chartNoteReply, summaryReply, whyReply } from './conclusion-replies';
import { runningInterpretation } from './presentation/assessment-lines';
import { HELP_TEXT, TERMS_TEXT } from './presentation/help-text';
import { questionFields, stepPrompt, whereWeAre } from './step-prompt';
import { textIntent } from './text-intent';
import type { AnswerIntent, CommandIntent, TurnIntent } from './turn-intent';
import type { Reply, TurnAudit, TurnInput, TurnResult } from './turn-input';
import {
  applyToSession,
  assessmentOf,
  contextOf,
  loadWorkup,
  newSession,
  stepOf,
  type WorkupSession,
} from './workup-session';

/**
 * One conversation turn, from what was stored and what the clinician sent to what to store and
 * what to say. Pure: no botbuilder, no clock (the time comes in), no I/O. The machine decides
 * where the workup goes; this decides what the clinician reads on the way.
 */

/** After this long away, an unfinished workup is not continued by accident: the clinician is asked. */
const RESUME_OFFER_AFTER_MS = 8 * 60 * 60 * 1000;

export const DEFAULT_RETENTION_DAYS = 30;

interface Outcome {
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

interface Turn {
  input: TurnInput;
  retentionDays: number;
}

const say = (line: string): Reply => ({ text: line });

const formatDay = (iso: string): string =>
  new Date(iso).toLocaleDateString('en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  });

const hasAnswers = (session: WorkupSession): boolean => Object.keys(contextOf(session).case).length > 0;

const promptFor = (session: WorkupSession, turn: Turn): Reply[] => stepPrompt(session, turn.retentionDays);

const unchanged = (
  session: WorkupSession | undefined,
  eventKind: string,
  lead: Reply[],
  prompt: Reply[] = [],
): Outcome => ({ session, changed: false, lead, prompt, eventKind });

const accepted = (session: WorkupSession, eventKind: string, lead: Reply[], turn: Turn): Outcome => ({
  session,
  changed: true,
  lead,
  prompt: promptFor(session, turn),
  eventKind,
});

/** Offers live only until the clinician's next choice. */
const withoutOffers = (session: WorkupSession): WorkupSession => {
  const { resumeOffered: _resumeOffered, salvagedCase: _salvagedCase, ...state } = session.state;
  return { ...session, state };
};

const hasOpenOffer = (session: WorkupSession): boolean =>
  session.state.resumeOffered === true || session.state.salvagedCase !== undefined;

/**
 * In Teams the card just answered is replaced by a read-only copy of the answer, so it cannot be
 * clicked again and the chat reads as a record. Only for an accepted click on a question card.
 */
function answeredCardReply(
  before: WorkupSession,
  intent: TurnIntent,
  after: WorkupSession,
  turn: Turn,
): Reply[] {
  const submit = intent.kind === 'answer' || intent.kind === 'command' ? intent.fromCard : undefined;
  const step = stepOf(before);
  if (!submit || !turn.input.supportsCardUpdate || !isQuestionStep(step)) return [];
  const origin = assessmentOf(after)?.origin;
  const built = answeredCard({
    step,
    fields: questionFields(before, step),
    known: contextOf(after).case,
    action: submit.action,
    ...(origin === undefined ? {} : { origin }),
  });
  return [{ text: built.text, card: built.card, replaceCard: true }];
}

/** The one line after an answer that changed the picture; not where the next card says it anyway. */
function runningLine(before: Assessment | undefined, after: WorkupSession): Reply[] {
  const assessment = assessmentOf(after);
  const step = stepOf(after);
  if (assessment === undefined || step === 'assessment' || step === 'urgent') return [];
  const line = runningInterpretation(assessment);
  return before !== undefined && runningInterpretation(before) === line ? [] : [say(line)];
}

function handleProblems(
  session: WorkupSession,
  problems: readonly { message: string }[],
  turn: Turn,
): Outcome {
  const messages = problems.map((problem) => problem.message);
  return unchanged(
    session,
    'invalid',
    [say(`${messages.join('\n')}\nNothing was changed.`)],
    promptFor(session, turn),
  );
}

function handleAnswer(session: WorkupSession, intent: AnswerIntent, turn: Turn, lead: Reply[] = []): Outcome {
  // The merged case is checked here, not only the new values, so the message names what is wrong in context.
  const checked = checkPartialCase(mergeCase(contextOf(session).case, intent.values));
  if (!checked.ok) return handleProblems(session, checked.problems, turn);
  const before = assessmentOf(session);
  const applied = applyToSession(session, { type: 'ANSWER', values: intent.values }, turn.input.now);
  if (!applied.changed) {
    const nothing = intent.fromCard
      ? 'Nothing was filled in on that card. Enter a value, or use "not done yet", "skip" or "back".'
      : 'That changes nothing in this workup.';
    return unchanged(session, 'answer-ignored', [...lead, say(nothing)], promptFor(session, turn));
  }
  const after = withoutOffers(applied.session);
  const echo = answerEcho(intent);
  return accepted(
    after,
    intent.fromCard ? 'answer-card' : 'answer-text',
    [
      ...answeredCardReply(session, intent, after, turn),
      ...lead,
      ...(echo ? [say(echo)] : []),
      ...runningLine(before, after),
    ],
    turn,
  );
}

/** Applies a navigation event; when the machine refuses it, says why and changes nothing. */
function navigate(
  session: WorkupSession,
  intent: CommandIntent,
  event: WorkupEvent,
  turn: Turn,
  refused: string,
): Outcome {
  const applied = applyToSession(session, event, turn.input.now);
  const eventKind = intent.command;
  if (!applied.changed) {
    return unchanged(session, `${eventKind}-refused`, [say(refused)], promptFor(session, turn));
  }
  const after = withoutOffers(applied.session);
  return accepted(after, eventKind, answeredCardReply(session, intent, after, turn), turn);
}

/** RESTART keeps the revision counting up, so cards from the old workup stay recognisably stale. */
function startOver(
  session: WorkupSession,
  turn: Turn,
  lead: Reply[],
  eventKind: string,
  showPrompt = true,
): Outcome {
  const applied = applyToSession(session, { type: 'RESTART' }, turn.input.now);
  const now = turn.input.now;
  const restarted: WorkupSession = {
    snapshot: applied.session.snapshot,
    state: { workup: applied.session.state.workup, startedAt: now, updatedAt: now, disclaimerShown: false },
  };
  return {
    session: restarted,
    changed: true,
    lead,
    prompt: showPrompt ? promptFor(restarted, turn) : [],
    eventKind,
  };
}

function welcomeReply(session: WorkupSession): Reply {
  const card = welcomeCard(contextOf(session).revision);
  return { text: card.text, card: card.card };
}

/** "Resume or start over": for a returning clinician, and for "start" typed over an unfinished workup. */
function offerResume(session: WorkupSession, lead: Reply[], eventKind: string): Outcome {
  const context = contextOf(session);
  const offered: WorkupSession = { ...session, state: { ...session.state, resumeOffered: true } };
  const built = resumeCard({
    known: context.case,
    step: stepOf(session),
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

function start(session: WorkupSession, intent: CommandIntent, turn: Turn, isNew: boolean): Outcome {
  if (isNew) return accepted(session, 'welcome', [welcomeReply(session)], turn);
  const unfinished = hasAnswers(session) && stepOf(session) !== 'assessment';
  if (unfinished && !hasOpenOffer(session)) {
    return offerResume(session, [], intent.fromCard ? 'start-refused' : 'start-offer');
  }
  return startOver(withoutOffers(session), turn, [welcomeReply(session)], 'start');
}

function editField(session: WorkupSession, intent: CommandIntent, turn: Turn): Outcome {
  const field = intent.field;
  if (field === undefined) {
    return unchanged(session, 'edit-refused', [
      say('Which answer? For example "edit ALT" or "edit bilirubin".'),
    ]);
  }
  if (stepForField(field) === undefined) {
    return unchanged(session, 'edit-refused', [
      say(
        'That answer is not asked in this workup. Try for example "edit ALP", "edit GGT" or "edit fasting".',
      ),
    ]);
  }
  return navigate(
    session,
    intent,
    { type: 'EDIT', field },
    turn,
    'That question cannot be opened right now.',
  );
}

function resume(session: WorkupSession, turn: Turn): Outcome {
  const cleared = withoutOffers(session);
  const since = say(`Continuing your workup from ${formatDay(session.state.startedAt)}.`);
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

function noneOfThese(session: WorkupSession, turn: Turn): Outcome {
  if (stepOf(session) !== 'redFlags') {
    return unchanged(session, 'none-of-these-refused', [
      say(`"None of these" answers the red-flag screen. We are at ${whereWeAre(session)}.`),
    ]);
  }
  const symptoms = Object.fromEntries(SYMPTOM_FIELDS.map((symptom) => [symptom, false]));
  return handleAnswer(session, { kind: 'answer', values: { symptoms }, readings: [], answers: [] }, turn);
}

function handleCommand(session: WorkupSession, intent: CommandIntent, turn: Turn, isNew: boolean): Outcome {
  const kept = isNew ? undefined : session;
  const where = `We are at ${whereWeAre(session)}.`;
  switch (intent.command) {
    case 'help':
      return unchanged(kept, 'help', [say(isNew ? HELP_TEXT : `${HELP_TEXT}\n${where}`)]);
    case 'terms':
      return unchanged(kept, 'terms', [say(TERMS_TEXT)]);
    case 'forget-me':
      return {
        session: undefined,
        changed: false,
        lead: [
          say(
            'Done: I deleted your workups and your audit entries. Say "start" whenever you want a new workup.',
          ),
        ],
        prompt: [],
        eventKind: 'forget-me',
        forgetUser: true,
      };
    case 'start':
      return start(session, intent, turn, isNew);
    case 'restart':
      return startOver(
        withoutOffers(session),
        turn,
        [say('Started over: the previous answers are cleared.')],
        'restart',
      );
    case 'cancel':
      if (isNew) return unchanged(undefined, 'cancel', [say('There is no workup to cancel.')]);
      return startOver(
        withoutOffers(session),
        turn,
        [say('Cancelled: the answers of this workup are cleared. Say "start" when you want a new one.')],
        'cancel',
        false,
      );
    case 'back':
      return navigate(session, intent, { type: 'BACK' }, turn, 'There is no earlier question to go back to.');
    case 'edit':
      return editField(session, intent, turn);
    case 'skip':
      return navigate(
        session,
        intent,
        { type: 'SKIP' },
        turn,
        stepOf(session) === 'alp'
          ? 'The ALP result is needed before anything else, so this question cannot be skipped.'
          : 'There is nothing to skip here.',
      );
    case 'not-done':
      return navigate(
        session,
        intent,
        { type: 'NOT_DONE' },
        turn,
        'There is no test to mark as not done here.',
      );
    case 'acknowledged':
      return navigate(session, intent, { type: 'ACK_RED_FLAG' }, turn, 'There is no red-flag alert open.');
    case 'resume':
      return resume(session, turn);
    case 'none-of-these':
      return noneOfThese(session, turn);
    case 'summary':
      return unchanged(kept, 'summary', [say(`${summaryReply(session).text}\n${where}`)]);
    case 'why':
      return unchanged(kept, 'why', [whyReply(session)]);
    case 'chart-note':
      return unchanged(kept, 'chart-note', [chartNoteReply(session)]);
  }
}

function staleCard(session: WorkupSession, isNew: boolean): Outcome {
  if (isNew) {
    return unchanged(undefined, 'stale', [
      say('That card is from an earlier workup, so nothing changed. Say "start" to begin a new one.'),
    ]);
  }
  return unchanged(session, 'stale', [
    say(`That card is from an earlier step, so nothing changed. We are at ${whereWeAre(session)}.`),
  ]);
}

const OLDER_VERSION_NOTICE =
  'This workup was started with an older version of the bot, so it has to start again.';

/** Commands that answer a "resume or start over" offer rather than being run beside it. */
const settlesOffer = (intent: TurnIntent): boolean =>
  intent.kind === 'answer' ||
  (intent.kind === 'command' && ['start', 'restart', 'resume'].includes(intent.command));

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
    step: 'alp',
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

/** While an offer is open, "resume", "new" or a typed result settle it; other commands work as usual. */
function settleOffer(session: WorkupSession, intent: TurnIntent, turn: Turn): Outcome | undefined {
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

function intentFor(session: WorkupSession, input: TurnInput, isNew: boolean): TurnIntent {
  if (input.value !== undefined && input.value !== null) {
    const position = {
      step: stepOf(session),
      revision: contextOf(session).revision,
      offerOpen: hasOpenOffer(session),
    };
    return cardIntent(input.value, isNew ? undefined : position);
  }
  const typed = input.text?.trim() ?? '';
  return typed === '' ? { kind: 'empty' } : textIntent(typed, session);
}

function isReturning(session: WorkupSession, now: string): boolean {
  return (
    hasAnswers(session) && Date.parse(now) - Date.parse(session.state.updatedAt) >= RESUME_OFFER_AFTER_MS
  );
}

function converse(session: WorkupSession, turn: Turn, isNew: boolean): Outcome {
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
