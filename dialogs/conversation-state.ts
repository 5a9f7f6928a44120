import { z } from 'zod';
import { PartialCaseSchema, type PartialCase } from '../src/clinical';
import type { PersistedWorkup } from '../machines';

/**
 * What the conversation stores per workup: the machine's persisted workup plus what only the
 * conversation cares about (when it started and was last touched, whether the disclaimer was
 * shown, an outstanding resume or confirm offer). The machine stays free of presentation state.
 */
export interface ConversationState {
  workup: PersistedWorkup;
  startedAt: string;
  updatedAt: string;
  /** The F1 disclaimer has been shown in this workup; it is shown once per workup. */
  disclaimerShown: boolean;
  /** A returning clinician was offered "resume or start over" and has not chosen yet. */
  resumeOffered?: boolean;
  /** Answers read back from a workup saved by an older version, waiting for the clinician's confirmation. */
  salvagedCase?: PartialCase;
}

const ConversationStateSchema = z.object({
  workup: z.object({ machineVersion: z.number(), snapshot: z.unknown() }),
  startedAt: z.string(),
  updatedAt: z.string(),
  disclaimerShown: z.boolean(),
  resumeOffered: z.boolean().optional(),
  salvagedCase: PartialCaseSchema.optional(),
});

/** Reads what storage gave back; `undefined` when it is not a conversation state of this shape. */
export function readConversationState(stored: unknown): ConversationState | undefined {
  const parsed = ConversationStateSchema.safeParse(stored);
  if (parsed.success) {
    const { resumeOffered, salvagedCase, ...rest } = parsed.data;
    return {
      ...rest,
      workup: parsed.data.workup as PersistedWorkup,
      ...(resumeOffered === undefined ? {} : { resumeOffered }),
      ...(salvagedCase === undefined ? {} : { salvagedCase }),
    };
  }
  return undefined;
}
