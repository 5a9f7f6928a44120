import type { CaseFieldPath, FieldOfKind, LabField, ScalarField, Sex, Symptom } from '../../src/clinical';
import { FIELD_REGISTRY, SEXES, SYMPTOMS, THERAPY_AGENTS, ULTRASOUND_RESULTS } from '../../src/clinical';
import { ULTRASOUND_LABELS } from '../presentation/labels';
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
  path: FieldOfKind<'yesNo'>;
  label: string;
}

export interface ChoiceInput {
  kind: 'choice';
  path: FieldOfKind<'choice'>;
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

const CHOICES: Readonly<Record<FieldOfKind<'choice'>, Choice[]>> = {
  'therapy.agent': THERAPY_AGENTS.map((agent) => ({ title: THERAPY_TITLES[agent], value: agent })),
  'history.sex': SEXES.map((sex) => ({ title: SEX_TITLES[sex], value: sex })),
  'imaging.ultrasound': ULTRASOUND_RESULTS.map((result) => ({
    title: ULTRASOUND_LABELS[result],
    value: result,
  })),
  ama: [
    { title: 'Positive', value: 'positive' },
    { title: 'Negative', value: 'negative' },
  ],
};

/** What a lab's card input does differently from the usual value, unit and ULN. */
interface LabOptions {
  hint?: string;
  /** The ULN is not asked: the field has none (albumin), or it changes no rule (CRP). */
  withoutUln?: boolean;
  unitFrom?: LabField;
}

type AskedOneByOne = Exclude<CaseFieldPath, FieldOfKind<'symptom'>>;

/** The card input of one field: its kind and units come from the field registry, the wording is the card's. */
function input(path: AskedOneByOne, label: string, options: LabOptions = {}): FieldInput {
  const entry = FIELD_REGISTRY[path];
  switch (entry.kind) {
    case 'lab':
      return {
        kind: 'lab',
        path: path as LabField,
        label,
        units: options.unitFrom === undefined ? displayUnits(Object.keys(entry.measure.factors)) : [],
        ...(options.unitFrom === undefined ? {} : { unitFrom: options.unitFrom }),
        hasUln: options.withoutUln !== true,
        ...(options.hint === undefined ? {} : { hint: options.hint }),
      };
    case 'number':
      return { kind: 'number', path: path as ScalarField, label };
    case 'yesNo':
      return { kind: 'yesNo', path: path as FieldOfKind<'yesNo'>, label };
    case 'choice':
      return {
        kind: 'choice',
        path: path as FieldOfKind<'choice'>,
        label,
        choices: CHOICES[path as FieldOfKind<'choice'>],
      };
  }
}

export const FIELD_INPUTS: readonly FieldInput[] = [
  input('alp', 'ALP (alkaline phosphatase)'),
  input('alpBaseline', 'Baseline ALP before this treatment (optional)', {
    unitFrom: 'alp',
    withoutUln: true,
    hint: 'Same unit as the ALP above.',
  }),
  input('alt', 'ALT'),
  input('ast', 'AST'),
  input('bilirubinTotal', 'Total bilirubin'),
  input('bilirubinDirect', 'Direct bilirubin'),
  input('inr', 'INR'),
  input('calcium', 'Calcium'),
  input('albumin', 'Albumin (for corrected calcium)', { withoutUln: true }),
  // TG18 reads CRP against an absolute 1 mg/dL: its ULN changes no rule, so it is not asked (decision 19).
  input('crp', 'CRP', { withoutUln: true }),
  input('wbc', 'White cell count (x10^9/L)'),
  input('temperatureC', 'Temperature (°C)'),
  input('ggt', 'GGT'),
  input('nucleotidase5', "5'-nucleotidase"),
  input('boneSpecificAlp', 'Bone-specific ALP'),
  input('isoenzymes.bonePercent', 'ALP isoenzymes: bone fraction (%)'),
  input('isoenzymes.liverPercent', 'ALP isoenzymes: liver fraction (%)'),
  input('isoenzymes.intestinalPercent', 'ALP isoenzymes: intestinal fraction (%)'),
  input('isoenzymes.placentalPercent', 'ALP isoenzymes: placental fraction (%)'),
  input('heatStableAlpPercent', 'Heat-stable ALP after 56 °C (% residual)'),
  input('therapy.agent', 'Current myeloma treatment'),
  input('therapy.weeksOnTherapy', 'Weeks on this treatment'),
  input('therapy.steroids', 'Steroids in the regimen?'),
  input('therapy.melphalan', 'Melphalan-prednisone with bortezomib (VMP)?'),
  input('therapy.newDrug', 'Any drug started in the last 3 months?'),
  input('history.recentFracture', 'Recent fracture, vertebroplasty or kyphoplasty?'),
  input('history.knownBoneDisease', 'Known myeloma bone disease (lytic lesions)?'),
  input('history.bisphosphonate', 'On zoledronic acid or another bisphosphonate?'),
  input('history.denosumabStopped', 'Denosumab stopped recently?'),
  input('history.renalImpairment', 'Renal impairment?'),
  input('history.sex', 'Sex'),
  input('history.ageYears', 'Age (years)'),
  input('history.pregnant', 'Pregnant?'),
  input('history.pregnancyTrimester', 'If pregnant: trimester (1-3)'),
  input('history.fasting', 'Fasting sample?'),
  input('history.alcohol', 'Regular alcohol use?'),
  input('history.enzymeInducingDrugs', 'On enzyme-inducing drugs (phenytoin, phenobarbital)?'),
  input('history.amyloidosis', 'Known or suspected AL amyloidosis?'),
  input('history.heartFailure', 'Heart failure?'),
  input('history.liverSpanCm', 'Liver span on imaging (cm)'),
  input('history.persistentElevation', 'ALP raised on repeat testing?'),
  {
    kind: 'symptoms',
    path: 'symptoms',
    label: 'Tick all that apply',
    choices: SYMPTOM_CHOICES,
  },
  input('imaging.ultrasound', 'Right upper quadrant ultrasound result'),
  input('ama', 'Antimitochondrial antibody (AMA)'),
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
