import { z } from 'zod';

/**
 * The parts of FHIR R4 resources the mapping reads, as zod schemas: the single source of truth
 * for what an EHR's JSON must look like here. Objects are loose (FHIR resources carry far more
 * than we read) and every field is optional unless the mapping cannot do without it, so a
 * resource that is valid FHIR is never refused for a field we ignore.
 */

const CodingSchema = z.looseObject({
  system: z.string().optional(),
  code: z.string().optional(),
  display: z.string().optional(),
});

export const CodeableConceptSchema = z.looseObject({
  coding: z.array(CodingSchema).optional(),
  text: z.string().optional(),
});

const QuantitySchema = z.looseObject({
  value: z.number().optional(),
  comparator: z.enum(['<', '<=', '>=', '>']).optional(),
  unit: z.string().optional(),
  system: z.string().optional(),
  code: z.string().optional(),
});

const ReferenceSchema = z.looseObject({ reference: z.string().optional() });
const PeriodSchema = z.looseObject({ start: z.string().optional(), end: z.string().optional() });

const ReferenceRangeSchema = z.looseObject({
  low: QuantitySchema.optional(),
  high: QuantitySchema.optional(),
  type: CodeableConceptSchema.optional(),
  text: z.string().optional(),
});

export const ObservationSchema = z.looseObject({
  resourceType: z.literal('Observation'),
  id: z.string().optional(),
  status: z.string(),
  code: CodeableConceptSchema,
  subject: ReferenceSchema.optional(),
  effectiveDateTime: z.string().optional(),
  effectivePeriod: PeriodSchema.optional(),
  effectiveInstant: z.string().optional(),
  issued: z.string().optional(),
  valueQuantity: QuantitySchema.optional(),
  referenceRange: z.array(ReferenceRangeSchema).optional(),
  hasMember: z.array(ReferenceSchema).optional(),
});

export const DiagnosticReportSchema = z.looseObject({
  resourceType: z.literal('DiagnosticReport'),
  id: z.string().optional(),
  effectiveDateTime: z.string().optional(),
  effectivePeriod: PeriodSchema.optional(),
  issued: z.string().optional(),
  result: z.array(ReferenceSchema).optional(),
});

export const PatientSchema = z.looseObject({
  resourceType: z.literal('Patient'),
  id: z.string().optional(),
  birthDate: z.string().optional(),
  gender: z.enum(['male', 'female', 'other', 'unknown']).optional(),
});

export const ConditionSchema = z.looseObject({
  resourceType: z.literal('Condition'),
  id: z.string().optional(),
  clinicalStatus: CodeableConceptSchema.optional(),
  verificationStatus: CodeableConceptSchema.optional(),
  code: CodeableConceptSchema.optional(),
  abatementDateTime: z.string().optional(),
});

const MedicationFields = {
  id: z.string().optional(),
  status: z.string(),
  medicationCodeableConcept: CodeableConceptSchema.optional(),
  medicationReference: ReferenceSchema.extend({ display: z.string().optional() }).optional(),
};

export const MedicationRequestSchema = z.looseObject({
  resourceType: z.literal('MedicationRequest'),
  ...MedicationFields,
  authoredOn: z.string().optional(),
});

export const MedicationStatementSchema = z.looseObject({
  resourceType: z.literal('MedicationStatement'),
  ...MedicationFields,
  effectiveDateTime: z.string().optional(),
  effectivePeriod: PeriodSchema.optional(),
  dateAsserted: z.string().optional(),
});

/** A Medication resource that a MedicationRequest may point to instead of naming its drug inline. */
export const MedicationSchema = z.looseObject({
  resourceType: z.literal('Medication'),
  id: z.string().optional(),
  code: CodeableConceptSchema.optional(),
});

export type Coding = z.infer<typeof CodingSchema>;
export type CodeableConcept = z.infer<typeof CodeableConceptSchema>;
export type Quantity = z.infer<typeof QuantitySchema>;
export type Observation = z.infer<typeof ObservationSchema>;
export type DiagnosticReport = z.infer<typeof DiagnosticReportSchema>;
export type Patient = z.infer<typeof PatientSchema>;
export type Condition = z.infer<typeof ConditionSchema>;
export type MedicationRequest = z.infer<typeof MedicationRequestSchema>;
export type MedicationStatement = z.infer<typeof MedicationStatementSchema>;
export type Medication = z.infer<typeof MedicationSchema>;
