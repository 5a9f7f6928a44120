/**
 * What the rest of the bot may use of the workup machine: the step ids and the fields each step
 * asks, the route and what is still needed, one event applied to a stored workup, and its
 * persistence. The statechart itself and its routing internals stay inside `machines/`.
 */
export type { WorkupEvent } from './workup-events';
export type { WorkupContext } from './workup-context';
export {
  STEP_IDS,
  QUESTION_STEP_IDS,
  STEP_FIELDS,
  stepForField,
  isQuestionStep,
  type StepId,
  type QuestionStepId,
} from './steps';
export { isKnown } from './case-fields';
export { mergeCase } from './merge-case';
export { currentStep } from './current-step';
export { assessWorkup } from './with-case';
export { unacknowledgedRedFlags, neededFields } from './workup-progress';
export {
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
  type WorkupSnapshot,
} from './persistence';
export { checkAnswer } from './workup-updates';
export { fieldsFromRecord, typedOverRecord, caseAfterImport, type RecordImport } from './record-import';
export { advanceWorkup, startWorkup } from './apply-event';
export { renderWorkupDiagram } from './diagram';
