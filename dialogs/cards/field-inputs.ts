import type { LabField, ScalarField, Sex, Symptom } from '../../src/clinical';
import {
  ALBUMIN_UNITS,
  BILIRUBIN_UNITS,
  BONE_ALP_UNITS,
  CALCIUM_UNITS,
  CRP_UNITS,
  ENZYME_UNITS,
  SEXES,
  SYMPTOMS,
  THERAPY_AGENTS,
  ULTRASOUND_RESULTS,
} from '../../src/clinical';
import type { Choice } from './adaptive-card';

const SEX_TITLES: Record<Sex, string> = { female: 'Female', male: 'Male', 'not-stated': 'Not stated' };

/**
 * How each case field is asked on a card and read back from a submit. Input ids are the case
 * paths themselves ("alp.value", "therapy.steroids"), so a submit maps onto the case without a
 * lookup table that could drift from the cards.
 */

export interface LabInput {
  kind: 'lab';
  path: LabField;
  label: string;
  /** Units offered on the card, the first being the default; empty when the unit follows another lab. */
  units: readonly string[];
  /** The baseline ALP is entered in the ALP's unit and has no ULN of its own. */
  unitFrom?: LabField;
  hasUln: boolean;
  hint?: string;
}

export interface NumberInput {
  kind: 'number';
  path: ScalarField;
  label: string;
}

export interface YesNoInput {
  kind: 'yesNo';
  path: string;
  label: string;
}

export interface ChoiceInput {
  kind: 'choice';
  path: string;
  label: string;
  choices: Choice[];
}

/** The red-flag screen: one multi-select whose unticked boxes mean "no" once the clinician answers. */
export interface SymptomsInput {
  kind: 'symptoms';
  path: 'symptoms';
  label: string;
  choices: Choice[];
}

export type FieldInput = LabInput | NumberInput | YesNoInput | ChoiceInput | SymptomsInput;

/** Units as a clinician reads them; aliases (IU/L, ukat/L, Greek mu) stay accepted by the engine and the text parser. */
const displayUnits = (units: readonly string[]): string[] =>
  units.filter((unit) => unit !== 'IU/L' && !unit.startsWith('u') && !unit.startsWith('μ'));

export const ENZYME_CARD_UNITS = displayUnits(ENZYME_UNITS);
export const BILIRUBIN_CARD_UNITS = displayUnits(BILIRUBIN_UNITS);
export const CALCIUM_CARD_UNITS = displayUnits(CALCIUM_UNITS);
export const BONE_ALP_CARD_UNITS = displayUnits(BONE_ALP_UNITS);

const SYMPTOM_TITLES: Readonly<Record<Symptom, string>> = {
  fever: 'Fever (> 38 °C) or rigors',
  jaundice: 'Jaundice',
  rightUpperQuadrantPain: 'Right upper quadrant pain',
  newBonePain: 'New bone pain',
  neuroDeficit: 'New neurological deficit',
  confusion: 'Confusion or drowsiness',
};

export const SYMPTOM_CHOICES: Choice[] = SYMPTOMS.map((symptom) => ({
  title: SYMPTOM_TITLES[symptom],
  value: symptom,
}));

const THERAPY_TITLES: Record<(typeof THERAPY_AGENTS)[number], string> = {
  bortezomib: 'Bortezomib',
  carfilzomib: 'Carfilzomib',
  ixazomib: 'Ixazomib',
  other: 'Other (no proteasome inhibitor)',
  none: 'No current treatment',
};

export const ULTRASOUND_TITLES: Record<(typeof ULTRASOUND_RESULTS)[number], string> = {
  normal: 'Normal',
  'dilated-ducts': 'Dilated ducts',
  'cbd-stone': 'Bile duct stone',
  'focal-lesions': 'Focal lesions',
  'diffuse-infiltration': 'Diffuse infiltration',
  hepatomegaly: 'Hepatomegaly',
};

const lab = (path: LabField, label: string, units: readonly string[], hint?: string): LabInput => ({
  kind: 'lab',
  path,
  label,
  units,
  hasUln: true,
  ...(hint === undefined ? {} : { hint }),
});

const yesNo = (path: string, label: string): YesNoInput => ({ kind: 'yesNo', path, label });

const number = (path: ScalarField, label: string): NumberInput => ({ kind: 'number', path, label });

