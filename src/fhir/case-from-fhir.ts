import {
  THERAPY_AGENTS,
  validateCase,
  type Case,
  type PartialCase,
  type Problem,
  type TherapyAgent,
} from '../clinical';
import { fieldLabel, type MappedField } from './analytes';
import { readFhirRecord } from './fhir-record';
import { readLabs, type LabReading, type RefusedReading } from './lab-readings';
import {
  conditionFacts,
  currentAgents,
  patientFacts,
  weeksSince,
  type AgentOnRecord,
  type ConditionFacts,
  type MyelomaAgent,
  type PatientFacts,
} from './patient-facts';

export const DEFAULT_LOOKBACK_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface MappingOptions {
  /** The moment the window ends; passed in so the mapping has no clock. */
  now: Date;
  /** How far back a result still counts as current (default 30 days). */
  lookbackDays?: number;
}

/** A result that was read but not used, and why (older than the window, superseded, ...). */
export interface SetAside {
  reading: LabReading;
  reason: string;
}

/** Everything the mapping read from the record, for display next to the assessment. */
export interface FhirCaseMapping {
  /** The case fields filled from the record. */
  case: PartialCase;
  /** The results used, one per analyte, with their dates. */
  used: LabReading[];
  /** The earliest ALP before the current treatment, used as the baseline. */
  baseline?: LabReading;
  setAside: SetAside[];
  /** Observations for our analytes that cannot be used at all (unknown unit, no date, ...). */
  refused: RefusedReading[];
  patient: PatientFacts;
  conditions: ConditionFacts;
  agents: AgentOnRecord[];
  /** The treatment the baseline and weeks on therapy are counted from. */
  currentTreatment?: AgentOnRecord;
  /** Malformed resources that were skipped. */
  recordProblems: string[];
  lookbackDays: number;
}

export type FhirCaseResult =
  | { ok: true; case: Case; mapping: FhirCaseMapping }
  | { ok: false; problems: Problem[]; mapping: FhirCaseMapping };

const PROTEASOME_INHIBITORS: readonly MyelomaAgent[] = ['bortezomib', 'carfilzomib', 'ixazomib'];

/** The engine's name for an agent: itself when the engine knows it, else "other". */
const caseAgent = (agent: MyelomaAgent): TherapyAgent =>
  THERAPY_AGENTS.find((known) => known === agent) ?? 'other';

/** The treatment the workup is about: a proteasome inhibitor if one is active (the rules read those), else any myeloma agent; the most recently started wins. */
function currentTreatment(agents: readonly AgentOnRecord[]): AgentOnRecord | undefined {
  const byStart = [...agents].sort(
    (a, b) => (Date.parse(b.start ?? '') || 0) - (Date.parse(a.start ?? '') || 0),
  );
  return byStart.find((a) => PROTEASOME_INHIBITORS.includes(a.agent)) ?? byStart[0];
}

const dayOf = (reading: LabReading): string => reading.date.slice(0, 10);

/** Latest reading per analyte inside the window; the rest set aside with their reason. */
function pickLatest(
  readings: readonly LabReading[],
  now: Date,
  lookbackDays: number,
): { used: LabReading[]; setAside: SetAside[] } {
  const from = now.getTime() - lookbackDays * DAY_MS;
  const byField = new Map<MappedField, LabReading[]>();
  const setAside: SetAside[] = [];
  for (const reading of readings) {
    if (reading.time > now.getTime()) {
      setAside.push({ reading, reason: 'dated after now' });
    } else if (reading.time < from) {
      setAside.push({ reading, reason: `older than the ${lookbackDays}-day window` });
    } else {
      byField.set(reading.field, [...(byField.get(reading.field) ?? []), reading]);
    }
  }
  const used: LabReading[] = [];
  for (const candidates of byField.values()) {
    const [latest, ...rest] = [...candidates].sort((a, b) => b.time - a.time);
    if (latest === undefined) continue;
    const rival = rest.find(
      (r) => r.time === latest.time && (r.value !== latest.value || r.unit !== latest.unit),
    );
    if (rival !== undefined) {
      // Two different results for the same moment: choosing one would be a guess.
      setAside.push({ reading: latest, reason: `conflicts with ${rival.source} taken at the same time` });
      setAside.push({ reading: rival, reason: `conflicts with ${latest.source} taken at the same time` });
      for (const other of rest.filter((r) => r !== rival))
        setAside.push({ reading: other, reason: 'superseded by a conflicting pair' });
      continue;
    }
    used.push(latest);
    for (const other of rest)
      setAside.push({ reading: other, reason: `superseded by ${latest.source} of ${dayOf(latest)}` });
  }
  return { used, setAside };
}

