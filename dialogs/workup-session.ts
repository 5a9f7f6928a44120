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

/** Answers read back from a state of another shape: flat, or nested under `workup` as states once were. */
const salvageFrom = (stored: unknown): PartialCase | undefined => {
  const nested = (stored as { workup?: unknown } | null)?.workup;
  return salvageCase(nested ?? stored);
};

/**
 * A workup as a turn left it, opaque outside `dialogs/`. A caller may keep it and hand it back
 * to the next turn in place of the stored state, while storage still holds the state that turn
 * returned (the bot does, by eTag): the turn then starts from the session itself, without the
 * state being parsed, checked, restored and assessed again.
 */
export class KeptWorkup {
  readonly #session: WorkupSession;

  constructor(session: WorkupSession) {
    this.#session = session;
  }

  static sessionOf(kept: KeptWorkup): WorkupSession {
    return kept.#session;
  }
}

export function loadWorkup(stored: unknown): LoadedWorkup {
  if (stored === undefined || stored === null) return { kind: 'none' };
  if (stored instanceof KeptWorkup) return { kind: 'active', session: KeptWorkup.sessionOf(stored) };
  const state = readConversationState(stored);
  if (state === undefined) {
    const enteredCase = salvageFrom(stored);
    return enteredCase === undefined ? { kind: 'outdated' } : { kind: 'outdated', enteredCase };
  }
  const restored = restoreWorkup({ machineVersion: state.machineVersion, snapshot: state.snapshot });
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
    state: { ...persistWorkup(snapshot), startedAt: now, updatedAt: now, disclaimerShown: false },
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
      state: { ...session.state, ...applied.persisted, updatedAt: now },
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
