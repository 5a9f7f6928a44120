import { fieldLabel, hasUln, MAPPED_FIELDS, shownUnit } from './analytes';
import type { FhirCaseMapping } from './case-from-fhir';
import type { LabReading } from './lab-readings';

/** What the record gave, in sentences a clinician reads next to the assessment. */
export interface MappingLines {
  /** "ALP 180 U/L (ULN 120), 2026-11-28 (Observation/alp-1)" */
  used: string[];
  /** Results read but not used, each with its reason. */
  notUsed: string[];
  /** Facts from Patient, Condition and medication resources. */
  context: string[];
}

const dated = (r: LabReading): string =>
  `${r.date.slice(0, 10)}${r.dateFrom === 'panel' ? ' (date of its panel)' : r.dateFrom === 'issued' ? ' (issue date)' : ''}`;

function reading(r: LabReading): string {
  const unit = shownUnit(r.field, r.unit) === '' ? '' : ` ${shownUnit(r.field, r.unit)}`;
  const uln = !hasUln(r.field)
    ? ''
    : r.uln === undefined
      ? `, no ULN (${r.ulnNote ?? 'not reported'})`
      : ` (ULN ${r.uln}${unit})`;
  return `${fieldLabel(r.field)} ${r.value}${unit}${uln}, ${dated(r)} [${r.source}]`;
}

export function mappingLines(m: FhirCaseMapping): MappingLines {
  const order = (r: LabReading) => MAPPED_FIELDS.indexOf(r.field);
  const used = [...m.used].sort((a, b) => order(a) - order(b)).map(reading);
  if (m.baseline !== undefined) {
    used.push(
      `Baseline: ${reading(m.baseline)}, the earliest ALP before ${m.currentTreatment?.agent ?? 'treatment'} started`,
    );
  }
  const notUsed = [
    ...m.setAside.map((s) => `${reading(s.reading)}: ${s.reason}`),
    ...m.refused.map((r) => `${fieldLabel(r.field)} [${r.source}]: ${r.reason}`),
    ...m.recordProblems,
  ];
  const context: string[] = [];
  if (m.patient.ageYears !== undefined)
    context.push(`Age ${m.patient.ageYears} (born ${m.patient.birthDate})`);
  if (m.patient.sex !== undefined) context.push(`Sex ${m.patient.sex}`);
  context.push(
    m.conditions.myeloma ? 'Multiple myeloma on the problem list' : 'No multiple myeloma condition on record',
  );
  if (m.conditions.pregnant) context.push('Pregnancy on the problem list');
  for (const a of m.agents) {
    context.push(
      `On ${a.agent}${a.start === undefined ? ' (start date not recorded)' : ` since ${a.start.slice(0, 10)}`} [${a.source}]`,
    );
  }
  return { used, notUsed, context };
}
