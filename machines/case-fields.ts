import {
  CASE_FIELD_PATHS,
  TEST_FIELD_PATHS,
  valueAt,
  type CaseFieldPath,
  type PartialCase,
} from '../src/clinical';

/**
 * Whether a field is the result of a test someone has to order. "Not done yet" for one of these
 * parks the workup until the result comes back; for anything else (history, symptoms) it only moves on.
 */
export function isTestField(path: CaseFieldPath): boolean {
  return TEST_FIELD_PATHS.includes(path);
}

const namedBy = (path: string): CaseFieldPath[] =>
  CASE_FIELD_PATHS.filter(
    (field) => field === path || field.startsWith(`${path}.`) || path.startsWith(`${field}.`),
  );

// Routing asks this of the engine's missing paths for every question, every turn. The paths the
// engine and the cards use are known in advance; anything else (a damaged card) is computed.
const NAMED_BY = new Map<string, readonly CaseFieldPath[]>(
  [
    ...CASE_FIELD_PATHS,
    ...CASE_FIELD_PATHS.map((field) => field.split('.')[0]!),
    ...CASE_FIELD_PATHS.flatMap((field) => ['value', 'unit', 'uln'].map((part) => `${field}.${part}`)),
  ].map((path) => [path, namedBy(path)]),
);

/**
 * The case fields a path names. The engine and the dialogs may name a part of a field
 * (`alp.uln`) or a whole group (`isoenzymes`); both resolve to the answerable fields involved.
 */
export function fieldsNamedBy(path: string): readonly CaseFieldPath[] {
  return NAMED_BY.get(path) ?? namedBy(path);
}

// Most lookups are of the schema's own paths: split once.
const PATH_PARTS = new Map(
  [...CASE_FIELD_PATHS, ...new Set(CASE_FIELD_PATHS.map((field) => field.split('.')[0]!))].map((path) => [
    path,
    path.split('.'),
  ]),
);

/** True when the case holds a value at this path (a whole group counts as known when any member is). */
export function isKnown(caseValues: PartialCase, path: string): boolean {
  const value = valueAt(caseValues, PATH_PARTS.get(path) ?? path.split('.'));
  if (typeof value === 'object' && value !== null) {
    return Object.values(value).some((member) => member !== undefined);
  }
  return value !== undefined;
}

/** The fields a set of answered values fills, in the order of `CASE_FIELD_PATHS`. */
export function fieldsAnsweredBy(values: PartialCase): CaseFieldPath[] {
  return CASE_FIELD_PATHS.filter((field) => isKnown(values, field));
}
