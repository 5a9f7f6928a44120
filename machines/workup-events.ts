import type { PartialCase } from '../src/clinical';
import type { RecordImport } from './record-import';

/** One or many answered fields (a card submit, a typed value, a pasted report). */
export interface AnswerEvent {
  type: 'ANSWER';
  values: PartialCase;
}

/**
 * "Not done yet". Without `fields` it covers everything the current question still needs;
 * with `fields` only those case paths (e.g. `['imaging.ultrasound']`).
 */
export interface NotDoneEvent {
  type: 'NOT_DONE';
  fields?: string[];
}

export interface SkipEvent {
  type: 'SKIP';
}

export interface BackEvent {
  type: 'BACK';
}

/** Go to the question that asks `field` (a case path such as `alt` or `history.fasting`). */
export interface EditEvent {
  type: 'EDIT';
  field: string;
}

export interface RestartEvent {
  type: 'RESTART';
}

export interface ResumeEvent {
  type: 'RESUME';
}

export interface AckRedFlagEvent {
  type: 'ACK_RED_FLAG';
}

/** Values read from the patient's record, with their dates: they fill what the clinician has not typed. */
export interface ImportRecordEvent {
  type: 'IMPORT_RECORD';
  imported: RecordImport;
}

export type WorkupEvent =
  | AnswerEvent
  | NotDoneEvent
  | SkipEvent
  | BackEvent
  | EditEvent
  | RestartEvent
  | ResumeEvent
  | AckRedFlagEvent
  | ImportRecordEvent;
