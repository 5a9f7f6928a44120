import { z } from 'zod';
import type { SnapshotFrom } from 'xstate';
import { checkPartialCase } from '../src/clinical';
import type { PartialCase } from '../src/clinical';
import { isStepId } from './steps';
import { withCase } from './with-case';
import { storedContext, WorkupContextSchema } from './workup-context';
import { workupMachine } from './workup-machine';

/**
 * Bump whenever a state id, the context shape or the meaning of a context field changes: a
 * snapshot saved under another version is not restored but offered as a fresh start.
 */
export const MACHINE_VERSION = 2;

export type WorkupSnapshot = SnapshotFrom<typeof workupMachine>;

/** What storage keeps per workup: plain JSON. */
export interface PersistedWorkup {
  machineVersion: number;
  snapshot: unknown;
}

export type RestoreFailureReason = 'version-mismatch' | 'invalid' | 'unknown-state';

export interface RestoreFailure {
  ok: false;
  reason: RestoreFailureReason;
  /** Whatever answers could be read back and still pass validation, to offer for confirmation. */
  enteredCase?: PartialCase;
}

export type RestoreResult = { ok: true; snapshot: WorkupSnapshot } | RestoreFailure;

/**
 * What XState's `getPersistedSnapshot` gives for this machine, built directly. XState's walks the
 * whole context looking for actor references to replace, `for...in` over every object and array
 * of the case: about a seventh of a turn. This machine has no children, no history states and no
 * actors in its context (its schema is plain JSON), so its persisted snapshot is the snapshot's
 * own JSON values around the stored context. The machine tests check it equals XState's, key order
 * included, in every state.
 */
function persistedSnapshot(snapshot: WorkupSnapshot): unknown {
  return {
    status: snapshot.status,
    output: snapshot.output,
    error: snapshot.error,
    value: snapshot.value,
    historyValue: {},
    // Plain data already: what storage keeps is this object's JSON, so no copy; the values
    // derived from the answers are left out.
    context: storedContext(snapshot.context),
    children: {},
  };
}

export function persistWorkup(from: WorkupSnapshot | { getSnapshot(): WorkupSnapshot }): PersistedWorkup {
  const snapshot = 'getSnapshot' in from ? from.getSnapshot() : from;
  return { machineVersion: MACHINE_VERSION, snapshot: persistedSnapshot(snapshot) };
}

const PersistedEnvelopeSchema = z.object({
  machineVersion: z.number(),
  snapshot: z.looseObject({
    status: z.literal('active'),
    // A nested value is how an older, hierarchical version of the machine would have saved its state.
    value: z.union([z.string(), z.record(z.string(), z.unknown())]),
    context: z.unknown(),
  }),
});

/**
 * Reads back the answers of a snapshot that cannot be restored. Each top-level answer is kept
 * only if the case stays valid with it, so one bad or renamed field does not cost the others.
 */
export function salvageCase(persisted: unknown): PartialCase | undefined {
  const raw = (persisted as { snapshot?: { context?: { case?: unknown } } } | null)?.snapshot?.context?.case;
  if (typeof raw !== 'object' || raw === null) return undefined;
  const whole = checkPartialCase(raw);
  if (whole.ok) return Object.keys(whole.value).length > 0 ? whole.value : undefined;
  let salvaged: PartialCase = {};
  for (const [key, value] of Object.entries(raw)) {
    const checked = checkPartialCase({ ...salvaged, [key]: value });
    if (checked.ok) salvaged = checked.value;
  }
  return Object.keys(salvaged).length > 0 ? salvaged : undefined;
}

function failure(reason: RestoreFailureReason, persisted: unknown): RestoreFailure {
  const enteredCase = salvageCase(persisted);
  return enteredCase === undefined ? { ok: false, reason } : { ok: false, reason, enteredCase };
}

/**
 * Turns stored JSON back into a snapshot, or says why it cannot. Everything is checked before an
 * actor starts: XState accepts a snapshot naming a state that no longer exists and only fails,
 * asynchronously and fatally, when the actor is started.
 */
export function restoreWorkup(persisted: unknown): RestoreResult {
  const envelope = PersistedEnvelopeSchema.safeParse(persisted);
  if (!envelope.success) return failure('invalid', persisted);
  const { machineVersion, snapshot } = envelope.data;
  if (machineVersion !== MACHINE_VERSION) return failure('version-mismatch', persisted);
  if (!isStepId(snapshot.value)) return failure('unknown-state', persisted);
  const context = WorkupContextSchema.safeParse(snapshot.context);
  const checkedCase = context.success ? checkPartialCase(context.data.case) : undefined;
  if (!context.success || !checkedCase?.ok) return failure('invalid', persisted);
  // The machine has no children, timers or history, so a snapshot is its state and its context.
  const restored = workupMachine.resolveState({
    value: snapshot.value,
    context: { ...withCase(checkedCase.value), ...context.data, case: checkedCase.value },
  });
  if (restored.status !== 'active') return failure('unknown-state', persisted);
  return { ok: true, snapshot: restored };
}
