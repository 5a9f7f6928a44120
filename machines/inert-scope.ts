import {
  createActor,
  type ActorScope,
  type AnyStateMachine,
  type EventFromLogic,
  type SnapshotFrom,
} from 'xstate';

/**
 * XState's pure `transition()` builds a throwaway actor per call, and its constructor computes the
 * machine's initial state: about an eighth of what a turn allocates. Our machines only assign, so
 * they have no actions for an actor to execute, and one inert scope per machine serves every
 * transition (the machine tests check it gives what `transition()` gives).
 */
export function inertScope<TMachine extends AnyStateMachine>(
  machine: TMachine,
  input?: unknown,
): ActorScope<SnapshotFrom<TMachine>, EventFromLogic<TMachine>> {
  const self = createActor(machine as AnyStateMachine, input === undefined ? {} : { input });
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
  } as unknown as ActorScope<SnapshotFrom<TMachine>, EventFromLogic<TMachine>>;
}
