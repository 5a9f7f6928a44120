import type { Case } from './case-schema';
import { FIELD_INFO, LAB_FIELDS, type LabField } from './field-info';
import { displayUnit } from './units';

/** A lab result as reported (unit and ULN in the same unit as the value). */
export interface ReportedLab {
  value: number;
  unit?: string;
  uln?: number;
}

/** A lab result in its canonical unit, with the multiple of the reporting lab's ULN when that is known. */
export interface NormalizedLab {
  field: LabField;
  value: number;
  unit: string;
  uln?: number;
  xUln?: number;
  /** The unit the value was converted from, in display form. */
  reportedUnit: string;
  /** True when no unit was given and the canonical unit was assumed. */
  unitAssumed: boolean;
  reportedValue: number;
  reportedUln?: number;
}

const normalizedByLab = new WeakMap<ReportedLab, Map<LabField, NormalizedLab>>();

/**
 * Converts a validated lab result to its field's canonical unit. The ULN is converted with the
 * same factor, so the multiple of ULN does not depend on the unit. A unit the field does not
 * accept is a programming error here (validation refuses it first), hence the throw.
 */
export function normalizeLab(field: LabField, lab: ReportedLab): NormalizedLab {
  // A checked case is frozen, so its labs cannot change: plausibility and assess, before and
  // after an answer, all normalise the same lab objects during one turn.
  if (!Object.isFrozen(lab)) return convertLab(field, lab);
  const byField = normalizedByLab.get(lab) ?? new Map<LabField, NormalizedLab>();
  normalizedByLab.set(lab, byField);
  let normalized = byField.get(field);
  if (normalized === undefined) {
    normalized = Object.freeze(convertLab(field, lab));
    byField.set(field, normalized);
  }
  return normalized;
}

function convertLab(field: LabField, lab: ReportedLab): NormalizedLab {
  const info = FIELD_INFO[field];
  const unit = lab.unit ?? info.units[0] ?? info.canonicalUnit;
  const factor = info.factors[unit];
  if (factor === undefined) {
    throw new RangeError(`${field}: unit ${unit} is not one of ${info.units.join(', ')}`);
  }
  const keepsReportedUnit = field === 'boneSpecificAlp';
  const value = lab.value * factor;
  const uln = lab.uln === undefined ? undefined : lab.uln * factor;
  return {
    field,
    value,
    unit: keepsReportedUnit ? displayUnit(unit) : info.canonicalUnit,
    ...(uln === undefined ? {} : { uln, xUln: value / uln }),
    reportedUnit: displayUnit(unit),
    unitAssumed: lab.unit === undefined,
    reportedValue: lab.value,
    ...(lab.uln === undefined ? {} : { reportedUln: lab.uln }),
  };
}

export type NormalizedLabs = Partial<Record<LabField, NormalizedLab>>;

/** The case as the rules see it: the original answers plus every lab in canonical units. */
export interface NormalizedCase {
  input: Case;
  labs: NormalizedLabs & { alp: NormalizedLab };
}

export function normalizeCase(c: Case): NormalizedCase {
  const labs: NormalizedLabs = {};
  for (const field of LAB_FIELDS) {
    const reported = c[field];
    if (reported !== undefined) labs[field] = normalizeLab(field, reported);
  }
  return { input: c, labs: { ...labs, alp: normalizeLab('alp', c.alp) } };
}
