import type { PartialCase } from '../../src/clinical';
import { fieldNames } from '../presentation/field-names';
import { joinProse } from '../presentation/format';
import { isQuestionStep, type RoutePosition, type StepId } from '../../machines';
import { STEP_TEXT } from '../presentation/steps';
import { adaptiveCard, factSet, heading, textBlock, type CardWithText } from './adaptive-card';
import { RESUME_STEP, submitData } from './card-submit';
import { caseFacts } from './case-summary';

export interface ResumeCardInput {
  known: PartialCase;
  /** The machine state the workup was left in. */
  step: StepId;
  /** Where that step stands on the route, when it is a question. */
  position?: RoutePosition;
  /** Tests marked "not done yet". */
  pending: readonly string[];
  revision: number;
  /** When the workup was last touched, already formatted by the caller (cards read no clock). */
  lastActive?: string;
}

const whereWeWere = (step: StepId, pending: readonly string[], position?: RoutePosition): string => {
  if (step === 'awaitingResults') {
    const waiting = fieldNames(pending);
    return waiting.length > 0
      ? `We were waiting for: ${joinProse(waiting)}.`
      : 'We were waiting for results.';
  }
  if (step === 'assessment') return 'The workup reached its assessment.';
  if (step === 'urgent') return 'A red flag was waiting for your acknowledgement.';
  if (isQuestionStep(step) && position !== undefined) {
    return `We were at step ${position.number}, ${STEP_TEXT[step].title.toLowerCase()}.`;
  }
  return 'The workup was unfinished.';
};

/** For a clinician who comes back to an unfinished workup: carry on, or start again. */
export const resumeCard = ({
  known,
  step,
  position,
  pending,
  revision,
  lastActive,
}: ResumeCardInput): CardWithText => {
  const opening = lastActive
    ? `Welcome back. You have a workup from ${lastActive}.`
    : 'Welcome back. You have a workup in progress.';
  const where = whereWeWere(step, pending, position);
  const facts = caseFacts(known);
  const typeHint = 'You can also type a new result straight away, e.g. "GGT 45 ULN 60".';
  const card = adaptiveCard(
    [
      heading('Resume or start over?'),
      textBlock(opening),
      ...(facts.length > 0 ? [factSet(facts)] : []),
      textBlock(where),
      textBlock(typeHint, { isSubtle: true }),
    ],
    [
      {
        type: 'Action.Submit',
        title: 'Resume',
        style: 'positive',
        data: submitData(RESUME_STEP, revision, 'resume'),
      },
      { type: 'Action.Submit', title: 'Start a new workup', data: submitData(RESUME_STEP, revision, 'new') },
    ],
    `${opening} ${where}`,
  );
  const text = [
    opening,
    ...facts.map((fact) => `- ${fact.title}: ${fact.value}`),
    where,
    `Say "resume" or "new". ${typeHint}`,
  ].join('\n');
  return { card, text };
};
