import { startWorkup } from '../../machines/apply-event';
import { currentStep } from '../../machines/current-step';
import { MACHINE_VERSION, persistWorkup } from '../../machines/persistence';
import { applyStored } from './drive';
import { ALP_RAISED, BORTEZOMIB_CONTEXT } from './payloads';

describe('advanceWorkup, on a restored or a new workup', () => {
  it('starts a workup when there is none and applies the event to it', () => {
    const turn = applyStored(undefined, { type: 'ANSWER', values: ALP_RAISED });
    expect(turn.changed).toBe(true);
    expect(currentStep(turn.snapshot)).toBe('redFlags');
    expect(turn.persisted).toEqual(persistWorkup(turn.snapshot));
    expect(turn.persisted.machineVersion).toBe(MACHINE_VERSION);
  });

  it('continues from the stored workup', () => {
    const first = applyStored(undefined, { type: 'ANSWER', values: ALP_RAISED });
    const second = applyStored(first.persisted, { type: 'ANSWER', values: BORTEZOMIB_CONTEXT });
    expect(currentStep(second.snapshot)).toBe('redFlags');
    expect(second.snapshot.context.case).toEqual({ ...ALP_RAISED, ...BORTEZOMIB_CONTEXT });
    expect(second.snapshot.context.revision).toBe(2);
  });

  it('reports an ignored event as unchanged and returns the same workup', () => {
    const first = applyStored(undefined, { type: 'ANSWER', values: ALP_RAISED });
    const ignored = applyStored(first.persisted, { type: 'ACK_RED_FLAG' });
    expect(ignored.changed).toBe(false);
    expect(ignored.persisted).toEqual(first.persisted);
  });

  it('reports a refused answer as unchanged', () => {
    const refused = applyStored(undefined, {
      type: 'ANSWER',
      values: { alp: { value: -5, unit: 'U/L', uln: 120 } },
    });
    expect(refused.changed).toBe(false);
    expect(refused.snapshot.context.case).toEqual({});
  });
});

describe('startWorkup and currentStep', () => {
  it('start at the ALP question', () => {
    expect(currentStep(startWorkup())).toBe('alp');
  });

  it('refuse a snapshot that is not at a step', () => {
    expect(() => currentStep({ value: 'routing' })).toThrow(RangeError);
  });
});
