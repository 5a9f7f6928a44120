import type { Assessment, CaseFieldPath, PartialCase } from '../src/clinical';
import { fieldsNamedBy, isKnown, isTestField } from './case-fields';
import {
  ASK_NEXT_FIELDS,
  ASKED_AFTER,
  QUESTION_STEP_IDS,
  STEP_FIELDS,
  type QuestionStepId,
  type StepId,
} from './steps';
import type { WorkupContext } from './workup-context';

/*
 * What is still needed and where the workup goes, read from the context and the assessment it
 * carries. Each exported question works out the fields still needed once and hands them down, so
 * a routing decision walks the engine's needs once, not once per question it considers.
 */

/** Red-flag rule ids the engine raises now that the clinician has not yet acknowledged. */
export function unacknowledgedRedFlags(context: WorkupContext): string[] {
  if (context.assessment === undefined) return [];
  return context.assessment.redFlags
    .map((flag) => flag.id)
    .filter((id) => !context.acknowledgedRedFlags.includes(id));
}

/**
 * Fields the engine says could still change the conclusion and nobody has answered, skipped or
 * parked as a pending test. Before ALP is known the engine cannot judge, and ALP is all we need.
 */
export function fieldsStillNeeded(context: WorkupContext): readonly CaseFieldPath[] {
  const missingPaths = context.assessment === undefined ? ['alp'] : context.assessment.missing;
  const needed = new Set<CaseFieldPath>();
  for (const path of missingPaths) {
    if (isKnown(context.case, path)) continue;
    for (const field of fieldsNamedBy(path)) {
      if (!context.skipped.includes(field) && !context.pending.includes(field)) needed.add(field);
    }
  }
  return [...needed];
}

/**
 * The fields of a question worth asking now, in the question's own order. A field that depends on
 * another (pregnancy on the sex and age) waits while that one is still to be asked for the first time.
 */
export function neededFields(context: WorkupContext, step: QuestionStepId): CaseFieldPath[] {
  return neededOf(context, step, fieldsStillNeeded(context));
}

/** `neededFields` with the fields still needed worked out already, for a caller that asks of several questions. */
export function neededOf(
  context: WorkupContext,
  step: QuestionStepId,
  needed: readonly CaseFieldPath[],
): CaseFieldPath[] {
  const ask = STEP_FIELDS[step].filter((field) => needed.includes(field));
  const waiting = (field: CaseFieldPath) =>
    (ASKED_AFTER[field] ?? []).some((first) => ask.includes(first) && !context.asked.includes(first));
  return ask.filter((field) => !waiting(field));
}

/** Fields of a question gone through that the engine now needs and that question has not yet shown. */
function newlyNeeded(
  context: WorkupContext,
  step: QuestionStepId,
  needed: readonly CaseFieldPath[],
): CaseFieldPath[] {
  return neededOf(context, step, needed).filter(
    (field) => ASK_NEXT_FIELDS.includes(field) && !context.asked.includes(field),
  );
}

/**
 * Labs given without the reporting lab's ULN. Their question is asked again even if it was gone
 * through: nothing can be graded against an assumed ULN (product decision 5).
 */
function fieldsMissingUln(context: WorkupContext, needed: readonly CaseFieldPath[]): CaseFieldPath[] {
  const missingUln = (context.assessment?.missing ?? []).filter((path) => path.endsWith('.uln'));
  return needed.filter((field) => missingUln.includes(`${field}.uln`));
}

const OBSTRUCTIVE_ULTRASOUND: readonly (string | undefined)[] = ['dilated-ducts', 'cbd-stone'];

/** The questions only a hepatic origin leads to, and the one only a bone (or open) origin does. */
export const HEPATIC_BRANCH: readonly QuestionStepId[] = ['hepaticImaging', 'hepaticAma'];
export const BONE_BRANCH: readonly QuestionStepId[] = ['bone'];

/**
 * The questions in the order this case asks them: `QUESTION_STEP_IDS`, whose red-flag screen and
 * liver panel come before the treatment context (product decisions 4 and 19). A branch is left out
 * once the origin rules it out: no bone questions for a hepatic ALP, no liver imaging for a bone
 * ALP. The AMA and infiltration questions follow an ultrasound without obstruction (rule H-4);
 * before the ultrasound, or after dilated ducts or a stone, the imaging decides the next test.
 */
export function questionOrder(caseValues: PartialCase, assessment: Assessment | undefined): QuestionStepId[] {
  const ordered: QuestionStepId[] = [...QUESTION_STEP_IDS];
  const origin = assessment?.origin;
  const ultrasound = caseValues.imaging?.ultrasound;
  const nonObstructive = ultrasound !== undefined && !OBSTRUCTIVE_ULTRASOUND.includes(ultrasound);
  return ordered.filter(
    (step) =>
      !(origin === 'liver' && BONE_BRANCH.includes(step)) &&
      !(origin === 'bone' && HEPATIC_BRANCH.includes(step)) &&
      !(step === 'hepaticAma' && !nonObstructive),
  );
}

/**
 * The first question whose answer can still change the conclusion and that has not been gone
 * through yet, or that holds a lab still lacking its ULN, or a red-flag input or pregnancy field
 * the engine has come to need since the question was answered.
 */
export function nextQuestion(context: WorkupContext): QuestionStepId | undefined {
  const needed = fieldsStillNeeded(context);
  const missingUln = fieldsMissingUln(context, needed);
  return questionOrder(context.case, context.assessment).find((step) =>
    context.answered.includes(step)
      ? STEP_FIELDS[step].some((field) => missingUln.includes(field)) ||
        newlyNeeded(context, step, needed).length > 0
      : neededOf(context, step, needed).length > 0,
  );
}

/**
 * Where the workup goes after any accepted change. A red flag comes first, whatever the step;
 * without ALP there is nothing to assess; after the assessment has been shown, changes return to it.
 */
export function destinationOf(context: WorkupContext): StepId {
  if (context.case.alp === undefined || context.assessment === undefined) {
    return context.pending.includes('alp') ? 'awaitingResults' : 'alp';
  }
  if (unacknowledgedRedFlags(context).length > 0) return 'urgent';
  if (context.reviewing) return 'assessment';
  return nextQuestion(context) ?? 'assessment';
}

/** The question BACK returns to: the last one gone through, other than the one on screen. */
export function previousQuestion(context: WorkupContext, current: StepId): QuestionStepId | undefined {
  return context.answered.findLast((step) => step !== current);
}

/** How "not done yet" at a question splits its unanswered fields: tests to order, and the rest. */
export interface NotDoneOutcome {
  pending: CaseFieldPath[];
  skipped: CaseFieldPath[];
}

export function notDoneOutcome(
  context: WorkupContext,
  step: QuestionStepId,
  requested: readonly string[] | undefined,
): NotDoneOutcome {
  const fields =
    requested === undefined ? [...STEP_FIELDS[step]] : [...new Set(requested.flatMap(fieldsNamedBy))];
  const needed = fieldsStillNeeded(context);
  const pending = fields.filter(
    (field) => !isKnown(context.case, field) && isTestField(field) && needed.includes(field),
  );
  // A lab known without its ULN is still needed, but there is nothing to order: it is skipped.
  const skipped = fields.filter(
    (field) => !pending.includes(field) && (!isKnown(context.case, field) || needed.includes(field)),
  );
  return { pending, skipped };
}
