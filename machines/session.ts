import type { SnapshotFrom } from 'xstate';
import { z } from 'zod';
import { checkPartialCase, PartialCaseSchema, type PartialCase } from '../src/clinical';
import { inertScope } from './inert-scope';
import type { SessionDecision } from './session-decisions';
import type { SessionEvent, SessionInput } from './session-events';
import { sessionMachine, type SessionContext } from './session-machine';

/** Starting, advancing, storing and restoring the session machine: its whole surface for `dialogs/`. */

export type SessionSnapshot = SnapshotFrom<typeof sessionMachine>;
export type SessionState = 'welcome' | 'inWorkup' | 'resumeOffered' | 'salvageOffered' | ConfirmingState;
export type ConfirmingState = 'confirmingForget' | 'confirmingRestart' | 'confirmingCancel';

const SESSION_STATES = Object.keys(sessionMachine.root.states) as SessionState[];

/**
 * Bump whenever a state id, the context shape or the meaning of a context field changes. A session
 * snapshot of another version is read like a record from before the session machine: from its
 * workup alone.
 */
export const SESSION_VERSION = 1;

/** What storage keeps of the session, beside the workup machine's snapshot. */
export interface PersistedSession {
  sessionVersion: number;
  session: unknown;
}

export const stateOf = (snapshot: SessionSnapshot): SessionState => snapshot.value as SessionState;

export const isConfirming = (snapshot: SessionSnapshot): boolean =>
  stateOf(snapshot).startsWith('confirming');

/** An offer to resume, or to take back answers from an older version, is open. */
export const isOffering = (snapshot: SessionSnapshot): boolean =>
  stateOf(snapshot) === 'resumeOffered' || stateOf(snapshot) === 'salvageOffered';

const resolve = (value: SessionState, context: SessionContext): SessionSnapshot =>
  sessionMachine.resolveState({ value, context });

/**
 * A new session, at the welcome: the machine's initial state and context, resolved directly.
 * XState's `initialTransition` first builds an inert actor without the input, whose initial
 * context cannot be computed (it throws and is caught inside XState): a few microseconds and an
 * exception on every new conversation. The graph test checks both give the same snapshot.
 */
export function startSession(input: SessionInput): SessionSnapshot {
  return resolve('welcome', {
    startedAt: input.now,
    updatedAt: input.now,
    disclaimerShown: input.welcomeCardShown === true,
    confirmation: 0,
  });
}

/** A workup saved by an older version could not be restored; these answers are offered back. */
export function salvageSession(now: string, salvagedCase: PartialCase): SessionSnapshot {
  return resolve('salvageOffered', {
    startedAt: now,
    updatedAt: now,
    disclaimerShown: false,
    salvagedCase,
    confirmation: 0,
  });
}

/** How the conversation stored the session before the session machine: flags beside the workup. */
export interface SessionFlags {
  startedAt: string;
  updatedAt: string;
  disclaimerShown: boolean;
  resumeOffered?: boolean;
  salvagedCase?: PartialCase;
}

/** A record stored with those flags continues exactly where it was: in the offer it had open, or in the workup. */
export function sessionFromFlags({ resumeOffered, salvagedCase, ...times }: SessionFlags): SessionSnapshot {
  const state = salvagedCase !== undefined ? 'salvageOffered' : resumeOffered ? 'resumeOffered' : 'inWorkup';
  return resolve(state, {
    ...times,
    ...(salvagedCase === undefined ? {} : { salvagedCase }),
    confirmation: 0,
  });
}

const StoredSessionSchema = z.object({
  status: z.literal('active'),
  value: z.enum(SESSION_STATES as [SessionState, ...SessionState[]]),
  context: z.object({
    startedAt: z.string(),
    updatedAt: z.string(),
    disclaimerShown: z.boolean(),
    salvagedCase: PartialCaseSchema.optional(),
    confirmation: z.number().int().nonnegative(),
  }),
});

/**
 * What XState's `getPersistedSnapshot` gives, built directly, as the workup machine's persistence
 * does (XState's walks the context looking for actors): the machine has no children, no history
 * states and a plain JSON context. The graph test checks it equals XState's in every reachable state.
 */
export function persistSession(snapshot: SessionSnapshot): PersistedSession {
  return {
    sessionVersion: SESSION_VERSION,
    session: {
      status: snapshot.status,
      output: snapshot.output,
      error: snapshot.error,
      value: snapshot.value,
      historyValue: {},
      context: snapshot.context,
      children: {},
    },
  };
}

/** The stored session, or undefined when it is of another version or shape. Checked before any actor sees it. */
export function restoreSession(persisted: PersistedSession): SessionSnapshot | undefined {
  if (persisted.sessionVersion !== SESSION_VERSION) return undefined;
  const parsed = StoredSessionSchema.safeParse(persisted.session);
  if (!parsed.success) return undefined;
  const { salvagedCase, ...context } = parsed.data.context;
  const checked = salvagedCase === undefined ? undefined : checkPartialCase(salvagedCase);
  if (checked !== undefined && !checked.ok) return undefined;
  return resolve(parsed.data.value, { ...context, ...(checked?.ok ? { salvagedCase: checked.value } : {}) });
}

export interface AdvancedSession {
  snapshot: SessionSnapshot;
  decision: SessionDecision;
  /** Whether what storage keeps of the session changed: its state or its context. */
  changed: boolean;
}

const sessionScope = inertScope(sessionMachine, { now: new Date(0).toISOString() });

/**
 * One event: the transition it selects (every state handles every event, so there is one) says
 * what was decided. A transition that only decides, staying where it is with nothing to assign,
 * leaves the snapshot as it is without running a macrostep: most messages in a workup.
 */
export function advanceSession(before: SessionSnapshot, event: SessionEvent): AdvancedSession {
  const [selected] = sessionMachine.getTransitionData(before, event);
  const decision = selected?.meta?.decision ?? 'nothing';
  if (selected !== undefined && selected.target === undefined && selected.actions.length === 0) {
    return { snapshot: before, decision, changed: false };
  }
  const after = sessionMachine.transition(before, event, sessionScope);
  return {
    snapshot: after,
    decision,
    changed: after.value !== before.value || after.context !== before.context,
  };
}
