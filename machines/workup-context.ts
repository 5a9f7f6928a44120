import { z } from 'zod';
import { CASE_FIELD_PATHS, PartialCaseSchema, type CaseFieldPath, type PartialCase } from '../src/clinical';
import { RecordImportSchema, type RecordImport } from './record-import';
import { QUESTION_STEP_IDS, type QuestionStepId } from './steps';

/**
 * What the workup remembers between turns. Everything here is an answer or a choice the
 * clinician made; anything that can be recomputed from the case (pattern, origin, red flags,
 * what is missing) is recomputed with `assess()` when needed, so it can never go stale.
 */
export interface WorkupContext {
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

export function freshContext(revision: number): WorkupContext {
  return {
    case: {},
    answered: [],
    skipped: [],
    pending: [],
    asked: [],
    acknowledgedRedFlags: [],
    reviewing: false,
    revision,
  };
}
