import { resolveReference, type FhirRecord } from './fhir-record';
import type { CodeableConcept, Condition, Medication } from './fhir-resources';

const SNOMED = 'http://snomed.info/sct';
const ICD10 = ['http://hl7.org/fhir/sid/icd-10', 'http://hl7.org/fhir/sid/icd-10-cm'];
const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';
const DAY_MS = 24 * 60 * 60 * 1000;

export const MYELOMA_AGENTS = [
  'bortezomib',
  'carfilzomib',
  'ixazomib',
  'lenalidomide',
  'pomalidomide',
  'daratumumab',
] as const;
export type MyelomaAgent = (typeof MYELOMA_AGENTS)[number];

/**
 * How a medication names each agent: its RxNorm ingredient concept, and words that appear in
 * the generic or brand name (RxNorm product codes differ from the ingredient's, so the text of
 * the coding and of the concept is read as well).
 */
const AGENT_NAMES = {
  bortezomib: { rxnorm: '358258', words: ['bortezomib', 'velcade'] },
  carfilzomib: { rxnorm: '1302966', words: ['carfilzomib', 'kyprolis'] },
  ixazomib: { rxnorm: '1723735', words: ['ixazomib', 'ninlaro'] },
  lenalidomide: { rxnorm: '342369', words: ['lenalidomide', 'revlimid'] },
  pomalidomide: { rxnorm: '1369713', words: ['pomalidomide', 'pomalyst', 'imnovid'] },
  daratumumab: { rxnorm: '1720081', words: ['daratumumab', 'darzalex'] },
} as const satisfies Record<MyelomaAgent, { rxnorm: string; words: readonly string[] }>;

export interface PatientFacts {
  ageYears?: number;
  sex?: 'male' | 'female';
  birthDate?: string;
}

export interface ConditionFacts {
  pregnant: boolean;
  myeloma: boolean;
  /** `Condition/<id>` of each condition that set a flag. */
  sources: string[];
}

export interface AgentOnRecord {
  agent: MyelomaAgent;
  /** When it was started (authoredOn / effective start), if the record says. */
  start?: string;
  source: string;
}

const texts = (concept: CodeableConcept | undefined): string[] => [
  ...(concept?.text === undefined ? [] : [concept.text]),
  ...(concept?.coding ?? []).flatMap((c) => (c.display === undefined ? [] : [c.display])),
];

const hasCode = (
  concept: CodeableConcept | undefined,
  systems: readonly string[],
  test: (code: string) => boolean,
) =>
  (concept?.coding ?? []).some(
    (c) => c.system !== undefined && systems.includes(c.system) && c.code !== undefined && test(c.code),
  );

/** Whole years from birthDate to now; a partial birthDate (year only) gives no age rather than a guess. */
export function patientFacts(record: FhirRecord, now: Date): PatientFacts {
  const patient = record.patients[0];
  if (patient === undefined) return {};
  const facts: PatientFacts = {};
  if (patient.gender === 'male' || patient.gender === 'female') facts.sex = patient.gender;
  const birth = /^(\d{4})-(\d{2})-(\d{2})$/.exec(patient.birthDate ?? '');
  if (birth !== null && patient.birthDate !== undefined) {
    const [year, month, day] = [Number(birth[1]), Number(birth[2]), Number(birth[3])];
    let age = now.getUTCFullYear() - year;
    const beforeBirthday =
      now.getUTCMonth() + 1 < month || (now.getUTCMonth() + 1 === month && now.getUTCDate() < day);
    if (beforeBirthday) age -= 1;
    if (age >= 0) {
      facts.ageYears = age;
      facts.birthDate = patient.birthDate;
    }
  }
  return facts;
}

const CONDITION_CLINICAL = 'http://terminology.hl7.org/CodeSystem/condition-clinical';
const NOT_CURRENT = new Set(['inactive', 'remission', 'resolved']);
const NOT_TRUE = new Set(['refuted', 'entered-in-error']);