const labValue = (r: LabReading) => ({
  value: r.value,
  ...(r.unit === undefined ? {} : { unit: r.unit }),
  ...(r.uln === undefined ? {} : { uln: r.uln }),
});

function toCase(
  used: readonly LabReading[],
  baseline: LabReading | undefined,
  patient: PatientFacts,
  conditions: ConditionFacts,
  treatment: AgentOnRecord | undefined,
  now: Date,
): PartialCase {
  const c: Record<string, unknown> = {};
  for (const r of used) {
    if (r.field === 'inr' || r.field === 'wbc') c[r.field] = r.value;
    else if (r.field === 'isoenzymes.bonePercent') c.isoenzymes = { bonePercent: r.value };
    else if (r.field === 'albumin')
      c.albumin = { value: r.value, ...(r.unit === undefined ? {} : { unit: r.unit }) };
    else c[r.field] = labValue(r);
  }
  if (baseline !== undefined) c.alpBaseline = labValue(baseline);
  const history: Record<string, unknown> = {};
  if (patient.ageYears !== undefined) history.ageYears = patient.ageYears;
  if (patient.sex !== undefined) history.sex = patient.sex;
  if (conditions.pregnant) history.pregnant = true;
  if (Object.keys(history).length > 0) c.history = history;
  if (treatment !== undefined) {
    const agent = caseAgent(treatment.agent);
    const weeks = weeksSince(treatment.start, now);
    c.therapy = { agent, ...(weeks === undefined ? {} : { weeksOnTherapy: weeks }) };
  }
  return c as PartialCase;
}

/**
 * Maps a FHIR R4 record (a Bundle, search Bundles, or a list of resources) to a case for the
 * engine. Pure: `now` is passed in. The latest result per analyte within the look-back window
 * is used; the earliest ALP before the current treatment is the baseline; everything read but
 * not used is kept with its reason, so the clinician sees what the assessment did not look at.
 */
export function mapFhirRecord(input: unknown, options: MappingOptions): FhirCaseMapping {
  const lookbackDays = options.lookbackDays ?? DEFAULT_LOOKBACK_DAYS;
  const { now } = options;
  const record = readFhirRecord(input);
  const { readings, refused } = readLabs(record);
  const { used, setAside } = pickLatest(readings, now, lookbackDays);
  const patient = patientFacts(record, now);
  const conditions = conditionFacts(record);
  const agents = currentAgents(record);
  const treatment = currentTreatment(agents);

  const current = used.find((r) => r.field === 'alp');
  const start = treatment?.start === undefined ? NaN : Date.parse(treatment.start);
  const baseline = Number.isNaN(start)
    ? undefined
    : readings
        .filter((r) => r.field === 'alp' && r.time < start && r !== current)
        .sort((a, b) => a.time - b.time)[0];
  const stillAside = setAside.filter((s) => s.reading !== baseline);

  return {
    case: toCase(used, baseline, patient, conditions, treatment, now),
    used,
    ...(baseline === undefined ? {} : { baseline }),
    setAside: stillAside,
    refused,
    patient,
    conditions,
    agents,
    ...(treatment === undefined ? {} : { currentTreatment: treatment }),
    recordProblems: record.problems,
    lookbackDays,
  };
}

/** The mapping checked by the engine's own validation: a case ready to assess, or the problems naming what is missing or implausible. */
export function caseFromFhir(input: unknown, options: MappingOptions): FhirCaseResult {
  const mapping = mapFhirRecord(input, options);
  if (mapping.case.alp === undefined) {
    const alpRefused = mapping.refused.filter((r) => r.field === 'alp');
    const alpAside = mapping.setAside.filter((s) => s.reading.field === 'alp');
    const why = [
      ...alpRefused.map((r) => `${r.source}: ${r.reason}`),
      ...alpAside.map((s) => `${s.reading.source} (${dayOf(s.reading)}): ${s.reason}`),
    ];
    return {
      ok: false,
      mapping,
      problems: [
        {
          field: 'alp',
          message: `No usable ${fieldLabel('alp')} (LOINC 6768-6) within the last ${mapping.lookbackDays} days${why.length === 0 ? '' : `: ${why.join('; ')}`}.`,
        },
      ],
    };
  }
  const checked = validateCase(mapping.case);
  return checked.ok
    ? { ok: true, case: checked.value, mapping }
    : { ok: false, problems: checked.problems, mapping };
}
