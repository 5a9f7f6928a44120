/**
 * What the rest of the bot may use of the machines: of the workup machine the step ids and the
 * fields each step asks, the route and what is still needed, one event applied to a stored workup,
 * and its persistence; of the session machine its events, decisions and persistence. The
 * statecharts themselves and their routing internals stay inside `machines/`.
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
export type { SessionEvent, StartVia, WorkupFacts } from './session-events';
export type { SessionDecision } from './session-decisions';
export {
  SESSION_VERSION,
  advanceSession,
  isConfirming,
  isOffering,
  persistSession,
  restoreSession,
  salvageSession,
  sessionFromFlags,
  startSession,
  stateOf,
  type PersistedSession,
  type SessionSnapshot,
  type SessionState,
} from './session';