function isCurrent(c: Condition): boolean {
  const clinical = (c.clinicalStatus?.coding ?? []).filter(
    (x) => (x.system ?? CONDITION_CLINICAL) === CONDITION_CLINICAL,
  );
  if (clinical.some((x) => x.code !== undefined && NOT_CURRENT.has(x.code))) return false;
  if ((c.verificationStatus?.coding ?? []).some((x) => x.code !== undefined && NOT_TRUE.has(x.code)))
    return false;
  return c.abatementDateTime === undefined;
}

const isPregnancy = (concept: CodeableConcept | undefined): boolean =>
  hasCode(concept, [SNOMED], (code) => code === '77386006') ||
  hasCode(concept, ICD10, (code) => /^(Z33\.1|Z34|Z3A)/.test(code)) ||
  texts(concept).some((t) => /\bpregnan(t|cy)\b/i.test(t) && !/\b(not|no|history of)\b/i.test(t));

/**
 * Myeloma is read for the record, not for the rules: the remission status is deliberately not
 * read, since a patient in remission on maintenance is still who this workup is for.
 */
const isMyeloma = (concept: CodeableConcept | undefined): boolean =>
  hasCode(concept, [SNOMED], (code) => code === '109989006') ||
  hasCode(concept, ICD10, (code) => code.startsWith('C90.0')) ||
  texts(concept).some((t) => /\bmyeloma\b/i.test(t));

export function conditionFacts(record: FhirRecord): ConditionFacts {
  const facts: ConditionFacts = { pregnant: false, myeloma: false, sources: [] };
  for (const c of record.conditions) {
    const name = `Condition/${c.id ?? '(no id)'}`;
    if (isPregnancy(c.code) && isCurrent(c)) {
      facts.pregnant = true;
      facts.sources.push(name);
    }
    if (isMyeloma(c.code) && (c.verificationStatus?.coding ?? []).every((x) => !NOT_TRUE.has(x.code ?? ''))) {
      facts.myeloma = true;
      facts.sources.push(name);
    }
  }
  return facts;
}

function agentOf(
  concepts: readonly (CodeableConcept | undefined)[],
  display: string | undefined,
): MyelomaAgent | undefined {
  const words = [...concepts.flatMap(texts), ...(display === undefined ? [] : [display])].map((t) =>
    t.toLowerCase(),
  );
  return MYELOMA_AGENTS.find(
    (agent) =>
      concepts.some((concept) => hasCode(concept, [RXNORM], (code) => code === AGENT_NAMES[agent].rxnorm)) ||
      AGENT_NAMES[agent].words.some((word) => words.some((t) => t.includes(word))),
  );
}

/** The myeloma agents the patient is on now: active MedicationRequests and MedicationStatements. */
export function currentAgents(record: FhirRecord): AgentOnRecord[] {
  const found: AgentOnRecord[] = [];
  const medicationCode = (reference: string | undefined): CodeableConcept | undefined =>
    (resolveReference(record, reference) as Medication | undefined)?.code;
  for (const r of record.medicationRequests) {
    if (r.status !== 'active') continue;
    const agent = agentOf(
      [r.medicationCodeableConcept, medicationCode(r.medicationReference?.reference)],
      r.medicationReference?.display,
    );
    if (agent !== undefined) {
      found.push({
        agent,
        source: `MedicationRequest/${r.id ?? '(no id)'}`,
        ...(r.authoredOn === undefined ? {} : { start: r.authoredOn }),
      });
    }
  }
  for (const s of record.medicationStatements) {
    if (s.status !== 'active') continue;
    const agent = agentOf(
      [s.medicationCodeableConcept, medicationCode(s.medicationReference?.reference)],
      s.medicationReference?.display,
    );
    const start = s.effectivePeriod?.start ?? s.effectiveDateTime;
    if (agent !== undefined) {
      found.push({
        agent,
        source: `MedicationStatement/${s.id ?? '(no id)'}`,
        ...(start === undefined ? {} : { start }),
      });
    }
  }
  return found;
}

/** Whole weeks from a start date to now, or undefined when the date is unreadable or in the future. */
export function weeksSince(start: string | undefined, now: Date): number | undefined {
  if (start === undefined) return undefined;
  const time = Date.parse(start);
  if (Number.isNaN(time) || time > now.getTime()) return undefined;
  return Math.floor((now.getTime() - time) / (7 * DAY_MS));
}
