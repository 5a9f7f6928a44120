import type * as fhir4 from 'fhir/r4';

type Keyed = 'patient' | 'observations' | 'conditions' | 'medicationRequests' | 'medicationStatements';

const searchset = (resources: fhir4.FhirResource[]): fhir4.Bundle => ({
  resourceType: 'Bundle',
  type: 'searchset',
  total: resources.length,
  entry: resources.map((resource) => ({ resource, search: { mode: 'match' } })),
});

export const resourcesOf = (bundle: fhir4.Bundle): fhir4.FhirResource[] =>
  (bundle.entry ?? []).flatMap((e) => (e.resource === undefined ? [] : [e.resource as fhir4.FhirResource]));

/** A collection Bundle split into the prefetch an EHR would send for the service's templates. */
export function prefetchOf(bundle: fhir4.Bundle): Record<Keyed, unknown> {
  const resources = resourcesOf(bundle);
  const of = (type: string) => resources.filter((r) => r.resourceType === type);
  return {
    patient: of('Patient')[0] ?? null,
    observations: searchset(of('Observation')),
    conditions: searchset(of('Condition')),
    medicationRequests: searchset(of('MedicationRequest')),
    medicationStatements: searchset(of('MedicationStatement')),
  };
}

export const patientIdOf = (bundle: fhir4.Bundle): string =>
  resourcesOf(bundle).find((r) => r.resourceType === 'Patient')?.id ?? '';
