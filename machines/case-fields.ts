import type { PartialCase } from '../src/clinical/case-schema';

/**
 * Every answerable leaf of the case, as a dotted path. Lab results (`alp`, `ggt`, ...) are one
 * field each: their value, unit and ULN are answered together because they come from one report.
 */
export const CASE_FIELD_PATHS = [
  'alp',
  'alpBaseline',
  'alt',
  'ast',
  'ggt',
  'nucleotidase5',
  'bilirubinTotal',
  'bilirubinDirect',
  'calcium',
  'albumin',
  'inr',
  'temperatureC',
  'wbc',
  'crp',
  'boneSpecificAlp',
  'isoenzymes.bonePercent',
  'isoenzymes.liverPercent',
  'isoenzymes.intestinalPercent',
  'isoenzymes.placentalPercent',
  'heatStableAlpPercent',
  'therapy.agent',
  'therapy.weeksOnTherapy',
  'therapy.steroids',
  'therapy.melphalan',
  'therapy.newDrug',
  'history.recentFracture',
  'history.knownBoneDisease',
  'history.bisphosphonate',
  'history.denosumabStopped',
  'history.pregnant',
  'history.pregnancyTrimester',
  'history.ageYears',
  'history.fasting',
  'history.alcohol',
  'history.enzymeInducingDrugs',
  'history.amyloidosis',
  'history.heartFailure',
  'history.renalImpairment',
  'history.liverSpanCm',
  'history.persistentElevation',
  'symptoms.fever',
  'symptoms.jaundice',
  'symptoms.rightUpperQuadrantPain',
  'symptoms.newBonePain',
  'symptoms.neuroDeficit',
  'symptoms.confusion',
  'imaging.ultrasound',
  'ama',
] as const;

export type CaseFieldPath = (typeof CASE_FIELD_PATHS)[number];

/**
 * Fields that are results of a test someone has to order. "Not done yet" for one of these parks
 * the workup until the result comes back; for anything else (history, symptoms) it only moves on.
 */
export const TEST_FIELD_PATHS: readonly CaseFieldPath[] = [
  'alp',
  'alt',
  'ast',
  'ggt',
  'nucleotidase5',
  'bilirubinTotal',
  'bilirubinDirect',
  'calcium',
  'albumin',
  'inr',
  'wbc',
  'crp',
  'boneSpecificAlp',
  'isoenzymes.bonePercent',
  'isoenzymes.liverPercent',
  'isoenzymes.intestinalPercent',
  'isoenzymes.placentalPercent',
  'heatStableAlpPercent',
  'imaging.ultrasound',
  'ama',
];

export function isCaseFieldPath(path: string): path is CaseFieldPath {
  return (CASE_FIELD_PATHS as readonly string[]).includes(path);
}

export function isTestField(path: CaseFieldPath): boolean {
  return TEST_FIELD_PATHS.includes(path);
}

/**
 * The case fields a path names. The engine and the dialogs may name a part of a field
 * (`alp.uln`) or a whole group (`isoenzymes`); both resolve to the answerable fields involved.
 */
export function fieldsNamedBy(path: string): CaseFieldPath[] {
  return CASE_FIELD_PATHS.filter(
    (field) => field === path || field.startsWith(`${path}.`) || path.startsWith(`${field}.`),
  );
}

function valueAt(source: unknown, path: string): unknown {
  let current: unknown = source;
  // Most paths are a single key; splitting them would dominate the cost of routing.
  for (const key of path.includes('.') ? path.split('.') : [path]) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** True when the case holds a value at this path (a whole group counts as known when any member is). */
export function isKnown(caseValues: PartialCase, path: string): boolean {
  const value = valueAt(caseValues, path);
  if (typeof value === 'object' && value !== null) {
    return Object.values(value).some((member) => member !== undefined);
  }
  return value !== undefined;
}

/** The fields a set of answered values fills, in the order of `CASE_FIELD_PATHS`. */
export function fieldsAnsweredBy(values: PartialCase): CaseFieldPath[] {
  return CASE_FIELD_PATHS.filter((field) => isKnown(values, field));
}
