import type { Assessment, CaseFieldPath } from '../src/clinical';
import { isKnown } from './case-fields';
import { isQuestionStep, STEP_FIELDS, type QuestionStepId, type StepId } from './steps';
import type { WorkupContext } from './workup-context';
import { BONE_BRANCH, fieldsStillNeeded, HEPATIC_BRANCH, neededOf, questionOrder } from './workup-progress';

/**
 * The route of a workup: the questions gone through, the one on screen and the ones still to
 * come, in the order the machine asks them. Step numbers are positions on it, so they follow
 * every reorder the machine makes (red flags first, a branch left out) instead of a second list.
 */

/** Whether a question still has a field nobody answered, skipped or parked as a pending test. */
const hasOpenFields = (context: WorkupContext, step: QuestionStepId): boolean =>
  STEP_FIELDS[step].some(
    (field) =>
      !isKnown(context.case, field) && !context.skipped.includes(field) && !context.pending.includes(field),
  );

/**
 * Whether the route counts a question not gone through yet. The engine's needs decide, with one
 * forecast so that the total moves only when the branch does: while the origin of a raised ALP
 * is still open the route counts the bone branch (the shorter one), as the engine's needs shift
 * with every answer there; a liver origin swaps it for the hepatic branch. Before the ALP is
 * known the engine cannot judge, and the route is that of a raised ALP of open origin.
 */
function isStillToAsk(
  context: WorkupContext,
  step: QuestionStepId,
  assessment: Assessment | undefined,
  needed: readonly CaseFieldPath[],
): boolean {
  if (assessment === undefined) return !HEPATIC_BRANCH.includes(step);
  if (neededOf(context, step, needed).length > 0) return true;
  const originOpen = assessment.origin === 'undetermined' && assessment.pattern !== 'normal';
  return originOpen && BONE_BRANCH.includes(step) && hasOpenFields(context, step);
}

/** The questions still to come after `current`, in the order the machine will ask them if no answer changes the picture. */
export function questionsToCome(context: WorkupContext, current: StepId): QuestionStepId[] {
  const assessment = context.assessment;
  const needed = fieldsStillNeeded(context);
  return questionOrder(context.case, assessment).filter(
    (step) =>
      step !== current && !context.answered.includes(step) && isStillToAsk(context, step, assessment, needed),
  );
}

/** The whole route with the workup at `current`: gone through, then `current` (a question), then to come. */
export function workupRoute(context: WorkupContext, current: StepId): QuestionStepId[] {
  const here = isQuestionStep(current) && !context.answered.includes(current) ? [current] : [];
  return [...context.answered, ...here, ...questionsToCome(context, current)];
}

/** "Step N of M": where a question stands on the route while it is on screen. */
export interface RoutePosition {
  number: number;
  of: number;
}

export function routePosition(context: WorkupContext, step: QuestionStepId): RoutePosition {
  const route = workupRoute(context, step);
  return { number: route.indexOf(step) + 1, of: route.length };
}

/** How an answer changed the route: questions it added and questions it made unnecessary. */
export interface RouteChange {
  added: QuestionStepId[];
  dropped: QuestionStepId[];
}

/** Undefined when the route asks the same questions as before (an order that changed is not a new route). */
export function routeChange(
  before: readonly QuestionStepId[],
  after: readonly QuestionStepId[],
): RouteChange | undefined {
  const added = after.filter((step) => !before.includes(step));
  const dropped = before.filter((step) => !after.includes(step));
  return added.length === 0 && dropped.length === 0 ? undefined : { added, dropped };
}
