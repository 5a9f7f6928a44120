import type { PartialCase, Assessment } from '../src/clinical';
import {
  advanceWorkup,
  currentStep,
  persistSession,
  persistWorkup,
  restoreWorkup,
  salvageCase,
  salvageSession,
  startSession,
  startWorkup,
  stateOf,
  type PersistedWorkup,
  type SessionSnapshot,
  type SessionState,
  type StepId,
  type WorkupContext,
  type WorkupEvent,
  type WorkupSnapshot,
} from '../machines';
import { readConversationState, type ConversationState } from './conversation-state';

/**
 * One workup as the runner sees it during a turn: the workup machine's snapshot (restored, and as
 * stored) and the session machine's snapshot side by side. Immutable: every change returns a new
 * session.
 */
export interface WorkupSession {
  /** The workup machine's snapshot as storage keeps it, kept up to date with `snapshot`. */
  workup: PersistedWorkup;
  snapshot: WorkupSnapshot;
  session: SessionSnapshot;
}

export type LoadedWorkup =
  /** Nothing stored yet: a new session, at the welcome. */
  | { kind: 'none'; session: WorkupSession }
  /** A workup to continue. */
  | { kind: 'active'; session: WorkupSession }
  /** Stored by an older or incompatible version: a new workup, offering back whatever answers could be read. */
  | { kind: 'outdated'; session: WorkupSession };

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

/** What a new conversation needs to begin: the time, and whether the welcome card was sent already. */
export interface SessionStart {
  now: string;
  welcomeCardShown?: boolean;
}

function outdated(enteredCase: PartialCase | undefined, start: SessionStart): LoadedWorkup {
  const fresh = newSession({ now: start.now });
  if (enteredCase === undefined) return { kind: 'outdated', session: fresh };
  return { kind: 'outdated', session: { ...fresh, session: salvageSession(start.now, enteredCase) } };
}

export function loadWorkup(stored: unknown, start: SessionStart): LoadedWorkup {
  if (stored === undefined || stored === null) return { kind: 'none', session: newSession(start) };
  if (stored instanceof KeptWorkup) return { kind: 'active', session: KeptWorkup.sessionOf(stored) };
  const state = readConversationState(stored);
  if (state === undefined) return outdated(salvageFrom(stored), start);
  const restored = restoreWorkup(state.workup);
  if (!restored.ok) return outdated(restored.enteredCase, start);
  if (state.session === undefined) return outdated(salvageCase(state.workup), start);
  return {
    kind: 'active',
    session: { workup: state.workup, snapshot: restored.snapshot, session: state.session },
  };
}

export function newSession(start: SessionStart): WorkupSession {
  const snapshot = startWorkup();
  return { workup: persistWorkup(snapshot), snapshot, session: startSession(start) };
}

/** What storage keeps of the session: both machines' persisted snapshots, side by side. */
export const storedState = (session: WorkupSession): ConversationState => ({
  ...session.workup,
  ...persistSession(session.session),
});

export interface AppliedToSession {
  session: WorkupSession;
  changed: boolean;
}

/** Sends one event to the workup machine; the session changes only when the machine accepted it. */
export function applyToSession(session: WorkupSession, event: WorkupEvent): AppliedToSession {
  const applied = advanceWorkup(session.snapshot, event);
  if (!applied.changed) return { session, changed: false };
  return {
    session: { ...session, workup: applied.persisted, snapshot: applied.snapshot },
    changed: true,
  };
}

export const stepOf = (session: WorkupSession): StepId => currentStep(session.snapshot);

export const contextOf = (session: WorkupSession): WorkupContext => session.snapshot.context;

export const sessionStateOf = (session: WorkupSession): SessionState => stateOf(session.session);

/** When this workup began (ISO time). */
export const startedAtOf = (session: WorkupSession): string => session.session.context.startedAt;

/** When this workup last changed (ISO time). */
export const updatedAtOf = (session: WorkupSession): string => session.session.context.updatedAt;

/** The engine's assessment, worked out once by the machine when the case last changed. */
export const assessmentOf = (session: WorkupSession): Assessment | undefined =>
  session.snapshot.context.assessment;
