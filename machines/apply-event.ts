import { initialTransition } from 'xstate';
import { inertScope } from './inert-scope';
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

const workupScope = inertScope(workupMachine);

/** One event applied to a workup restored (or started) this turn: what to store and whether anything changed. */
export function advanceWorkup(before: WorkupSnapshot, event: WorkupEvent): AppliedEvent {
  const after = workupMachine.transition(before, event, workupScope);
  const changed = after.context.revision !== before.context.revision || after.value !== before.value;
  return { persisted: persistWorkup(after), snapshot: after, changed };
}
