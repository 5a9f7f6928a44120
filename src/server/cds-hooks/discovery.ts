import { ALL_LOINC_CODES, LOINC_SYSTEM } from '../../fhir';

export const SERVICE_ID = 'alp-workup';
export const HOOK = 'patient-view';

/**
 * What the service asks the EHR to send with each call. Observations come newest first
 * (`_sort=-date`, the FHIR search; the spec's own example writes it `sort:desc=date`), so a
 * capped page still holds the latest results; the mapping picks what it needs from them.
 * References are written `Patient/<id>`, which every FHIR server accepts for a reference search.
 * The panels and reports that hold the results are included too (`_revinclude`): a result often
 * carries no date of its own, only its panel does.
 */
export const PREFETCH = {
  patient: 'Patient/{{context.patientId}}',
  observations: `Observation?patient=Patient/{{context.patientId}}&code=${ALL_LOINC_CODES.map((code) => `${LOINC_SYSTEM}|${code}`).join(',')}&_sort=-date&_count=100&_revinclude=Observation:has-member&_revinclude=DiagnosticReport:result`,
  conditions: 'Condition?patient=Patient/{{context.patientId}}',
  medicationRequests: 'MedicationRequest?patient=Patient/{{context.patientId}}&status=active',
  medicationStatements: 'MedicationStatement?patient=Patient/{{context.patientId}}&status=active',
} as const;
export type PrefetchKey = keyof typeof PREFETCH;
export const PREFETCH_KEYS = Object.keys(PREFETCH) as PrefetchKey[];

export const DISCOVERY = {
  services: [
    {
      hook: HOOK,
      id: SERVICE_ID,
      title: 'ALP workup in multiple myeloma',
      description:
        'Reads the latest liver and bone laboratory results and myeloma treatment, and returns the sourced next step for a raised alkaline phosphatase, red flags first.',
      prefetch: PREFETCH,
      usageRequirements:
        'Needs read access to Patient, Observation (laboratory), Condition, MedicationRequest and MedicationStatement; calls must carry a signed JWT (see the README).',
    },
  ],
};

/** A prefetch template with the context filled in, as the service queries it when the EHR did not. */
export const fillTemplate = (template: string, patientId: string): string =>
  template.replaceAll('{{context.patientId}}', patientId);
