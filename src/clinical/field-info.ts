import {
  ALBUMIN_FACTORS,
  BILIRUBIN_FACTORS,
  BONE_ALP_FACTORS,
  CALCIUM_FACTORS,
  CRP_FACTORS,
  ENZYME_FACTORS,
  type UnitFactors,
} from './units';

/**
 * What the engine knows about each numeric case field: its label for messages, the units it
 * accepts, the canonical unit it computes in, and the range a real report can fall in (in the
 * canonical unit). The ranges are generous: they refuse typing slips and unit mix-ups, not
 * extreme but real results.
 */
export interface FieldInfo {
  label: string;
  /** Accepted units; empty for a unitless number such as the INR. */
  units: readonly string[];
  canonicalUnit: string;
  factors: UnitFactors;
  min: number;
  /** True when `min` itself is not a possible value (an ALP of 0 U/L is not a result). */
  minExclusive: boolean;
  max: number;
  /** An entry as a clinician would type it, shown in error messages. */
  example: string;
  /** A `{ value, unit?, uln? }` lab result rather than a bare number. */
  isLab: boolean;
  /**
   * Range of upper limits of normal that real labs report (canonical unit). It catches a ULN
   * typed in another unit than its value (ALP 5 µkat/L with "ULN 120"), which would otherwise
   * silently turn a raised ALP into a normal one.
   */
  ulnRange?: { min: number; max: number };
}

const lab = (
  label: string,
  factors: UnitFactors,
  canonicalUnit: string,
  range: { min: number; max: number; minExclusive?: boolean },
  example: string,
  ulnRange?: { min: number; max: number },
): FieldInfo => ({
  label,
  units: Object.keys(factors),
  canonicalUnit,
  factors,
  min: range.min,
  minExclusive: range.minExclusive ?? false,
  max: range.max,
  example,
  isLab: true,
  ...(ulnRange === undefined ? {} : { ulnRange }),
});

const scalar = (
  label: string,
  unit: string,
  range: { min: number; max: number; minExclusive?: boolean },
  example: string,
): FieldInfo => ({
  label,
  units: unit === '' ? [] : [unit],
  canonicalUnit: unit,
  factors: unit === '' ? {} : { [unit]: 1 },
  min: range.min,
  minExclusive: range.minExclusive ?? false,
  max: range.max,
  example,
  isLab: false,
});

export const LAB_FIELDS = [
  'alp',
  'alpBaseline',
  'alt',
  'ast',
  'ggt',
  'nucleotidase5',
  'bilirubinTotal',
  'bilirubinDirect',
  'calcium',
  'albumin',
  'crp',
  'boneSpecificAlp',
] as const;
export type LabField = (typeof LAB_FIELDS)[number];

export const SCALAR_FIELDS = [
  'inr',
  'temperatureC',
  'wbc',
  'heatStableAlpPercent',
  'isoenzymes.bonePercent',
  'isoenzymes.liverPercent',
  'isoenzymes.intestinalPercent',
  'isoenzymes.placentalPercent',
  'therapy.weeksOnTherapy',
  'history.ageYears',
  'history.pregnancyTrimester',
  'history.liverSpanCm',
] as const;
export type ScalarField = (typeof SCALAR_FIELDS)[number];

const percent = (label: string): FieldInfo => scalar(label, '%', { min: 0, max: 100 }, `${label} 40%`);

