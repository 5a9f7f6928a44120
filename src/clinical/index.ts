/** The clinical engine's public API: pure functions and data, importing only zod. */
export * from './case-schema';
export * from './assessment-schema';
export { CASE_FIELD_PATHS, SYMPTOMS, type CaseFieldPath, type Symptom } from './case-field-paths';
export {
  FIELD_REGISTRY,
  QUESTION_GROUPS,
  type FieldEntry,
  type FieldKind,
  type FieldOfKind,
  type QuestionGroup,
} from './field-registry';
export { valueAt, valueAtPath, setValueAt } from './value-at';
export { validateCase, checkPartialCase } from './validate';
export type { Problem, CheckResult } from './problem';
export { assess } from './assess';
export { normalizeLab, type NormalizedLab, type ReportedLab } from './normalize';
export {
  FIELD_INFO,
  LAB_FIELDS,
  SCALAR_FIELDS,
  SYMPTOM_FIELDS,
  TEST_FIELD_PATHS,
  type FieldInfo,
  type LabField,
  type ScalarField,
} from './field-info';
export { RULES } from './rules';
export type { Rule, RuleGroup, SeedId } from './rule';
export { SEED_IDS } from './rule';
export { BIBLIOGRAPHY, sourceUrl, type Reference, type SourceKey } from './bibliography';
export { GLOSSARY, glossarySource, type GlossaryEntry } from './glossary';
export { redFlagSuspicions, type RedFlagSuspicion } from './red-flag-suspicions';
export { CONTENT_VERSION, DISCLAIMER } from './content';
export { renderRulesDocument } from './rules-document';
export { ctcaeAlpGrade, type CtcaeGrade } from './ctcae';
export { inUnit } from './format';
