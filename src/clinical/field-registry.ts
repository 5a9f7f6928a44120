import type { CaseFieldPath } from './case-field-paths';
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
 * One entry for every answerable case field: what it is called, what kind of answer it takes, its
 * units and the range a real report can fall in, whether it is a test to order and which question
 * of the workup asks it. Adding a field to the case schema is one entry here, and the compiler
 * names whatever else is missing. `FIELD_INFO`, the lab and scalar field lists, the symptom
 * checklist, the tests to order and the fields each question asks are all derived from it.
 *
 * The entries stand in the order the workup asks them (the question, then most important first),
 * which is the order of the fields on each question's card.
 */

/**
 * The questions of the workup, as the clinical reference groups them, in the order that protects
 * the patient (product decisions 4 and 19): the ALP, the red-flag screen, the values that decide a
 * red flag, the treatment context, the origin, the hepatic and the bone branch. They are the
 * machine's question states (`machines/steps.ts`), asked in this order.
 */
export const QUESTION_GROUPS = [
  'alp',
  'redFlags',
  'liverPanel',
  'context',
  'origin',
  'hepaticImaging',
  'hepaticAma',
  'bone',
] as const;
export type QuestionGroup = (typeof QUESTION_GROUPS)[number];

/**
 * What kind of answer a field takes: a lab result (value, unit, the lab's ULN), a bare number, yes
 * or no, one of a list, or one symptom of the red-flag checklist.
 */
export type FieldKind = 'lab' | 'number' | 'yesNo' | 'choice' | 'symptom';

/** Units and plausible range of a numeric field (a lab result or a bare number). */
export interface Measure {
  /** How messages about the value name it, at the start of a sentence. */
  label: string;
  /** Accepted units and the factor that converts each into `canonicalUnit`; empty for a unitless number such as the INR. */
  factors: UnitFactors;
  canonicalUnit: string;
  /** The range a real report can fall in, in the canonical unit: generous, it refuses typing slips and unit mix-ups. */
  min: number;
  /** True when `min` itself is not a possible value (an ALP of 0 U/L is not a result). */
  minExclusive: boolean;
  max: number;
  /** An entry as a clinician would type it, shown in error messages. */
  example: string;
  /**
   * Range of upper limits of normal that real labs report (canonical unit). It catches a ULN
   * typed in another unit than its value (ALP 5 µkat/L with "ULN 120"), which would otherwise
   * silently turn a raised ALP into a normal one.
   */
  ulnRange?: { min: number; max: number };
}

export interface FieldEntry {
  /** How running prose names the field: lists of tests to order and of answers still open. */
  name: string;
  kind: FieldKind;
  /** The result of a test someone orders: "not done yet" for it parks the workup until it is back. */
  isTest: boolean;
  /**
   * The questions that ask it, the first owning it (an edit of the field goes there). A later one
   * asks it again only if the earlier one left it unanswered and the engine still needs it (a
   * recent fracture matters in the context and again in the bone branch).
   */
  askedIn: readonly [QuestionGroup, ...QuestionGroup[]];
  /** Units and plausible range, for the numeric kinds (`lab`, `number`). */
  measure?: Measure;
}

interface Range {
  min: number;
  max: number;
  minExclusive?: boolean;
}

interface Numeric {
  label: string;
  range: Range;
  example: string;
}

const measureOf = (
  { label, range, example }: Numeric,
  factors: UnitFactors,
  canonicalUnit: string,
  ulnRange?: { min: number; max: number },
): Measure => ({
  label,
  factors,
  canonicalUnit,
  min: range.min,
  minExclusive: range.minExclusive ?? false,
  max: range.max,
  example,
  ...(ulnRange === undefined ? {} : { ulnRange }),
});

type Asked = FieldEntry['askedIn'];

/** A lab result: value, unit and the reporting lab's ULN, converted into `canonicalUnit`. */
const lab = (
  name: string,
  askedIn: Asked,
  factors: UnitFactors,
  canonicalUnit: string,
  numeric: Numeric,
  ulnRange?: { min: number; max: number },
  isTest = true,
) => ({
  name,
  kind: 'lab' as const,
  isTest,
  askedIn,
  measure: measureOf(numeric, factors, canonicalUnit, ulnRange),
});

/** A bare number in one unit (or none). */
const number = (name: string, askedIn: Asked, unit: string, numeric: Numeric, isTest = false) => ({
  name,
  kind: 'number' as const,
  isTest,
  askedIn,
  measure: measureOf(numeric, unit === '' ? {} : { [unit]: 1 }, unit),
});

