import { FIELD_REGISTRY, QUESTION_GROUPS, type CaseFieldPath } from '../src/clinical';
import { fieldsNamedBy } from './case-fields';

/**
 * The questions, in the order the workup asks them: the field registry's question groups. State
 * ids: a contract with `dialogs/`. The red-flag symptoms and the values that decide a red flag
 * (bilirubin, INR, calcium with albumin) come before the treatment context on every path
 * (product decision 19).
 */
export const QUESTION_STEP_IDS = QUESTION_GROUPS;

/** The registry's fields in its own order: the order the questions show them. */
const REGISTERED_FIELDS = Object.keys(FIELD_REGISTRY) as CaseFieldPath[];

const fieldsAskedIn = (step: QuestionStepId): CaseFieldPath[] =>
  REGISTERED_FIELDS.filter((field) => (FIELD_REGISTRY[field].askedIn as readonly string[]).includes(step));

/** Every state a persisted workup can be in: the questions plus the three non-question states. */
export const STEP_IDS = [...QUESTION_STEP_IDS, 'assessment', 'urgent', 'awaitingResults'] as const;

export type QuestionStepId = (typeof QUESTION_STEP_IDS)[number];
export type StepId = (typeof STEP_IDS)[number];

export function isStepId(value: unknown): value is StepId {
  return typeof value === 'string' && (STEP_IDS as readonly string[]).includes(value);
}

export function isQuestionStep(value: unknown): value is QuestionStepId {
  return typeof value === 'string' && (QUESTION_STEP_IDS as readonly string[]).includes(value);
}

/**
 * The case fields each question asks, most important first: the field registry's `askedIn`, in the
 * registry's order. A field may appear in two steps (a recent fracture matters in the context and
 * again in the bone branch): the later step asks it only if the earlier one left it unanswered and
 * the engine still needs it.
 */
export const STEP_FIELDS: Readonly<Record<QuestionStepId, readonly CaseFieldPath[]>> = Object.fromEntries(
  QUESTION_STEP_IDS.map((step) => [step, fieldsAskedIn(step)]),
) as Record<string, readonly CaseFieldPath[]> as Record<QuestionStepId, readonly CaseFieldPath[]>;

/**
 * The question that owns a field: the first step asking it. `EDIT { field }` goes there. Accepts
 * the same path forms as the engine (`alp.uln`, `isoenzymes`); undefined for a path no step asks.
 */
export function stepForField(path: string): QuestionStepId | undefined {
  const fields = fieldsNamedBy(path);
  return QUESTION_STEP_IDS.find((step) => STEP_FIELDS[step].some((field) => fields.includes(field)));
}

/**
 * Fields asked as soon as the engine needs them, even at a question already gone through: the
 * inputs of the red-flag screen, and pregnancy with its trimester, which decides the origin branch
 * (decisions 12 and 19). "When a rule needs a value it does not have, the conversation asks it next."
 */
export const ASK_NEXT_FIELDS: readonly CaseFieldPath[] = [
  ...STEP_FIELDS.redFlags,
  ...STEP_FIELDS.liverPanel,
  'history.pregnant',
  'history.pregnancyTrimester',
];

/**
 * Fields held back while a field they depend on is still to be asked on the same card: pregnancy
 * is asked only when it is possible (decision 12), which the sex and the age decide.
 */
export const ASKED_AFTER: Readonly<Partial<Record<CaseFieldPath, readonly CaseFieldPath[]>>> = {
  'history.pregnant': ['history.sex', 'history.ageYears'],
  'history.pregnancyTrimester': ['history.pregnant'],
};
