import type { Assessment } from '../src/clinical';
import { checkAnswer, isQuestionStep, routePosition, type WorkupEvent } from '../machines';
import { answerEcho } from './answer-echo';
import { answeredCard } from './cards/answered-card';
import { runningInterpretation } from './presentation/assessment-lines';
import { redFlagSuspicionLines, undecidedSuspicionLines } from './presentation/red-flag-suspicion-lines';
import { questionFields, stepPrompt } from './step-prompt';
import type { AnswerIntent, CommandIntent, TurnIntent } from './turn-intent';
import { accepted, promptFor, say, unchanged, type Outcome, type Turn } from './turn-outcome';
import type { Reply } from './turn-input';
import { applyToSession, assessmentOf, contextOf, stepOf, type WorkupSession } from './workup-session';

/** Turns that change the workup through the machine: answers, and navigation such as back and skip. */

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
  const built = answeredCard({
    step,
    fields: questionFields(before, step),
    known: contextOf(after).case,
    action: submit.action,
    position: routePosition(contextOf(before), step),
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

/** A red-flag symptom just ticked: what it points to and what decides it, at once. */
function suspicionLines(intent: AnswerIntent, after: WorkupSession): Reply[] {
  const ticked = Object.values(intent.values.symptoms ?? {}).some((present) => present === true);
  if (!ticked) return [];
  return redFlagSuspicionLines(contextOf(after).case, assessmentOf(after)).map(say);
}

/**
 * A question left ("I don't know", "not done yet", or an answer without it) with a value that decides
 * a suspected red flag still missing: said, not passed over.
 */
function undecidedLines(before: WorkupSession, after: WorkupSession): Reply[] {
  const step = stepOf(before);
  if (!isQuestionStep(step) || stepOf(after) === step) return [];
  return undecidedSuspicionLines(contextOf(after).case, questionFields(before, step)).map(say);
}

export function handleProblems(
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

export function handleAnswer(
  session: WorkupSession,
  intent: AnswerIntent,
  turn: Turn,
  lead: Reply[] = [],
): Outcome {
  const before = assessmentOf(session);
  const applied = applyToSession(session, { type: 'ANSWER', values: intent.values });
  if (!applied.changed) {
    // The merged case is checked, not only the new values, so the message names what is wrong in context.
    const checked = checkAnswer(contextOf(session), intent.values);
    if (!checked.ok) return handleProblems(session, checked.problems, turn);
    const nothing = intent.fromCard
      ? 'Nothing was filled in on that card. Enter a value, or use "not done yet", "skip" or "back".'
      : 'That changes nothing in this workup.';
    return unchanged(session, 'answer-ignored', [...lead, say(nothing)], promptFor(session, turn));
  }
  const after = applied.session;
  const echo = answerEcho(intent);
  // A symptom just ticked names what decides it; otherwise a question left without that value says so.
  const ticked = suspicionLines(intent, after);
  const suspected = ticked.length > 0 ? ticked : undecidedLines(session, after);
  return accepted(
    after,
    intent.fromCard ? 'answer-card' : 'answer-text',
    [
      ...answeredCardReply(session, intent, after, turn),
      ...lead,
      ...(echo ? [say(echo)] : []),
      ...suspected,
      ...runningLine(before, after),
    ],
    turn,
    session,
  );
}

/** Applies a navigation event; when the machine refuses it, says why and changes nothing. */
export function navigate(
  session: WorkupSession,
  intent: CommandIntent,
  event: WorkupEvent,
  turn: Turn,
  refused: string,
): Outcome {
  const applied = applyToSession(session, event);
  const eventKind = intent.command;
  if (!applied.changed) {
    return unchanged(session, `${eventKind}-refused`, [say(refused)], promptFor(session, turn));
  }
  const after = applied.session;
  // Back and edit return to a question to change an answer: its card shows every answer.
  const revisit = event.type === 'BACK' || event.type === 'EDIT';
  const outcome = accepted(
    after,
    eventKind,
    [...answeredCardReply(session, intent, after, turn), ...(revisit ? [] : undecidedLines(session, after))],
    turn,
    session,
  );
  return revisit ? { ...outcome, prompt: stepPrompt(after, turn.retentionDays, session, true) } : outcome;
}
