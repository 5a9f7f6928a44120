/**
 * FHIR R4 -> case: the mapping the CLI, the CDS Hooks service and the SMART launch share. Pure:
 * it imports only the clinical core and zod, and takes "now" as an argument.
 */
export {
  caseFromFhir,
  mapFhirRecord,
  DEFAULT_LOOKBACK_DAYS,
  type FhirCaseMapping,
  type FhirCaseResult,
  type MappingOptions,
  type SetAside,
} from './case-from-fhir';
export type { LabReading, RefusedReading } from './lab-readings';
export type { AgentOnRecord, ConditionFacts, PatientFacts, MyelomaAgent } from './patient-facts';
export { ANALYTES, ALL_LOINC_CODES, LOINC_SYSTEM, fieldLabel, type MappedField } from './analytes';
export { mappingLines } from './mapping-lines';
