import { z } from 'zod';
import {
  CASE_FIELD_PATHS,
  PartialCaseSchema,
  type Assessment,
  type CaseFieldPath,
  type PartialCase,
} from '../src/clinical';
import { RecordImportSchema, type RecordImport } from './record-import';
import { QUESTION_STEP_IDS, type QuestionStepId, type StepId } from './steps';

/**
 * What the workup remembers between turns. Everything stored is an answer or a choice the
 * clinician made. The engine's assessment of the case rides along, computed once each time the
 * case changes (`withCase`) and never stored: persistence leaves it out and restoring recomputes
 * it, so it can never go stale, and every guard, route and card of a turn reads the same one.
 */
export interface WorkupContext extends StoredWorkupContext {
  /** `assess()` of `case`; undefined until the case holds a valid ALP (the engine needs it). */
  assessment: Assessment | undefined;
  /**
   * Where the transient `routing` state goes: computed on entering it, read by its transitions
   * and cleared on leaving it, so it never outlives the transition or reaches storage.
   */
  route?: StepId;
}

/** The part of the context storage keeps: the clinician's answers and choices. */
export interface StoredWorkupContext {
  /** The answers so far, always valid for `checkPartialCase`. */
  case: PartialCase;
  /** The questions the clinician went through, oldest first: the back stack. */
  answered: QuestionStepId[];
  /** Fields the clinician chose not to answer: never asked again unless edited. */
  skipped: CaseFieldPath[];
  /** Tests "not done yet" that the workup needs: the list of tests to order. */
  pending: CaseFieldPath[];
  /** Fields a question has shown and the clinician answered it: one the engine needs later is asked next. */
  asked: CaseFieldPath[];
  /** Red-flag rule ids the clinician has seen and acknowledged; only a new id interrupts again. */
  acknowledgedRedFlags: string[];
  /** True once the assessment has been shown: from then on every change returns to it. */
  reviewing: boolean;
  /** Incremented on every accepted change, so a card from an earlier turn can be recognised as stale. */
  revision: number;
  /** The last import from the patient's record, when there was one. */
  fromRecord?: RecordImport;
}

export const WorkupContextSchema = z.object({
  case: PartialCaseSchema,
  answered: z.array(z.enum(QUESTION_STEP_IDS)),
  skipped: z.array(z.enum(CASE_FIELD_PATHS)),
  pending: z.array(z.enum(CASE_FIELD_PATHS)),
  asked: z.array(z.enum(CASE_FIELD_PATHS)),
  acknowledgedRedFlags: z.array(z.string()),
  reviewing: z.boolean(),
  revision: z.number().int().nonnegative(),
  fromRecord: RecordImportSchema.optional(),
});

/** What storage keeps of a context: everything but the values derived from it. */
export function storedContext(context: WorkupContext): StoredWorkupContext {
  const { assessment: _assessment, route: _route, ...stored } = context;
  return stored;
}

export function freshContext(revision: number): WorkupContext {
  return {
    case: {},
    assessment: undefined,
    answered: [],
    skipped: [],
    pending: [],
    asked: [],
    acknowledgedRedFlags: [],
    reviewing: false,
    revision,
  };
}
