import { z } from 'zod';
import { PartialCaseSchema } from '../src/clinical';
import {
  restoreSession,
  sessionFromFlags,
  type PersistedSession,
  type PersistedWorkup,
  type SessionSnapshot,
} from '../machines';

/**
 * What the conversation stores per workup, in one flat object: the workup machine's persisted
 * snapshot (its version and snapshot) beside the session machine's (welcome, offers,
 * confirmations, when it started and was last touched, whether the disclaimer was shown).
 */
export type ConversationState = PersistedWorkup & PersistedSession;

/** A stored state read back: the workup still to restore, and the session (undefined: not restorable). */
export interface ReadState {
  workup: PersistedWorkup;
  session: SessionSnapshot | undefined;
}

const ConversationStateSchema = z.object({
  machineVersion: z.number(),
  snapshot: z.unknown(),
  sessionVersion: z.number(),
  session: z.unknown(),
});

/** Until the session machine, the session was flags beside the workup: read them as its snapshot. */
const sessionFlags = {
  startedAt: z.string(),
  updatedAt: z.string(),
  disclaimerShown: z.boolean(),
  resumeOffered: z.boolean().optional(),
  salvagedCase: PartialCaseSchema.optional(),
};

const FlaggedStateSchema = z.object({ machineVersion: z.number(), snapshot: z.unknown(), ...sessionFlags });

/** How states were stored until the record was flattened: the machine's workup nested under `workup`. */
const NestedStateSchema = z.object({
  workup: z.object({ machineVersion: z.number(), snapshot: z.unknown() }),
  ...sessionFlags,
});

type Flags = z.infer<typeof FlaggedStateSchema>;

const fromFlags = ({ resumeOffered, salvagedCase, startedAt, updatedAt, disclaimerShown }: Flags) =>
  sessionFromFlags({
    startedAt,
    updatedAt,
    disclaimerShown,
    ...(resumeOffered === undefined ? {} : { resumeOffered }),
    ...(salvagedCase === undefined ? {} : { salvagedCase }),
  });

/**
 * Reads what storage gave back; `undefined` when it is not a conversation state of any shape this
 * bot wrote. States stored with the session as flags, flat or nested, continue where they were.
 */
export function readConversationState(stored: unknown): ReadState | undefined {
  const current = ConversationStateSchema.safeParse(stored);
  if (current.success) {
    const { machineVersion, snapshot, sessionVersion, session } = current.data;
    return { workup: { machineVersion, snapshot }, session: restoreSession({ sessionVersion, session }) };
  }
  const flagged = FlaggedStateSchema.safeParse(stored);
  if (flagged.success) {
    const { machineVersion, snapshot } = flagged.data;
    return { workup: { machineVersion, snapshot }, session: fromFlags(flagged.data) };
  }
  const nested = NestedStateSchema.safeParse(stored);
  if (!nested.success) return undefined;
  return { workup: nested.data.workup, session: fromFlags({ ...nested.data, ...nested.data.workup }) };
}
