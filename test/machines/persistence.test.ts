import { createActor } from 'xstate';
import {
  MACHINE_VERSION,
  persistWorkup,
  restoreWorkup,
  salvageCase,
  type PersistedWorkup,
} from '../../machines/persistence';
import type { WorkupEvent } from '../../machines/workup-events';
import { workupMachine } from '../../machines/workup-machine';
import { applyStored } from './drive';
import { ALP_RAISED, BORTEZOMIB_CONTEXT, NO_SYMPTOMS } from './payloads';

function persistedAfter(events: readonly WorkupEvent[]): PersistedWorkup {
  let persisted: PersistedWorkup | undefined;
  for (const event of events) persisted = applyStored(persisted, event).persisted;
  if (persisted === undefined) throw new Error('no events');
  return persisted;
}

const MID_WORKUP: WorkupEvent[] = [
  { type: 'ANSWER', values: ALP_RAISED },
  { type: 'ANSWER', values: BORTEZOMIB_CONTEXT },
  { type: 'ANSWER', values: NO_SYMPTOMS },
];

/** A persisted workup with its snapshot replaced, as an older or damaged store might hold. */
function withSnapshot(persisted: PersistedWorkup, changes: Record<string, unknown>): unknown {
  return { ...persisted, snapshot: { ...(persisted.snapshot as object), ...changes } };
}

describe('persistWorkup / restoreWorkup', () => {
  it('round-trips through JSON text and continues exactly as the original would', () => {
    const persisted = persistedAfter(MID_WORKUP);
    const stored = JSON.parse(JSON.stringify(persisted)) as unknown;
    const restored = restoreWorkup(stored);
    if (!restored.ok) throw new Error(`not restored: ${restored.reason}`);
    expect(persistWorkup(restored.snapshot)).toEqual(persisted);

    const next: WorkupEvent = { type: 'BACK' };
    expect(applyStored(stored as PersistedWorkup, next).persisted).toEqual(
      applyStored(persisted, next).persisted,
    );
  });

  it('persists from a running actor as well as from a snapshot', () => {
    const actor = createActor(workupMachine).start();
    actor.send({ type: 'ANSWER', values: ALP_RAISED });
    expect(persistWorkup(actor)).toEqual(persistWorkup(actor.getSnapshot()));
    actor.stop();
  });

  it('gives a snapshot that a real actor can start from', () => {
    const restored = restoreWorkup(persistedAfter(MID_WORKUP));
    if (!restored.ok) throw new Error(`not restored: ${restored.reason}`);
    const actor = createActor(workupMachine, { snapshot: restored.snapshot }).start();
    expect(actor.getSnapshot().status).toBe('active');
    expect(actor.getSnapshot().context.case).toEqual(restored.snapshot.context.case);
    actor.stop();
  });

  it('refuses a snapshot from another machine version and salvages the answers', () => {
    const persisted = persistedAfter(MID_WORKUP);
    const result = restoreWorkup({ ...persisted, machineVersion: MACHINE_VERSION - 1 });
    expect(result).toEqual({
      ok: false,
      reason: 'version-mismatch',
      enteredCase: { ...ALP_RAISED, ...BORTEZOMIB_CONTEXT, ...NO_SYMPTOMS },
    });
  });

  it('refuses a snapshot naming a state that no longer exists, before any actor starts', () => {
    const persisted = persistedAfter(MID_WORKUP);
    const result = restoreWorkup(withSnapshot(persisted, { value: 'ultrasoundQuestion' }));
    expect(result.ok).toBe(false);
    expect(result).toMatchObject({ reason: 'unknown-state', enteredCase: { alp: ALP_RAISED.alp } });
  });

  it('refuses the transient routing state, which is never a place to resume from', () => {
    const result = restoreWorkup(withSnapshot(persistedAfter(MID_WORKUP), { value: 'routing' }));
    expect(result).toMatchObject({ ok: false, reason: 'unknown-state' });
  });

  it('refuses a snapshot of a nested (older) state shape', () => {
    const result = restoreWorkup(withSnapshot(persistedAfter(MID_WORKUP), { value: { hepatic: 'imaging' } }));
    expect(result).toMatchObject({
      ok: false,
      reason: 'unknown-state',
      enteredCase: { alp: ALP_RAISED.alp },
    });
  });

  it.each([
    ['null', null],
    ['a string', 'workup'],
    ['no snapshot', { machineVersion: MACHINE_VERSION }],
    [
      'a finished snapshot',
      { machineVersion: MACHINE_VERSION, snapshot: { status: 'done', value: 'alp', context: {} } },
    ],
  ])('refuses %s as invalid', (_label, persisted) => {
    expect(restoreWorkup(persisted)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuses a context of the wrong shape but keeps the valid answers', () => {
    const persisted = persistedAfter(MID_WORKUP);
    const context = (persisted.snapshot as { context: Record<string, unknown> }).context;
    const result = restoreWorkup(withSnapshot(persisted, { context: { ...context, revision: -1 } }));
    expect(result).toMatchObject({ ok: false, reason: 'invalid', enteredCase: { alp: ALP_RAISED.alp } });
  });

  it('refuses a context holding a value validation no longer accepts', () => {
    const persisted = persistedAfter(MID_WORKUP);
    const context = (persisted.snapshot as { context: { case: object } }).context;
    const damaged = { ...context, case: { ...context.case, alt: { value: -5, unit: 'U/L', uln: 40 } } };
    const result = restoreWorkup(withSnapshot(persisted, { context: damaged }));
    expect(result).toMatchObject({ ok: false, reason: 'invalid' });
    if (result.ok) return;
    expect(result.enteredCase?.alt).toBeUndefined();
    expect(result.enteredCase?.alp).toEqual(ALP_RAISED.alp);
  });
});

describe('salvageCase', () => {
  it('keeps each valid answer and drops the ones that fail validation', () => {
    const salvaged = salvageCase({
      snapshot: {
        context: {
          case: {
            alp: { value: 180, unit: 'U/L', uln: 120 },
            alt: { value: -5, unit: 'U/L', uln: 40 },
            ggt: { value: 'high' },
            history: { fasting: true },
          },
        },
      },
    });
    expect(salvaged).toEqual({ alp: { value: 180, unit: 'U/L', uln: 120 }, history: { fasting: true } });
  });

  it('finds nothing to salvage in anything else', () => {
    expect(salvageCase(undefined)).toBeUndefined();
    expect(salvageCase({ snapshot: { context: { case: 'x' } } })).toBeUndefined();
    expect(salvageCase({ snapshot: { context: { case: { alt: { value: -1 } } } } })).toBeUndefined();
  });
});
