import {
  ANALYTES,
  fieldLabel,
  type FhirCaseMapping,
  type LabReading,
  type MappedField,
} from '../../src/fhir';
import { DAY_MONTH, DAY_MONTH_YEAR } from './date-formats';
import { capitalise, formatValue, inSentence } from './format';

/**
 * What a SMART import read from the record, as the clinician reads it: each value with its unit,
 * ULN and date ("ALP 180 U/L (ULN 120, 28 Nov)"), then what was not used and why.
 */

const MAPPED_ORDER = Object.keys(ANALYTES) as MappedField[];

/** "28 Nov", with the year when it is not the current one. */
export function shortDate(iso: string, now: string): string {
  const date = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  const sameYear = date.getUTCFullYear() === new Date(now).getUTCFullYear();
  return (sameYear ? DAY_MONTH : DAY_MONTH_YEAR).format(date);
}

function reading(r: LabReading, now: string): string {
  const unit = r.unit === undefined || r.unit === '' ? '' : ` ${r.unit}`;
  const uln = r.uln === undefined ? '' : `ULN ${formatValue(r.uln)}, `;
  return `${inSentence(fieldLabel(r.field))} ${formatValue(r.value)}${unit} (${uln}${shortDate(r.date, now)})`;
}

export interface RecordLines {
  /** "ALP 180 U/L (ULN 120, 28 Nov); GGT 35 U/L (ULN 60, 28 Nov). Age 67, female; bortezomib since 19 Oct." */
  read: string;
  /** Each result read and not used, with the reason; empty when everything was used. */
  notUsed: string[];
}

export function recordLines(mapping: FhirCaseMapping, now: string): RecordLines {
  const labs = [...mapping.used]
    .sort((a, b) => MAPPED_ORDER.indexOf(a.field) - MAPPED_ORDER.indexOf(b.field))
    .map((r) => reading(r, now));
  const baseline =
    mapping.baseline === undefined
      ? []
      : [
          `baseline ${reading(mapping.baseline, now)}, before ${mapping.currentTreatment?.agent ?? 'treatment'} started`,
        ];
  const patient = [
    ...(mapping.patient.ageYears === undefined ? [] : [`age ${mapping.patient.ageYears}`]),
    ...(mapping.patient.sex === undefined ? [] : [mapping.patient.sex]),
    ...(mapping.conditions.pregnant ? ['pregnant (problem list)'] : []),
  ];
  const treatment = mapping.currentTreatment;
  const weeks = mapping.case.therapy?.weeksOnTherapy;
  const context = [
    ...patient,
    ...(treatment === undefined
      ? []
      : [
          `${treatment.agent}${treatment.start === undefined ? ' (start not recorded)' : ` since ${shortDate(treatment.start, now)}`}${weeks === undefined ? '' : ` (week ${formatValue(weeks)})`}`,
        ]),
  ];
  const parts = [
    labs.length === 0 ? 'no laboratory result I can use' : [...labs, ...baseline].join('; '),
    ...(context.length === 0 ? [] : [capitalise(context.join(', '))]),
  ];
  const notUsed = [
    ...mapping.setAside.map((s) => `${reading(s.reading, now)}: ${s.reason}`),
    ...mapping.refused.map((r) => `${inSentence(fieldLabel(r.field))} [${r.source}]: ${r.reason}`),
    ...mapping.recordProblems,
  ];
  return { read: `${parts.join('. ')}.`, notUsed };
}
