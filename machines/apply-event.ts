import { createActor, initialTransition, type ActorScope } from 'xstate';
import {
  persistWorkup,
  restoreWorkup,
  type PersistedWorkup,
  type RestoreFailure,
  type WorkupSnapshot,
} from './persistence';
import type { WorkupEvent } from './workup-events';
import { workupMachine } from './workup-machine';

export interface AppliedEvent {
  persisted: PersistedWorkup;
  snapshot: WorkupSnapshot;
  /** False when the machine ignored or refused the event: nothing to save, nothing new to show. */
  changed: boolean;
  /** Set when the stored workup could not be restored and a fresh one was started instead. */
  restoreFailure?: RestoreFailure;
}

/** A new workup, at the first question. */
export function startWorkup(): WorkupSnapshot {
  return initialTransition(workupMachine)[0];
}

/**
 * One turn: restore (or start) the workup, apply the event, and return what to store. Pure:
 * `transition()` computes the next snapshot without running an actor, and the machine has no
 * side effects to lose by not running one.
 */
export function applyEvent(persisted: PersistedWorkup | undefined, event: WorkupEvent): AppliedEvent {
  const restored = persisted === undefined ? undefined : restoreWorkup(persisted);
  const before = restored?.ok === true ? restored.snapshot : startWorkup();
  return {
    ...advanceWorkup(before, event),
    ...(restored?.ok === false ? { restoreFailure: restored } : {}),
  };
}

/**
 * XState's pure `transition()` builds a throwaway actor per call, and its constructor computes the
 * machine's initial state: about an eighth of what a turn allocates. The machine only assigns, so it
 * has no actions for an actor to execute, and one inert scope serves every transition (the
 * machine tests check it gives what `transition()` gives).
 */
const inertScope: ActorScope<WorkupSnapshot, WorkupEvent> = (() => {
  const self = createActor(workupMachine);
  return {
    self,
    id: '',
    sessionId: '',
    system: self.system,
    logger: () => undefined,
    defer: () => undefined,
    emit: () => undefined,
    stopChild: () => undefined,
    actionExecutor: () => undefined,
  };
})();

/** The same step for a workup already restored this turn: restoring it again would repeat every check. */
export function advanceWorkup(before: WorkupSnapshot, event: WorkupEvent): AppliedEvent {
  const after = workupMachine.transition(before, event, inertScope);
  const changed = after.context.revision !== before.context.revision || after.value !== before.value;
  return { persisted: persistWorkup(after), snapshot: after, changed };
}