export const FIELD_INFO: Readonly<Record<LabField | ScalarField, FieldInfo>> = {
  // Below 1 U/L no lab reports an ALP: 1e-10 and -0 are refused alike, not read as "within normal limits".
  alp: lab('ALP', ENZYME_FACTORS, 'U/L', { min: 1, max: 10000 }, 'ALP 180 U/L, ULN 120', {
    min: 40,
    max: 1000,
  }),
  alpBaseline: lab(
    'Baseline ALP',
    ENZYME_FACTORS,
    'U/L',
    { min: 1, max: 10000 },
    'baseline ALP 100 U/L, ULN 120',
    { min: 40, max: 1000 },
  ),
  alt: lab('ALT', ENZYME_FACTORS, 'U/L', { min: 0, max: 50000 }, 'ALT 25 U/L, ULN 40', { min: 10, max: 200 }),
  ast: lab('AST', ENZYME_FACTORS, 'U/L', { min: 0, max: 50000 }, 'AST 22 U/L, ULN 40', { min: 10, max: 200 }),
  ggt: lab('GGT', ENZYME_FACTORS, 'U/L', { min: 0, max: 20000 }, 'GGT 30 U/L, ULN 60', { min: 10, max: 300 }),
  nucleotidase5: lab(
    "5'-nucleotidase",
    ENZYME_FACTORS,
    'U/L',
    { min: 0, max: 2000 },
    "5'-nucleotidase 8 U/L, ULN 11",
    { min: 2, max: 50 },
  ),
  bilirubinTotal: lab(
    'Total bilirubin',
    BILIRUBIN_FACTORS,
    'mg/dL',
    { min: 0, max: 100 },
    'total bilirubin 0.6 mg/dL, ULN 1.2 (or 10 µmol/L, ULN 21)',
    { min: 0.3, max: 5 },
  ),
  bilirubinDirect: lab(
    'Direct bilirubin',
    BILIRUBIN_FACTORS,
    'mg/dL',
    { min: 0, max: 100 },
    'direct bilirubin 0.2 mg/dL, ULN 0.3',
    { min: 0.1, max: 2 },
  ),
  calcium: lab(
    'Calcium',
    CALCIUM_FACTORS,
    'mg/dL',
    { min: 2, max: 25 },
    'calcium 9.6 mg/dL, ULN 10.5 (or 2.4 mmol/L, ULN 2.6)',
    { min: 8, max: 12 },
  ),
  albumin: lab('Albumin', ALBUMIN_FACTORS, 'g/dL', { min: 0.5, max: 7 }, 'albumin 3.5 g/dL (or 35 g/L)'),
  crp: lab('CRP', CRP_FACTORS, 'mg/L', { min: 0, max: 1000 }, 'CRP 12 mg/L, ULN 5', { min: 1, max: 50 }),
  boneSpecificAlp: lab(
    'Bone-specific ALP',
    BONE_ALP_FACTORS,
    'as reported (µg/L or U/L)',
    { min: 0, max: 2000 },
    'bone-specific ALP 25 µg/L, ULN 20',
    { min: 1, max: 500 },
  ),
  inr: scalar('INR', '', { min: 0.5, max: 20 }, 'INR 1.1'),
  temperatureC: scalar('Temperature', '°C', { min: 25, max: 45 }, 'temperature 38.4 °C'),
  wbc: scalar('White cell count', 'x10^9/L', { min: 0, max: 1000 }, 'WBC 7.2 x10^9/L'),
  heatStableAlpPercent: percent('Heat-stable ALP'),
  'isoenzymes.bonePercent': percent('Bone ALP fraction'),
  'isoenzymes.liverPercent': percent('Liver ALP fraction'),
  'isoenzymes.intestinalPercent': percent('Intestinal ALP fraction'),
  'isoenzymes.placentalPercent': percent('Placental ALP fraction'),
  'therapy.weeksOnTherapy': scalar('Weeks on therapy', 'weeks', { min: 0, max: 520 }, 'week 6 of therapy'),
  'history.ageYears': scalar('Age', 'years', { min: 0, max: 120 }, 'age 67 years'),
  'history.pregnancyTrimester': scalar('Pregnancy trimester', '', { min: 1, max: 3 }, 'third trimester (3)'),
  'history.liverSpanCm': scalar('Liver span', 'cm', { min: 5, max: 40 }, 'liver span 14 cm'),
};
