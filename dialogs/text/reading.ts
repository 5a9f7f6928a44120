/**
 * What the text parsers report back. A `Reading` is one lab value exactly as it was read, so the
 * conversation can echo "I read: ..." and the clinician can catch a misreading before it counts.
 */
export interface Reading {
  /** Case path, e.g. "alp", "bilirubinTotal", "isoenzymes.bonePercent". */
  field: string;
  value: number;
  /** The case schema's spelling of the unit that was written; absent when none was written. */
  unit?: string;
  /** The reporting lab's upper limit of normal, when the text gave one. */
  uln?: number;
  /** The matched text, verbatim. */
  source: string;
}

/** A non-numeric answer read from words ("no fever", "on Velcade for 6 weeks"). */
export interface AnswerReading {
  field: string;
  answer: boolean | number | string;
  source: string;
}

/** A machine-readable case path and a message for a clinician, as the clinical engine reports them. */
export type { Problem } from '../../src/clinical';
