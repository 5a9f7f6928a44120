import type { PartialCase, Assessment } from '../src/clinical';
import {
  advanceWorkup,
  currentStep,
  persistWorkup,
  restoreWorkup,
  salvageCase,
  startWorkup,
  type StepId,
  type WorkupContext,
  type WorkupEvent,
  type WorkupSnapshot,
} from '../machines';
import { readConversationState, type ConversationState } from './conversation-state';

/**
 * One workup as the runner sees it during a turn: the conversation state and the restored
 * machine snapshot side by side. Immutable: every change returns a new session.
 */
export interface WorkupSession {
  state: ConversationState;
  snapshot: WorkupSnapshot;
}

export type LoadedWorkup =
  | { kind: 'none' }
  | { kind: 'active'; session: WorkupSession }
  /** Stored by an older or incompatible version: not restorable, but its answers may be. */
  | { kind: 'outdated'; enteredCase?: PartialCase };

const salvageFrom = (stored: unknown): PartialCase | undefined => {
  const wrapped = (stored as { workup?: unknown } | null)?.workup;
  return salvageCase(wrapped ?? stored);
};

/**
 * Sessions by the state object the runner returned for storage. A caller that hands that same
 * object back (the bot does, while storage still holds it under the same eTag) gets the session
 * without it being parsed, checked, restored and assessed again. The state is frozen, so it is
 * still exactly what the session was made from.
 */
const sessionsByState = new WeakMap<object, WorkupSession>();

function deepFreeze(value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const member of Object.values(value)) deepFreeze(member);
}

/** Marks a session's state as final for this turn, so a later `loadWorkup` of that object reuses the session. */
export function rememberSession(session: WorkupSession): void {
  deepFreeze(session.state);
  sessionsByState.set(session.state, session);
}

export function loadWorkup(stored: unknown): LoadedWorkup {
  if (stored === undefined || stored === null) return { kind: 'none' };
  const known = typeof stored === 'object' ? sessionsByState.get(stored) : undefined;
  if (known !== undefined) return { kind: 'active', session: known };
  const state = readConversationState(stored);
  if (state === undefined) {
    const enteredCase = salvageFrom(stored);
    return enteredCase === undefined ? { kind: 'outdated' } : { kind: 'outdated', enteredCase };
  }
  const restored = restoreWorkup(state.workup);
  if (!restored.ok) {
    return restored.enteredCase === undefined
      ? { kind: 'outdated' }
      : { kind: 'outdated', enteredCase: restored.enteredCase };
  }
  return { kind: 'active', session: { state, snapshot: restored.snapshot } };
}

export function newSession(now: string): WorkupSession {
  const snapshot = startWorkup();
  return {
    state: { workup: persistWorkup(snapshot), startedAt: now, updatedAt: now, disclaimerShown: false },
    snapshot,
  };
}

export interface AppliedToSession {
  session: WorkupSession;
  changed: boolean;
}

/** Sends one event to the machine; the session is touched only when the machine accepted it. */
export function applyToSession(session: WorkupSession, event: WorkupEvent, now: string): AppliedToSession {
  const applied = advanceWorkup(session.snapshot, event);
  if (!applied.changed) return { session, changed: false };
  return {
    session: {
      state: { ...session.state, workup: applied.persisted, updatedAt: now },
      snapshot: applied.snapshot,
    },
    changed: true,
  };
}

export const stepOf = (session: WorkupSession): StepId => currentStep(session.snapshot);

export const contextOf = (session: WorkupSession): WorkupContext => session.snapshot.context;

/** The engine's assessment, worked out once by the machine when the case last changed. */
export const assessmentOf = (session: WorkupSession): Assessment | undefined =>
  session.snapshot.context.assessment;
