import type { CaseFieldPath } from './case-field-paths';

/**
 * One entry for every answerable case field, so adding a field to the case schema is one entry
 * here and the compiler names whatever else is missing. Units and plausible ranges of the numeric
 * fields are in `FIELD_INFO`; which question asks a field is the machine's (`machines/steps.ts`);
 * how a card asks it is the dialogs' (`dialogs/cards/field-inputs.ts`).
 */
export interface FieldEntry {
  /** How running prose names the field: lists of tests to order and of answers still open. */
  name: string;
  /** The result of a test someone orders: "not done yet" for it parks the workup until it is back. */
  isTest: boolean;
}

const test = (name: string): FieldEntry => ({ name, isTest: true });
const answer = (name: string): FieldEntry => ({ name, isTest: false });

export const FIELD_REGISTRY = {
  alp: test('ALP'),
  alpBaseline: answer('baseline ALP'),
  alt: test('ALT'),
  ast: test('AST'),
  ggt: test('GGT'),
  nucleotidase5: test("5'-nucleotidase"),
  bilirubinTotal: test('total bilirubin'),
  bilirubinDirect: test('fractionated (direct) bilirubin'),
  calcium: test('calcium'),
  albumin: test('albumin'),
  inr: test('INR'),
  temperatureC: answer('temperature'),
  wbc: test('white cell count'),
  crp: test('CRP'),
  boneSpecificAlp: test('bone-specific ALP'),
  'isoenzymes.bonePercent': test('bone ALP fraction'),
  'isoenzymes.liverPercent': test('liver ALP fraction'),
  'isoenzymes.intestinalPercent': test('intestinal ALP fraction'),
  'isoenzymes.placentalPercent': test('placental ALP fraction'),
  heatStableAlpPercent: test('heat-inactivated ALP'),
  'therapy.agent': answer('current treatment'),
  'therapy.weeksOnTherapy': answer('weeks on treatment'),
  'therapy.steroids': answer('steroids in the regimen'),
  'therapy.melphalan': answer('VMP regimen'),
  'therapy.newDrug': answer('recently started drugs'),
  'history.recentFracture': answer('recent fracture or vertebroplasty'),
  'history.knownBoneDisease': answer('known bone disease'),
  'history.bisphosphonate': answer('bisphosphonate use'),
  'history.denosumabStopped': answer('denosumab stopped'),
  'history.sex': answer('sex'),
  'history.pregnant': answer('pregnancy'),
  'history.pregnancyTrimester': answer('pregnancy trimester'),
  'history.ageYears': answer('age'),
  'history.fasting': answer('fasting sample'),
  'history.alcohol': answer('alcohol use'),
  'history.enzymeInducingDrugs': answer('enzyme-inducing drugs'),
  'history.amyloidosis': answer('AL amyloidosis'),
  'history.heartFailure': answer('heart failure'),
  'history.renalImpairment': answer('renal impairment'),
  'history.liverSpanCm': answer('liver span'),
  'history.persistentElevation': answer('a repeat ALP'),
  'symptoms.fever': answer('fever'),
  'symptoms.jaundice': answer('jaundice'),
  'symptoms.rightUpperQuadrantPain': answer('right upper quadrant pain'),
  'symptoms.newBonePain': answer('new bone pain'),
  'symptoms.neuroDeficit': answer('new neurological deficit'),
  'symptoms.confusion': answer('confusion'),
  'imaging.ultrasound': test('right upper quadrant ultrasound'),
  ama: test('antimitochondrial antibody (AMA)'),
} as const satisfies Record<CaseFieldPath, FieldEntry>;
