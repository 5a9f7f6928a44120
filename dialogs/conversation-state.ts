import { z } from 'zod';
import { PartialCaseSchema, type PartialCase } from '../src/clinical';
import type { PersistedWorkup } from '../machines';

/**
 * What the conversation stores per workup, in one flat object: the machine's persisted workup
 * (its version and snapshot) beside what only the conversation cares about (when it started and
 * was last touched, whether the disclaimer was shown, an outstanding resume or confirm offer).
 */
export interface ConversationState extends PersistedWorkup {
  startedAt: string;
  updatedAt: string;
  /** The F1 disclaimer has been shown in this workup; it is shown once per workup. */
  disclaimerShown: boolean;
  /** A returning clinician was offered "resume or start over" and has not chosen yet. */
  resumeOffered?: boolean;
  /** Answers read back from a workup saved by an older version, waiting for the clinician's confirmation. */
  salvagedCase?: PartialCase;
}

const conversationFields = {
  startedAt: z.string(),
  updatedAt: z.string(),
  disclaimerShown: z.boolean(),
  resumeOffered: z.boolean().optional(),
  salvagedCase: PartialCaseSchema.optional(),
};

const ConversationStateSchema = z.object({
  machineVersion: z.number(),
  snapshot: z.unknown(),
  ...conversationFields,
});

/** How states were stored until the record was flattened: the machine's workup nested under `workup`. */
const NestedConversationStateSchema = z.object({
  workup: z.object({ machineVersion: z.number(), snapshot: z.unknown() }),
  ...conversationFields,
});

type ParsedState = z.infer<typeof ConversationStateSchema>;

function fromParsed({ resumeOffered, salvagedCase, ...rest }: ParsedState): ConversationState {
  return {
    ...rest,
    ...(resumeOffered === undefined ? {} : { resumeOffered }),
    ...(salvagedCase === undefined ? {} : { salvagedCase }),
  };
}

/**
 * Reads what storage gave back; `undefined` when it is not a conversation state of this shape.
 * A state stored nested, before the record was flattened, is read as the same flat state.
 */
export function readConversationState(stored: unknown): ConversationState | undefined {
  const flat = ConversationStateSchema.safeParse(stored);
  if (flat.success) return fromParsed(flat.data);
  const nested = NestedConversationStateSchema.safeParse(stored);
  if (!nested.success) return undefined;
  const { workup, ...rest } = nested.data;
  return fromParsed({ ...rest, machineVersion: workup.machineVersion, snapshot: workup.snapshot });
}
