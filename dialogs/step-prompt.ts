import {
  STEP_FIELDS,
  isKnown,
  isQuestionStep,
  neededFields,
  routeChange,
  routePosition,
  unacknowledgedRedFlags,
  workupRoute,
  type QuestionStepId,
  type RoutePosition,
} from '../machines';
import { assessmentCard } from './cards/assessment-card';
import { questionCard } from './cards/question-card';
import { redFlagCard } from './cards/red-flag-card';
import { awaitingResultsCard } from './cards/awaiting-results-card';
import { STEP_TEXT } from './presentation/steps';
import type { Reply } from './turn-input';
import { assessmentOf, contextOf, stepOf, type WorkupSession } from './workup-session';

/**
 * What the clinician sees for the step the workup is at: the question card, the red-flag alert,
 * the assessment, or the list of tests being waited for. Computed from the snapshot alone.
 */

/** A question shows what it still needs, what is known (pre-filled, for back and edit) and tests awaited. */
export const questionFields = (session: WorkupSession, step: QuestionStepId): string[] => {
  const context = contextOf(session);
  const needed = neededFields(context, step);
  return STEP_FIELDS[step].filter(
    (field) => needed.includes(field) || isKnown(context.case, field) || context.pending.includes(field),
  );
};

/** The fields a question still asks: what it shows less what is already answered. */
export const unansweredFields = (session: WorkupSession, step: QuestionStepId): string[] =>
  questionFields(session, step).filter((field) => !isKnown(contextOf(session).case, field));

/** Where the question on screen stands on the machine's route; undefined away from a question. */
export const positionOf = (session: WorkupSession): RoutePosition | undefined => {
  const step = stepOf(session);
  return isQuestionStep(step) ? routePosition(contextOf(session), step) : undefined;
};

/** "step 4 of 6, Liver panel and calcium": where the workup is, in words. */
export const whereWeAre = (session: WorkupSession): string => {
  const step = stepOf(session);
  const position = positionOf(session);
  if (isQuestionStep(step) && position !== undefined) {
    return `step ${position.number} of ${position.of}, ${STEP_TEXT[step].title}`;
  }
  if (step === 'urgent') return 'the red-flag alert';
  if (step === 'awaitingResults') return 'waiting for results';
  return 'the assessment';
};

/**
 * The prompt for the step the workup is at. `before` is the workup before this turn's change:
 * when that change altered which questions the route asks, the question card says so. `revisit`
 * (back, edit) shows every answer of the question as an input to change; otherwise the card asks
 * only what is still missing and states what is known in one line.
 */
export function stepPrompt(
  session: WorkupSession,
  retentionDays: number,
  before?: WorkupSession,
  revisit = false,
): Reply[] {
  const step = stepOf(session);
  const context = contextOf(session);
  if (isQuestionStep(step)) {
    const changed =
      before === undefined
        ? undefined
        : routeChange(workupRoute(contextOf(before), stepOf(before)), workupRoute(context, step));
    const fields = questionFields(session, step);
    const missing = fields.filter((field) => !isKnown(context.case, field));
    const built = questionCard({
      step,
      fields,
      known: context.case,
      revision: context.revision,
      position: routePosition(context, step),
      routeChange: changed,
      // A card with nothing left to ask is a revisit too: it shows the answers to change.
      ...(revisit || missing.length === 0 ? {} : { stillNeeded: missing }),
    });
    return [{ text: built.text, card: built.card }];
  }
  if (step === 'awaitingResults') {
    const built = awaitingResultsCard({
      pending: context.pending,
      revision: context.revision,
      keepDays: retentionDays,
    });
    return [{ text: built.text, card: built.card }];
  }
  const assessment = assessmentOf(session);
  if (assessment === undefined) return [];
  if (step === 'urgent') {
    const open = unacknowledgedRedFlags(context);
    const redFlags = assessment.redFlags.filter((flag) => open.includes(flag.id));
    const built = redFlagCard({ redFlags, revision: context.revision });
    return [{ text: built.text, card: built.card }];
  }
  const built = assessmentCard({ assessment, known: context.case, revision: context.revision });
  return [{ text: built.text, card: built.card }];
}
