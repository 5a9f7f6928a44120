import { createActor, initialTransition, type ActorScope } from 'xstate';
import { persistWorkup, type PersistedWorkup, type WorkupSnapshot } from './persistence';
import type { WorkupEvent } from './workup-events';
import { workupMachine } from './workup-machine';

export interface AppliedEvent {
  persisted: PersistedWorkup;
  snapshot: WorkupSnapshot;
  /** False when the machine ignored or refused the event: nothing to save, nothing new to show. */
  changed: boolean;
}

/** A new workup, at the first question. */
export function startWorkup(): WorkupSnapshot {
  return initialTransition(workupMachine)[0];
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

/** One event applied to a workup restored (or started) this turn: what to store and whether anything changed. */
export function advanceWorkup(before: WorkupSnapshot, event: WorkupEvent): AppliedEvent {
  const after = workupMachine.transition(before, event, inertScope);
  const changed = after.context.revision !== before.context.revision || after.value !== before.value;
  return { persisted: persistWorkup(after), snapshot: after, changed };
}