export const FIELD_INPUTS: readonly FieldInput[] = [
  lab('alp', 'ALP (alkaline phosphatase)', ENZYME_CARD_UNITS),
  {
    kind: 'lab',
    path: 'alpBaseline',
    label: 'Baseline ALP before this treatment (optional)',
    units: [],
    unitFrom: 'alp',
    hasUln: false,
    hint: 'Same unit as the ALP above.',
  },
  lab('alt', 'ALT', ENZYME_CARD_UNITS),
  lab('ast', 'AST', ENZYME_CARD_UNITS),
  lab('bilirubinTotal', 'Total bilirubin', BILIRUBIN_CARD_UNITS),
  lab('bilirubinDirect', 'Direct bilirubin', BILIRUBIN_CARD_UNITS),
  number('inr', 'INR'),
  lab('calcium', 'Calcium', CALCIUM_CARD_UNITS),
  {
    kind: 'lab',
    path: 'albumin',
    label: 'Albumin (for corrected calcium)',
    units: ALBUMIN_UNITS,
    hasUln: false,
  },
  // TG18 reads CRP against an absolute 1 mg/dL: its ULN changes no rule, so it is not asked (decision 19).
  { kind: 'lab', path: 'crp', label: 'CRP', units: CRP_UNITS, hasUln: false },
  number('wbc', 'White cell count (x10^9/L)'),
  number('temperatureC', 'Temperature (°C)'),
  lab('ggt', 'GGT', ENZYME_CARD_UNITS),
  lab('nucleotidase5', "5'-nucleotidase", ENZYME_CARD_UNITS),
  lab('boneSpecificAlp', 'Bone-specific ALP', BONE_ALP_CARD_UNITS),
  number('isoenzymes.bonePercent', 'ALP isoenzymes: bone fraction (%)'),
  number('isoenzymes.liverPercent', 'ALP isoenzymes: liver fraction (%)'),
  number('isoenzymes.intestinalPercent', 'ALP isoenzymes: intestinal fraction (%)'),
  number('isoenzymes.placentalPercent', 'ALP isoenzymes: placental fraction (%)'),
  number('heatStableAlpPercent', 'Heat-stable ALP after 56 °C (% residual)'),
  {
    kind: 'choice',
    path: 'therapy.agent',
    label: 'Current myeloma treatment',
    choices: THERAPY_AGENTS.map((agent) => ({ title: THERAPY_TITLES[agent], value: agent })),
  },
  number('therapy.weeksOnTherapy', 'Weeks on this treatment'),
  yesNo('therapy.steroids', 'Steroids in the regimen?'),
  yesNo('therapy.melphalan', 'Melphalan-prednisone with bortezomib (VMP)?'),
  yesNo('therapy.newDrug', 'Any drug started in the last 3 months?'),
  yesNo('history.recentFracture', 'Recent fracture, vertebroplasty or kyphoplasty?'),
  yesNo('history.knownBoneDisease', 'Known myeloma bone disease (lytic lesions)?'),
  yesNo('history.bisphosphonate', 'On zoledronic acid or another bisphosphonate?'),
  yesNo('history.denosumabStopped', 'Denosumab stopped recently?'),
  yesNo('history.renalImpairment', 'Renal impairment?'),
  {
    kind: 'choice',
    path: 'history.sex',
    label: 'Sex',
    choices: SEXES.map((sex) => ({ title: SEX_TITLES[sex], value: sex })),
  },
  number('history.ageYears', 'Age (years)'),
  yesNo('history.pregnant', 'Pregnant?'),
  number('history.pregnancyTrimester', 'If pregnant: trimester (1-3)'),
  yesNo('history.fasting', 'Fasting sample?'),
  yesNo('history.alcohol', 'Regular alcohol use?'),
  yesNo('history.enzymeInducingDrugs', 'On enzyme-inducing drugs (phenytoin, phenobarbital)?'),
  yesNo('history.amyloidosis', 'Known or suspected AL amyloidosis?'),
  yesNo('history.heartFailure', 'Heart failure?'),
  number('history.liverSpanCm', 'Liver span on imaging (cm)'),
  yesNo('history.persistentElevation', 'ALP raised on repeat testing?'),
  {
    kind: 'symptoms',
    path: 'symptoms',
    label: 'Tick all that apply',
    choices: SYMPTOM_CHOICES,
  },
  {
    kind: 'choice',
    path: 'imaging.ultrasound',
    label: 'Right upper quadrant ultrasound result',
    choices: ULTRASOUND_RESULTS.map((result) => ({ title: ULTRASOUND_TITLES[result], value: result })),
  },
  {
    kind: 'choice',
    path: 'ama',
    label: 'Antimitochondrial antibody (AMA)',
    choices: [
      { title: 'Positive', value: 'positive' },
      { title: 'Negative', value: 'negative' },
    ],
  },
];

const BY_PATH = new Map<string, FieldInput>(FIELD_INPUTS.map((input) => [input.path, input]));

/** The card input for a case path; a lab's sub-path ("alp.uln") and a single symptom resolve to their group. */
export const fieldInputFor = (path: string): FieldInput | undefined => {
  const direct = BY_PATH.get(path);
  if (direct) return direct;
  const [head, tail] = splitPath(path);
  if (head === 'symptoms') return BY_PATH.get('symptoms');
  const parent = BY_PATH.get(head);
  return parent?.kind === 'lab' && ['value', 'unit', 'uln'].includes(tail) ? parent : undefined;
};

const splitPath = (path: string): [string, string] => {
  const dot = path.indexOf('.');
  return dot < 0 ? [path, ''] : [path.slice(0, dot), path.slice(dot + 1)];
};
