export { workupMachine, type WorkupMachine } from './workup-machine';
export type {
  WorkupEvent,
  WorkupEventType,
  AnswerEvent,
  NotDoneEvent,
  SkipEvent,
  BackEvent,
  EditEvent,
  RestartEvent,
  ResumeEvent,
  AckRedFlagEvent,
} from './workup-events';
export { type WorkupContext, WorkupContextSchema } from './workup-context';
export {
  STEP_IDS,
  QUESTION_STEP_IDS,
  STEP_FIELDS,
  stepForField,
  isStepId,
  isQuestionStep,
  type StepId,
  type QuestionStepId,
} from './steps';
export {
  CASE_FIELD_PATHS,
  TEST_FIELD_PATHS,
  isCaseFieldPath,
  isTestField,
  fieldsNamedBy,
  fieldsAnsweredBy,
  isKnown,
  type CaseFieldPath,
} from './case-fields';
export { mergeCase } from './merge-case';
export { currentStep } from './current-step';
export {
  assessWorkup,
  unacknowledgedRedFlags,
  neededFields,
  nextQuestion,
  previousQuestion,
  destinationOf,
} from './workup-progress';
export {
  questionsToCome,
  workupRoute,
  routePosition,
  routeChange,
  type RoutePosition,
  type RouteChange,
} from './workup-route';
export {
  MACHINE_VERSION,
  persistWorkup,
  restoreWorkup,
  salvageCase,
  type PersistedWorkup,
  type RestoreResult,
  type RestoreFailure,
  type RestoreFailureReason,
  type WorkupSnapshot,
} from './persistence';
export { checkAnswer } from './workup-updates';
export { advanceWorkup, applyEvent, startWorkup, type AppliedEvent } from './apply-event';
export { renderWorkupDiagram } from './diagram';
