import { checkPartialCase, type CheckResult, type PartialCase } from '../src/clinical';
import { fieldsAnsweredBy, isKnown } from './case-fields';
import { mergeCase } from './merge-case';
import { isQuestionStep, STEP_FIELDS, type QuestionStepId, type StepId } from './steps';
import { withCase } from './with-case';
import type { WorkupContext } from './workup-context';
import { neededFields, notDoneOutcome } from './workup-progress';

/*
 * How each accepted event changes the context. Pure functions of the context and the event, so
 * the machine's actions stay one-liners and the guards can ask the same questions before acting.
 */

function union<T>(existing: readonly T[], added: readonly T[]): T[] {
  return [...new Set([...existing, ...added])];
}

/** Moves a question to the top of the back stack: a question answered twice appears once. */
function pushAnswered(answered: readonly QuestionStepId[], step: QuestionStepId): QuestionStepId[] {
  return [...answered.filter((answeredStep) => answeredStep !== step), step];
}

/**
 * The last answer checked. The guard that accepts an answer and the action that records it ask
 * the same question of the same case and values one after the other in one transition; the
 * second asks this one value instead of checking the merge again.
 */
let lastChecked: { base: PartialCase; values: PartialCase; result: CheckResult<PartialCase> } | undefined;

/** The case an answer would make, checked: what is wrong with it is named in the context of the whole case. */
export function checkAnswer(context: WorkupContext, values: PartialCase): CheckResult<PartialCase> {
  if (lastChecked?.base === context.case && lastChecked.values === values) return lastChecked.result;
  const result = checkPartialCase(mergeCase(context.case, values));
  lastChecked = { base: context.case, values, result };
  return result;
}

/**
 * The case after an answer, or undefined when the answer fills nothing or would make the case
 * invalid: the context never holds a value `checkPartialCase` refuses.
 */
export function caseAfterAnswer(context: WorkupContext, values: PartialCase): PartialCase | undefined {
  if (fieldsAnsweredBy(values).length === 0) return undefined;
  const checked = checkAnswer(context, values);
  return checked.ok ? checked.value : undefined;
}

/**
 * Records an answer given while `step` was on screen. The question counts as gone through only
 * when the answer fills one of its own fields: a GGT typed at the liver-panel question is kept,
 * but the liver panel is still asked.
 */
export function afterAnswer(
  context: WorkupContext,
  values: PartialCase,
  step: StepId,
): Partial<WorkupContext> {
  const nextCase = caseAfterAnswer(context, values);
  if (nextCase === undefined) return {};
  const filled = fieldsAnsweredBy(values);
  const answersThisQuestion =
    isQuestionStep(step) && STEP_FIELDS[step].some((field) => filled.includes(field));
  return {
    ...withCase(nextCase),
    answered: answersThisQuestion ? pushAnswered(context.answered, step) : context.answered,
    asked: answersThisQuestion ? union(context.asked, neededFields(context, step)) : context.asked,
    skipped: context.skipped.filter((field) => !filled.includes(field)),
    pending: context.pending.filter((field) => !filled.includes(field)),
  };
}

/** SKIP: the question's unanswered fields (and labs still lacking a ULN) are not asked again, until edited. */
export function afterSkip(context: WorkupContext, step: QuestionStepId): Partial<WorkupContext> {
  const unanswered = STEP_FIELDS[step].filter((field) => !isKnown(context.case, field));
  return {
    skipped: union(context.skipped, [...unanswered, ...neededFields(context, step)]),
    answered: pushAnswered(context.answered, step),
  };
}

export function afterNotDone(
  context: WorkupContext,
  step: QuestionStepId,
  fields: readonly string[] | undefined,
): Partial<WorkupContext> {
  const outcome = notDoneOutcome(context, step, fields);
  return {
    pending: union(context.pending, outcome.pending),
    skipped: union(context.skipped, outcome.skipped),
    answered: pushAnswered(context.answered, step),
  };
}

export function afterAcknowledge(context: WorkupContext): Partial<WorkupContext> {
  const raised = context.assessment?.redFlags.map((flag) => flag.id) ?? [];
  return { acknowledgedRedFlags: union(context.acknowledgedRedFlags, raised) };
}

/** BACK to `step`: it leaves the back stack, with everything gone through after it; answers stay. */
export function afterBack(context: WorkupContext, step: QuestionStepId): Partial<WorkupContext> {
  return { answered: context.answered.slice(0, context.answered.lastIndexOf(step)) };
}
