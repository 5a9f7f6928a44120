import { FIELD_INFO, normalizeLab, type LabField, type NormalizedLab } from '../../src/clinical';
import { displayUnit, formatConverted, formatMultiple, formatValue, inSentence } from './format';

export interface ReportedLabValue {
  value: number;
  unit?: string;
  uln?: number;
}

export interface LabText {
  /** "ALP 5 µkat/L = 300 U/L (2.3x ULN)" */
  text: string;
  /** Set when no unit was given and the field's canonical unit was read instead. */
  assumedUnit?: string;
}

/** " = 300 U/L" when the unit was converted; nothing for a spelling of the canonical unit (IU/L). */
const convertedText = (normalized: NormalizedLab): string =>
  normalized.value === normalized.reportedValue
    ? ''
    : ` = ${formatConverted(normalized.value, normalized.unit)} ${normalized.unit}`;

export const isLabField = (field: string): field is LabField =>
  field in FIELD_INFO && FIELD_INFO[field as LabField].isLab === true;

/**
 * The engine converts only the units it accepts (and throws on others, which validation refuses
 * first). An echo may run before validation, so a unit outside the list is shown as typed, with
 * the multiple taken in that unit, rather than failing the turn.
 */
const normalizeForDisplay = (field: LabField, lab: ReportedLabValue): NormalizedLab => {
  if (lab.unit === undefined || lab.unit in FIELD_INFO[field].factors) return normalizeLab(field, lab);
  return {
    field,
    value: lab.value,
    unit: displayUnit(lab.unit),
    reportedUnit: displayUnit(lab.unit),
    unitAssumed: false,
    reportedValue: lab.value,
    ...(lab.uln === undefined || lab.uln <= 0 ? {} : { uln: lab.uln, xUln: lab.value / lab.uln }),
  };
};

/**
 * One lab as the clinician reads it back: the value as reported, the converted value when the unit
 * was not the canonical one (product decision 6: show the unit converted from), and the multiple of
 * the reporting lab's ULN to one decimal.
 */
export const labText = (
  field: LabField,
  lab: ReportedLabValue,
  options: { label?: string } = {},
): LabText => {
  const label = options.label ?? inSentence(FIELD_INFO[field].label);
  const normalized = normalizeForDisplay(field, lab);
  const reported = `${formatValue(lab.value)} ${normalized.reportedUnit}`;
  const converted = convertedText(normalized);
  const multiple = normalized.xUln === undefined ? '' : ` (${formatMultiple(normalized.xUln)} ULN)`;
  return {
    text: `${label} ${reported}${converted}${multiple}`,
    ...(normalized.unitAssumed ? { assumedUnit: normalized.reportedUnit } : {}),
  };
};

/** "ALP 180 U/L (ULN 120; 1.5x)": the chart-note form, which keeps the ULN itself on record. */
export const labRecord = (field: LabField, lab: ReportedLabValue): string => {
  const normalized = normalizeForDisplay(field, lab);
  const label = inSentence(FIELD_INFO[field].label);
  const reported = `${formatValue(lab.value)} ${normalized.reportedUnit}`;
  const converted = convertedText(normalized);
  const details = [
    ...(lab.uln === undefined ? ['ULN not given'] : [`ULN ${formatValue(lab.uln)}`]),
    ...(normalized.xUln === undefined ? [] : [formatMultiple(normalized.xUln)]),
  ];
  return `${label} ${reported}${converted} (${details.join('; ')})`;
};

/** A non-lab number with its unit: "INR 1.6", "Temperature 38.5 °C". */
export const scalarText = (field: string, value: number): string => {
  const info = field in FIELD_INFO ? FIELD_INFO[field as keyof typeof FIELD_INFO] : undefined;
  const label = inSentence(info?.label ?? field);
  const unit = info?.units[0];
  if (unit === undefined) return `${label} ${formatValue(value)}`;
  return unit === '%'
    ? `${label} ${formatValue(value)}%`
    : `${label} ${formatValue(value)} ${displayUnit(unit)}`;
};
