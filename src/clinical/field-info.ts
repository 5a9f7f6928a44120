import { CASE_FIELD_PATHS, type CaseFieldPath } from './case-field-paths';
import { FIELD_REGISTRY, type FieldKind, type FieldOfKind, type Measure } from './field-registry';

/**
 * What the engine knows about each numeric case field, read from the field registry: its label
 * for messages, the units it accepts, the canonical unit it computes in, and the range a real
 * report can fall in (in the canonical unit).
 */
export interface FieldInfo extends Measure {
  /** Accepted units; empty for a unitless number such as the INR. */
  units: readonly string[];
  /** A `{ value, unit?, uln? }` lab result rather than a bare number. */
  isLab: boolean;
}

export type LabField = FieldOfKind<'lab'>;
export type ScalarField = FieldOfKind<'number'>;

const ofKind = <K extends FieldKind>(kind: K): readonly FieldOfKind<K>[] =>
  CASE_FIELD_PATHS.filter((path) => FIELD_REGISTRY[path].kind === kind) as FieldOfKind<K>[];

/** The lab results, in the case schema's order. */
export const LAB_FIELDS: readonly LabField[] = ofKind('lab');
/** The bare numbers, in the case schema's order. */
export const SCALAR_FIELDS: readonly ScalarField[] = ofKind('number');

const infoOf = (path: LabField | ScalarField): FieldInfo => {
  const entry = FIELD_REGISTRY[path];
  return { ...entry.measure, units: Object.keys(entry.measure.factors), isLab: entry.kind === 'lab' };
};

export const FIELD_INFO: Readonly<Record<LabField | ScalarField, FieldInfo>> = Object.fromEntries(
  [...LAB_FIELDS, ...SCALAR_FIELDS].map((path) => [path, infoOf(path)]),
) as Record<LabField | ScalarField, FieldInfo>;

/** The red-flag symptoms as case paths (`symptoms.fever`), in the schema's order: one checklist. */
export const SYMPTOM_FIELDS: readonly FieldOfKind<'symptom'>[] = ofKind('symptom');

/** The results of tests someone has to order, in the schema's order. */
export const TEST_FIELD_PATHS: readonly CaseFieldPath[] = CASE_FIELD_PATHS.filter(
  (path) => FIELD_REGISTRY[path].isTest,
);
