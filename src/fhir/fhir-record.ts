import { z } from 'zod';
import {
  ConditionSchema,
  DiagnosticReportSchema,
  MedicationRequestSchema,
  MedicationSchema,
  MedicationStatementSchema,
  ObservationSchema,
  PatientSchema,
  type Condition,
  type DiagnosticReport,
  type Medication,
  type MedicationRequest,
  type MedicationStatement,
  type Observation,
  type Patient,
} from './fhir-resources';

/** The resources of one patient the mapping reads, sorted by type, each kept with where it came from. */
export interface FhirRecord {
  observations: Observation[];
  reports: DiagnosticReport[];
  patients: Patient[];
  conditions: Condition[];
  medicationRequests: MedicationRequest[];
  medicationStatements: MedicationStatement[];
  medications: Medication[];
  /** Each resource under every name a reference may use for it: its Bundle fullUrl and `Type/id`. */
  byReference: ReadonlyMap<string, unknown>;
  /** Resources of a type we read that are not valid FHIR for the fields we need, named. */
  problems: string[];
}

const SCHEMAS = {
  Observation: ObservationSchema,
  DiagnosticReport: DiagnosticReportSchema,
  Patient: PatientSchema,
  Condition: ConditionSchema,
  MedicationRequest: MedicationRequestSchema,
  MedicationStatement: MedicationStatementSchema,
  Medication: MedicationSchema,
} as const;

type ReadType = keyof typeof SCHEMAS;

const BundleSchema = z.looseObject({
  resourceType: z.literal('Bundle'),
  entry: z
    .array(z.looseObject({ fullUrl: z.string().optional(), resource: z.unknown().optional() }))
    .optional(),
});

const ResourceHeadSchema = z.looseObject({ resourceType: z.string(), id: z.string().optional() });

interface Located {
  resource: unknown;
  fullUrl?: string;
}

/** Flattens Bundles (nested ones too, as a search answer may sit inside a prefetch Bundle) and arrays. */
function locate(input: unknown, into: Located[], fullUrl?: string): void {
  if (Array.isArray(input)) {
    for (const item of input) locate(item, into);
    return;
  }
  const bundle = BundleSchema.safeParse(input);
  if (bundle.success) {
    for (const entry of bundle.data.entry ?? []) {
      if (entry.resource !== undefined) locate(entry.resource, into, entry.fullUrl);
    }
    return;
  }
  into.push({ resource: input, ...(fullUrl === undefined ? {} : { fullUrl }) });
}

const isReadType = (type: string): type is ReadType => Object.hasOwn(SCHEMAS, type);

/**
 * Reads a FHIR Bundle, a list of resources or Bundles, or one resource. A resource of a type
 * we do not read is skipped; one we read that is malformed is named in `problems` and left out,
 * so one bad entry cannot hide the rest of the record.
 */
export function readFhirRecord(input: unknown): FhirRecord {
  const located: Located[] = [];
  locate(input, located);
  const record: FhirRecord = {
    observations: [],
    reports: [],
    patients: [],
    conditions: [],
    medicationRequests: [],
    medicationStatements: [],
    medications: [],
    byReference: new Map(),
    problems: [],
  };
  const byReference = record.byReference as Map<string, unknown>;
  for (const { resource, fullUrl } of located) {
    const head = ResourceHeadSchema.safeParse(resource);
    if (!head.success) {
      record.problems.push('an entry without a resourceType was skipped');
      continue;
    }
    const { resourceType, id } = head.data;
    if (!isReadType(resourceType)) continue;
    const parsed = SCHEMAS[resourceType].safeParse(resource);
    const name = `${resourceType}/${id ?? '(no id)'}`;
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      record.problems.push(
        `${name} was skipped: ${issue === undefined ? 'invalid' : `${issue.path.join('.') || '(resource)'} ${issue.message}`}`,
      );
      continue;
    }
    const value = parsed.data;
    if (fullUrl !== undefined) byReference.set(fullUrl, value);
    if (id !== undefined) byReference.set(`${resourceType}/${id}`, value);
    switch (value.resourceType) {
      case 'Observation':
        record.observations.push(value);
        break;
      case 'DiagnosticReport':
        record.reports.push(value);
        break;
      case 'Patient':
        record.patients.push(value);
        break;
      case 'Condition':
        record.conditions.push(value);
        break;
      case 'MedicationRequest':
        record.medicationRequests.push(value);
        break;
      case 'MedicationStatement':
        record.medicationStatements.push(value);
        break;
      case 'Medication':
        record.medications.push(value);
        break;
    }
  }
  return record;
}

/** The resource a reference names, looked up as written and as its `Type/id` tail (absolute URLs). */
export function resolveReference(record: FhirRecord, reference: string | undefined): unknown {
  if (reference === undefined) return undefined;
  const direct = record.byReference.get(reference);
  if (direct !== undefined) return direct;
  const tail = /([A-Za-z]+\/[A-Za-z0-9\-.]{1,64})(\/_history\/[^/]+)?$/.exec(reference)?.[1];
  return tail === undefined ? undefined : record.byReference.get(tail);
}
