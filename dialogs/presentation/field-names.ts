import { FIELD_INFO } from '../../src/clinical';

/**
 * Short names for case paths in running prose: lists of tests to order and of answers that would
 * change the conclusion. Tests are named the way they are ordered.
 */
const NAMES: Readonly<Record<string, string>> = {
  alp: 'ALP',
  'alp.uln': "your lab's ALP ULN",
  alpBaseline: 'baseline ALP',
  alt: 'ALT',
  ast: 'AST',
  ggt: 'GGT',
  nucleotidase5: "5'-nucleotidase",
  bilirubinTotal: 'total bilirubin',
  bilirubinDirect: 'fractionated (direct) bilirubin',
  calcium: 'calcium',
  albumin: 'albumin',
  crp: 'CRP',
  inr: 'INR',
  wbc: 'white cell count',
  temperatureC: 'temperature',
  boneSpecificAlp: 'bone-specific ALP',
  isoenzymes: 'ALP isoenzymes',
  'isoenzymes.bonePercent': 'bone ALP fraction',
  'isoenzymes.liverPercent': 'liver ALP fraction',
  'isoenzymes.intestinalPercent': 'intestinal ALP fraction',
  'isoenzymes.placentalPercent': 'placental ALP fraction',
  heatStableAlpPercent: 'heat-inactivated ALP',
  'imaging.ultrasound': 'right upper quadrant ultrasound',
  imaging: 'right upper quadrant ultrasound',
  ama: 'antimitochondrial antibody (AMA)',
  symptoms: 'the red-flag symptoms',
  therapy: 'current treatment',
  'therapy.agent': 'current treatment',
  'therapy.weeksOnTherapy': 'weeks on treatment',
  'therapy.steroids': 'steroids in the regimen',
  'therapy.melphalan': 'VMP regimen',
  'therapy.newDrug': 'recently started drugs',
  'history.recentFracture': 'recent fracture or vertebroplasty',
  'history.knownBoneDisease': 'known bone disease',
  'history.bisphosphonate': 'bisphosphonate use',
  'history.denosumabStopped': 'denosumab stopped',
  'history.sex': 'sex',
  'history.pregnant': 'pregnancy',
  'history.pregnancyTrimester': 'pregnancy trimester',
  'history.ageYears': 'age',
  'history.fasting': 'fasting sample',
  'history.alcohol': 'alcohol use',
  'history.enzymeInducingDrugs': 'enzyme-inducing drugs',
  'history.amyloidosis': 'AL amyloidosis',
  'history.heartFailure': 'heart failure',
  'history.renalImpairment': 'renal impairment',
  'history.liverSpanCm': 'liver span',
  'history.persistentElevation': 'a repeat ALP',
};

/** A readable name for any case path, falling back from the table to the engine's labels to the path itself. */
export const fieldName = (path: string): string => {
  const named = NAMES[path];
  if (named) return named;
  const head = path.split('.')[0] as string;
  if (head === 'symptoms') return NAMES['symptoms'] as string;
  if (path.endsWith('.uln')) return `your lab's ${fieldName(path.slice(0, -4))} ULN`;
  if (path.endsWith('.value') || path.endsWith('.unit'))
    return fieldName(path.slice(0, path.lastIndexOf('.')));
  if (path in FIELD_INFO) return FIELD_INFO[path as keyof typeof FIELD_INFO].label;
  return NAMES[head] ?? path;
};

/** Distinct names in order: five symptom paths read as one "red-flag symptoms". */
export const fieldNames = (paths: readonly string[]): string[] => [...new Set(paths.map(fieldName))];
