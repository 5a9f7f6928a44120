import { stepForField } from '../machines';
import { SYMPTOMS } from '../src/clinical';
import { chartNoteReply, summaryReply, whyReply } from './conclusion-replies';
import { handleAnswer, navigate } from './answer-turn';
import { HELP_TEXT, TERMS_TEXT } from './presentation/help-text';
import { whereWeAre } from './step-prompt';
import type { CommandIntent } from './turn-intent';
import { say, unchanged, type Outcome, type Turn } from './turn-outcome';
import { stepOf, type WorkupSession } from './workup-session';

/**
 * Typed commands and command buttons that work on the workup's questions or only show something:
 * what each one does and says back. Starting, restarting, cancelling, resuming and "forget me" are
 * the session machine's (dialogs/session-turn.ts).
 */

/** The commands the session machine decides on. */
export const SESSION_COMMANDS = ['start', 'restart', 'cancel', 'forget-me', 'resume'] as const;
export type SessionCommand = (typeof SESSION_COMMANDS)[number];
export type WorkupCommandIntent = CommandIntent & {
  command: Exclude<CommandIntent['command'], SessionCommand>;
};

export const isSessionCommand = (
  intent: CommandIntent,
): intent is CommandIntent & { command: SessionCommand } =>
  (SESSION_COMMANDS as readonly string[]).includes(intent.command);

const ALP_NEEDED =
  'The ALP result is needed before anything else, so this question cannot be skipped: enter it when you have it.';

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

/**
 * "None of these" answers the red-flag screen wherever it is typed: the clinician may clear the
 * red flags before the screen comes up, and free text is first-class at every step.
 */
function noneOfThese(session: WorkupSession, turn: Turn): Outcome {
  const symptoms = Object.fromEntries(SYMPTOMS.map((symptom) => [symptom, false]));
  const answers = SYMPTOMS.map((symptom) => ({
    field: `symptoms.${symptom}`,
    answer: false,
    source: 'none of these',
  }));
  return handleAnswer(session, { kind: 'answer', values: { symptoms }, readings: [], answers }, turn);
}

export function handleCommand(
  session: WorkupSession,
  intent: WorkupCommandIntent,
  turn: Turn,
  isNew: boolean,
): Outcome {
  const kept = isNew ? undefined : session;
  const where = `We are at ${whereWeAre(session)}.`;
  switch (intent.command) {
    case 'help':
      return unchanged(kept, 'help', [say(isNew ? HELP_TEXT : `${HELP_TEXT}\n${where}`)]);
    case 'terms':
      return unchanged(kept, 'terms', [say(TERMS_TEXT)]);
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
        stepOf(session) === 'alp' ? ALP_NEEDED : 'There is nothing to skip here.',
      );
    case 'not-done':
      return navigate(
        session,
        intent,
        { type: 'NOT_DONE' },
        turn,
        stepOf(session) === 'alp' ? ALP_NEEDED : 'There is no test to mark as not done here.',
      );
    case 'acknowledged':
      return navigate(session, intent, { type: 'ACK_RED_FLAG' }, turn, 'There is no red-flag alert open.');
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

export function staleCard(session: WorkupSession, isNew: boolean): Outcome {
  if (isNew) {
    return unchanged(undefined, 'stale', [
      say('That card is from an earlier workup, so nothing changed. Say "start" to begin a new one.'),
    ]);
  }
  return unchanged(session, 'stale', [
    say(`That card is from an earlier step, so nothing changed. We are at ${whereWeAre(session)}.`),
  ]);
}
