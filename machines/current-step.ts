import { isStepId, type StepId } from './steps';
import type { WorkupSnapshot } from './persistence';

/**
 * The step a snapshot is at. The transient `routing` state never survives a transition, so a
 * snapshot from the machine is always at a step; anything else is a programming error.
 */
export function currentStep(snapshot: Pick<WorkupSnapshot, 'value'>): StepId {
  const value: unknown = snapshot.value;
  if (!isStepId(value)) throw new RangeError(`Workup snapshot is not at a step: ${JSON.stringify(value)}`);
  return value;
}