const percent = (name: string, label: string) =>
  number(name, ['origin'], '%', { label, range: { min: 0, max: 100 }, example: `${label} 40%` }, true);

const yesNo = (name: string, askedIn: Asked) => ({ name, kind: 'yesNo' as const, isTest: false, askedIn });
const choice = (name: string, askedIn: Asked, isTest = false) => ({
  name,
  kind: 'choice' as const,
  isTest,
  askedIn,
});
const symptom = (name: string) => ({
  name,
  kind: 'symptom' as const,
  isTest: false,
  askedIn: ['redFlags'] as Asked,
});

export const FIELD_REGISTRY = {
  // Below 1 U/L no lab reports an ALP: 1e-10 and -0 are refused alike, not read as "within normal limits".
  alp: lab(
    'ALP',
    ['alp'],
    ENZYME_FACTORS,
    'U/L',
    { label: 'ALP', range: { min: 1, max: 10000 }, example: 'ALP 180 U/L, ULN 120' },
    { min: 40, max: 1000 },
  ),
  alpBaseline: lab(
    'baseline ALP',
    ['alp', 'bone'],
    ENZYME_FACTORS,
    'U/L',
    { label: 'Baseline ALP', range: { min: 1, max: 10000 }, example: 'baseline ALP 100 U/L, ULN 120' },
    { min: 40, max: 1000 },
    false,
  ),
  'symptoms.fever': symptom('fever'),
  'symptoms.jaundice': symptom('jaundice'),
  'symptoms.rightUpperQuadrantPain': symptom('right upper quadrant pain'),
  'symptoms.newBonePain': symptom('new bone pain'),
  'symptoms.neuroDeficit': symptom('new neurological deficit'),
  'symptoms.confusion': symptom('confusion'),
  temperatureC: number('temperature', ['redFlags'], '°C', {
    label: 'Temperature',
    range: { min: 25, max: 45 },
    example: 'temperature 38.4 °C',
  }),
  wbc: number(
    'white cell count',
    ['redFlags'],
    'x10^9/L',
    { label: 'White cell count', range: { min: 0, max: 1000 }, example: 'WBC 7.2 x10^9/L' },
    true,
  ),
  crp: lab(
    'CRP',
    ['redFlags'],
    CRP_FACTORS,
    'mg/L',
    { label: 'CRP', range: { min: 0, max: 1000 }, example: 'CRP 12 mg/L, ULN 5' },
    { min: 1, max: 50 },
  ),
  alt: lab(
    'ALT',
    ['liverPanel'],
    ENZYME_FACTORS,
    'U/L',
    { label: 'ALT', range: { min: 0, max: 50000 }, example: 'ALT 25 U/L, ULN 40' },
    { min: 10, max: 200 },
  ),
  ast: lab(
    'AST',
    ['liverPanel'],
    ENZYME_FACTORS,
    'U/L',
    { label: 'AST', range: { min: 0, max: 50000 }, example: 'AST 22 U/L, ULN 40' },
    { min: 10, max: 200 },
  ),
  bilirubinTotal: lab(
    'total bilirubin',
    ['liverPanel'],
    BILIRUBIN_FACTORS,
    'mg/dL',
    {
      label: 'Total bilirubin',
      range: { min: 0, max: 100 },
      example: 'total bilirubin 0.6 mg/dL, ULN 1.2 (or 10 µmol/L, ULN 21)',
    },
    { min: 0.3, max: 5 },
  ),
  bilirubinDirect: lab(
    'fractionated (direct) bilirubin',
    ['liverPanel'],
    BILIRUBIN_FACTORS,
    'mg/dL',
    {
      label: 'Direct bilirubin',
      range: { min: 0, max: 100 },
      example: 'direct bilirubin 0.2 mg/dL, ULN 0.3',
    },
    { min: 0.1, max: 2 },
  ),
  inr: number(
    'INR',
    ['liverPanel'],
    '',
    { label: 'INR', range: { min: 0.5, max: 20 }, example: 'INR 1.1' },
    true,
  ),
  calcium: lab(
    'calcium',
    ['liverPanel'],
    CALCIUM_FACTORS,
    'mg/dL',
    {
      label: 'Calcium',
      range: { min: 2, max: 25 },
      example: 'calcium 9.6 mg/dL, ULN 10.5 (or 2.4 mmol/L, ULN 2.6)',
    },
    { min: 8, max: 12 },
  ),
  albumin: lab('albumin', ['liverPanel'], ALBUMIN_FACTORS, 'g/dL', {
    label: 'Albumin',
    range: { min: 0.5, max: 7 },
    example: 'albumin 3.5 g/dL (or 35 g/L)',
  }),
  'therapy.agent': choice('current treatment', ['context']),
  'therapy.weeksOnTherapy': number('weeks on treatment', ['context', 'bone'], 'weeks', {
    label: 'Weeks on therapy',
    range: { min: 0, max: 520 },
    example: 'week 6 of therapy',
  }),
  'therapy.steroids': yesNo('steroids in the regimen', ['context']),
  'therapy.melphalan': yesNo('VMP regimen', ['context']),
  'therapy.newDrug': yesNo('recently started drugs', ['context']),
  'history.recentFracture': yesNo('recent fracture or vertebroplasty', ['context', 'bone']),
  'history.knownBoneDisease': yesNo('known bone disease', ['context', 'bone']),
  'history.bisphosphonate': yesNo('bisphosphonate use', ['context', 'bone']),
  'history.denosumabStopped': yesNo('denosumab stopped', ['context', 'bone']),
  'history.sex': choice('sex', ['context']),
  'history.ageYears': number('age', ['context'], 'years', {
    label: 'Age',
    range: { min: 0, max: 120 },
    example: 'age 67 years',
  }),
  'history.pregnant': yesNo('pregnancy', ['context']),
  'history.pregnancyTrimester': number('pregnancy trimester', ['context'], '', {
    label: 'Pregnancy trimester',
    range: { min: 1, max: 3 },
    example: 'third trimester (3)',
  }),
  'history.fasting': yesNo('fasting sample', ['context']),
  ggt: lab(
    'GGT',
    ['origin'],
    ENZYME_FACTORS,
    'U/L',
    { label: 'GGT', range: { min: 0, max: 20000 }, example: 'GGT 30 U/L, ULN 60' },
    { min: 10, max: 300 },
  ),
  nucleotidase5: lab(
    "5'-nucleotidase",
    ['origin'],
    ENZYME_FACTORS,
    'U/L',
    { label: "5'-nucleotidase", range: { min: 0, max: 2000 }, example: "5'-nucleotidase 8 U/L, ULN 11" },
    { min: 2, max: 50 },
  ),
  boneSpecificAlp: lab(
    'bone-specific ALP',
    ['origin'],
    BONE_ALP_FACTORS,
    'as reported (µg/L or U/L)',
    {
      label: 'Bone-specific ALP',
      range: { min: 0, max: 2000 },
      example: 'bone-specific ALP 25 µg/L, ULN 20',
    },
    { min: 1, max: 500 },
  ),
  'isoenzymes.bonePercent': percent('bone ALP fraction', 'Bone ALP fraction'),
  'isoenzymes.liverPercent': percent('liver ALP fraction', 'Liver ALP fraction'),
  'isoenzymes.intestinalPercent': percent('intestinal ALP fraction', 'Intestinal ALP fraction'),
  'isoenzymes.placentalPercent': percent('placental ALP fraction', 'Placental ALP fraction'),
  heatStableAlpPercent: percent('heat-inactivated ALP', 'Heat-stable ALP'),
  'history.alcohol': yesNo('alcohol use', ['origin']),
  'history.enzymeInducingDrugs': yesNo('enzyme-inducing drugs', ['origin']),
  'imaging.ultrasound': choice('right upper quadrant ultrasound', ['hepaticImaging'], true),
  ama: choice('antimitochondrial antibody (AMA)', ['hepaticAma'], true),
  'history.amyloidosis': yesNo('AL amyloidosis', ['hepaticAma']),
  'history.heartFailure': yesNo('heart failure', ['hepaticAma']),
  'history.liverSpanCm': number('liver span', ['hepaticAma'], 'cm', {
    label: 'Liver span',
    range: { min: 5, max: 40 },
    example: 'liver span 14 cm',
  }),
  'history.persistentElevation': yesNo('a repeat ALP', ['hepaticAma']),
  'history.renalImpairment': yesNo('renal impairment', ['bone']),
} as const satisfies Record<CaseFieldPath, FieldEntry>;

type Registry = typeof FIELD_REGISTRY;

/** The fields of one kind, as a type: `FieldOfKind<'lab'>` is every lab result. */
export type FieldOfKind<K extends FieldKind> = {
  [P in keyof Registry]: Registry[P]['kind'] extends K ? P : never;
}[keyof Registry];
