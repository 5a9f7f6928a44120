/** One reason an input was refused: `field` is the case path (machine-readable), `message` is for a clinician. */
export interface Problem {
  field: string;
  message: string;
}

export type CheckResult<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };
