import type * as fhir4 from 'fhir/r4';

/**
 * FHIR R4 Bundles of our own for myeloma cases, typed against @types/fhir's R4 namespace. Each
 * carries the mess a real EHR export has: panel members without a date, quantities with a
 * human unit and no UCUM code, an earlier result for the same analyte, a unit we do not know.
 */
type Resource =
  | fhir4.Patient
  | fhir4.Observation
  | fhir4.Condition
  | fhir4.MedicationRequest
  | fhir4.MedicationStatement
  | fhir4.DiagnosticReport;

const DAY = 24 * 60 * 60 * 1000;
export const NOW = new Date('2026-11-30T09:00:00Z');
export const daysAgo = (days: number): string => new Date(NOW.getTime() - days * DAY).toISOString();

const LOINC = 'http://loinc.org';
const UCUM = 'http://unitsofmeasure.org';

export interface Lab {
  id: string;
  loinc: string;
  display?: string;
  value: number;
  unit: string;
  /** false: a human unit only, no UCUM code (as in HL7's own examples). */
  ucum?: boolean;
  uln?: number;
  /** Omitted: the result takes its panel's date. */
  date?: string;
  rangeType?: 'normal' | 'therapeutic';
}

export function observation(patientId: string, lab: Lab): fhir4.Observation {
  const quantity: fhir4.Quantity =
    lab.ucum === false
      ? { value: lab.value, unit: lab.unit }
      : { value: lab.value, unit: lab.unit, system: UCUM, code: lab.unit };
  const range: fhir4.ObservationReferenceRange | undefined =
    lab.uln === undefined
      ? undefined
      : {
          high:
            lab.ucum === false
              ? { value: lab.uln, unit: lab.unit }
              : { value: lab.uln, unit: lab.unit, system: UCUM, code: lab.unit },
          ...(lab.rangeType === undefined
            ? {}
            : {
                type: {
                  coding: [
                    {
                      system: 'http://terminology.hl7.org/CodeSystem/referencerange-meaning',
                      code: lab.rangeType,
                    },
                  ],
                },
              }),
        };
  return {
    resourceType: 'Observation',
    id: lab.id,
    status: 'final',
    category: [
      {
        coding: [
          { system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'laboratory' },
        ],
      },
    ],
    code: {
      coding: [
        { system: LOINC, code: lab.loinc, ...(lab.display === undefined ? {} : { display: lab.display }) },
      ],
    },
    subject: { reference: `Patient/${patientId}` },
    ...(lab.date === undefined ? {} : { effectiveDateTime: lab.date }),
    valueQuantity: quantity,
    ...(range === undefined ? {} : { referenceRange: [range] }),
  };
}

/** A panel whose members carry no date of their own. */
export function panel(patientId: string, id: string, date: string, labs: readonly Lab[]): Resource[] {
  const members = labs.map((lab) => observation(patientId, { ...lab, date: undefined }));
  return [
    {
      resourceType: 'Observation',
      id,
      status: 'final',
      code: {
        coding: [
          { system: LOINC, code: '24325-3', display: 'Hepatic function 2000 panel - Serum or Plasma' },
        ],
      },
      subject: { reference: `Patient/${patientId}` },
      effectiveDateTime: date,
      hasMember: members.map((m) => ({ reference: `Observation/${m.id}` })),
    },
    ...members,
  ];
}

export const patient = (id: string, gender: 'male' | 'female', birthDate: string): fhir4.Patient => ({
  resourceType: 'Patient',
  id,
  gender,
  birthDate,
});

export const condition = (patientId: string, id: string, code: string, display: string): fhir4.Condition => ({
  resourceType: 'Condition',
  id,
  clinicalStatus: {
    coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }],
  },
  verificationStatus: {
    coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: 'confirmed' }],
  },
  code: { coding: [{ system: 'http://snomed.info/sct', code, display }], text: display },
  subject: { reference: `Patient/${patientId}` },
});

export const myeloma = (patientId: string): fhir4.Condition =>
  condition(patientId, `${patientId}-mm`, '109989006', 'Multiple myeloma');

export const medicationRequest = (
  patientId: string,
  id: string,
  text: string,
  authoredOn: string,
): fhir4.MedicationRequest => ({
  resourceType: 'MedicationRequest',
  id,
  status: 'active',
  intent: 'order',
  medicationCodeableConcept: { text },
  subject: { reference: `Patient/${patientId}` },
  authoredOn,
});

export function bundle(resources: readonly Resource[]): fhir4.Bundle {
  return {
    resourceType: 'Bundle',
    type: 'collection',
    entry: resources.map((resource) => ({
      fullUrl: `urn:uuid:${resource.resourceType}-${resource.id ?? ''}`,
      resource,
    })),
  };
}

/** Week 6 of bortezomib: ALP rising from a normal pre-treatment baseline, liver tests normal (bone origin). */
export function bortezomibWeek6(): fhir4.Bundle {
  const id = 'mm-bortezomib';
  return bundle([
    patient(id, 'female', '1959-03-14'),
    myeloma(id),
    {
      resourceType: 'MedicationStatement',
      id: 'mm-bortezomib-velcade',
      status: 'active',
      medicationCodeableConcept: {
        coding: [
          { system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '358258', display: 'bortezomib' },
        ],
      },
      subject: { reference: `Patient/${id}` },
      effectivePeriod: { start: daysAgo(42) },
    },
    observation(id, {
      id: 'mm-b-alp-baseline',
      loinc: '6768-6',
      value: 95,
      unit: 'U/L',
      uln: 120,
      date: daysAgo(50),
    }),
    observation(id, {
      id: 'mm-b-alp-week4',
      loinc: '6768-6',
      value: 150,
      unit: 'U/L',
      uln: 120,
      date: daysAgo(14),
    }),
    ...panel(id, 'mm-b-lft', daysAgo(1), [
      { id: 'mm-b-alp', loinc: '6768-6', value: 190, unit: 'U/L', uln: 120, ucum: false },
      { id: 'mm-b-alt', loinc: '1742-6', value: 24, unit: 'U/L', uln: 40, ucum: false },
      { id: 'mm-b-ast', loinc: '1920-8', value: 22, unit: 'U/L', uln: 40 },
      { id: 'mm-b-ggt', loinc: '2324-2', value: 28, unit: 'U/L', uln: 60 },
      { id: 'mm-b-bili', loinc: '14631-6', value: 9, unit: 'umol/L', uln: 21, ucum: false },
      { id: 'mm-b-dbili', loinc: '14629-0', value: 2, unit: 'nmol/mL' },
    ]),
    observation(id, {
      id: 'mm-b-ca',
      loinc: '17861-6',
      value: 9.4,
      unit: 'mg/dL',
      uln: 10.5,
      date: daysAgo(1),
    }),
    observation(id, { id: 'mm-b-alb', loinc: '1751-7', value: 38, unit: 'g/L', date: daysAgo(1) }),
  ]);
}

/** Hy's law on lenalidomide: ALT and AST far above 3x ULN, bilirubin above 2x ULN, ALP under 2x ULN. */
export function hysLaw(): fhir4.Bundle {
  const id = 'mm-hy';
  return bundle([
    patient(id, 'male', '1955-07-02'),
    myeloma(id),
    medicationRequest(id, 'mm-hy-len', 'Lenalidomide 10 MG Oral Capsule', daysAgo(70)),
    ...panel(id, 'mm-hy-lft', daysAgo(0.5), [
      { id: 'mm-hy-alp', loinc: '6768-6', value: 150, unit: 'U/L', uln: 120 },
      { id: 'mm-hy-alt', loinc: '1742-6', value: 410, unit: 'U/L', uln: 40 },
      { id: 'mm-hy-ast', loinc: '1920-8', value: 350, unit: 'U/L', uln: 40 },
      { id: 'mm-hy-bili', loinc: '1975-2', value: 3.6, unit: 'mg/dL', uln: 1.2 },
    ]),
    observation(id, {
      id: 'mm-hy-inr',
      loinc: '6301-6',
      value: 1.4,
      unit: '{INR}',
      uln: 3,
      rangeType: 'therapeutic',
      date: daysAgo(0.5),
    }),
  ]);
}

/** Cholestatic liver pattern with dilated ducts on ultrasound (the imaging report is not read: the case asks for it). */
export function hepaticDilatedDucts(): fhir4.Bundle {
  const id = 'mm-hep';
  return bundle([
    patient(id, 'male', '1962-01-20'),
    myeloma(id),
    medicationRequest(id, 'mm-hep-cfz', 'Kyprolis (carfilzomib) 60 MG Injection', daysAgo(120)),
    ...panel(id, 'mm-hep-lft', daysAgo(2), [
      { id: 'mm-hep-alp', loinc: '6768-6', value: 460, unit: 'U/L', uln: 120 },
      { id: 'mm-hep-alt', loinc: '1742-6', value: 80, unit: 'U/L', uln: 40 },
      { id: 'mm-hep-ast', loinc: '1920-8', value: 62, unit: 'U/L', uln: 40 },
      { id: 'mm-hep-bili', loinc: '1975-2', value: 1.9, unit: 'mg/dL', uln: 1.2 },
    ]),
    {
      resourceType: 'DiagnosticReport',
      id: 'mm-hep-us',
      status: 'final',
      code: { coding: [{ system: LOINC, code: '24558-9', display: 'US Abdomen' }] },
      subject: { reference: `Patient/${id}` },
      effectiveDateTime: daysAgo(1),
      conclusion: 'Dilated intrahepatic and common bile ducts.',
    },
  ]);
}

/** Pregnancy with a raised ALP and normal liver tests (placental ALP is expected). */
export function pregnancy(): fhir4.Bundle {
  const id = 'mm-preg';
  return bundle([
    patient(id, 'female', '1992-05-09'),
    myeloma(id),
    condition(id, 'mm-preg-preg', '77386006', 'Pregnancy'),
    ...panel(id, 'mm-preg-lft', daysAgo(3), [
      { id: 'mm-preg-alp', loinc: '6768-6', value: 260, unit: 'U/L', uln: 120 },
      { id: 'mm-preg-alt', loinc: '1742-6', value: 18, unit: 'U/L', uln: 35 },
      { id: 'mm-preg-ggt', loinc: '2324-2', value: 14, unit: 'U/L', uln: 40 },
      { id: 'mm-preg-bili', loinc: '1975-2', value: 0.5, unit: 'mg/dL', uln: 1.2 },
    ]),
  ]);
}

/** ALP and liver tests normal, nothing flagged: the service must stay silent. */
export function normalLabs(): fhir4.Bundle {
  const id = 'mm-normal';
  return bundle([
    patient(id, 'male', '1950-10-10'),
    myeloma(id),
    ...panel(id, 'mm-n-lft', daysAgo(5), [
      { id: 'mm-n-alp', loinc: '6768-6', value: 80, unit: 'U/L', uln: 120 },
      { id: 'mm-n-alt', loinc: '1742-6', value: 20, unit: 'U/L', uln: 40 },
      { id: 'mm-n-bili', loinc: '1975-2', value: 0.6, unit: 'mg/dL', uln: 1.2 },
    ]),
    observation(id, {
      id: 'mm-n-alp-old',
      loinc: '6768-6',
      value: 300,
      unit: 'U/L',
      uln: 120,
      date: daysAgo(90),
    }),
  ]);
}
