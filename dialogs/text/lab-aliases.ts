import type { LabField, ScalarField } from '../../src/clinical';
import type { UnitFamily } from './lab-units';

/**
 * The names lab systems and clinicians give each test, per case field. Matching is
 * case-insensitive except for `exactCase` names, which are ordinary English words or
 * ambiguous in lower case ("AP", "GOT").
 */
export interface LabTest {
  /** Case path: a lab result or a bare number, as the field registry says. */
  field: LabField | ScalarField;
  /** How the test is named back to the clinician. */
  label: string;
  family: UnitFamily;
  /** Whether the case field keeps the lab's ULN ("alp": { value, unit, uln }). */
  keepsUln: boolean;
  names: readonly string[];
  exactCase?: readonly string[];
}

const enzyme = (field: LabField, label: string, names: string[], exactCase: string[] = []): LabTest => ({
  field,
  label,
  family: 'enzyme',
  keepsUln: true,
  names,
  exactCase,
});
const bare = (field: ScalarField, label: string, family: UnitFamily, names: string[]): LabTest => ({
  field,
  label,
  family,
  keepsUln: false,
  names,
});

export const LAB_TESTS: readonly LabTest[] = [
  enzyme(
    'alp',
    'ALP',
    [
      'alp',
      'alkp',
      'alk phos',
      'alk. phos.',
      'alk. phos',
      'alk.phos',
      'alkphos',
      'alk phosphatase',
      'alkaline phosphatase',
      'alkaline phos',
      'total alp',
      'alp total',
    ],
    ['AP'],
  ),
  enzyme('alpBaseline', 'baseline ALP', [
    'baseline alp',
    'alp baseline',
    'alp at baseline',
    'baseline alk phos',
    'baseline alkaline phosphatase',
    'pre-treatment alp',
    'pretreatment alp',
    'baseline',
  ]),
  enzyme(
    'alt',
    'ALT',
    ['alt', 'sgpt', 'alat', 'alanine aminotransferase', 'alanine transaminase', 'alanine transferase'],
    ['GPT'],
  ),
  enzyme(
    'ast',
    'AST',
    ['ast', 'sgot', 'asat', 'aspartate aminotransferase', 'aspartate transaminase', 'aspartate transferase'],
    ['GOT'],
  ),
  enzyme('ggt', 'GGT', [
    'ggt',
    'ggtp',
    'g-gt',
    'γgt',
    'γ-gt',
    'ygt',
    'gamma gt',
    'gamma-gt',
    'gamma glutamyl transferase',
    'gamma-glutamyl transferase',
    'gamma-glutamyltransferase',
    'gamma glutamyltransferase',
    'gamma glutamyl transpeptidase',
    'gamma-glutamyl transpeptidase',
    'γ-glutamyltransferase',
  ]),
  enzyme('nucleotidase5', "5'-nucleotidase", [
    '5nt',
    "5'nt",
    "5'-nt",
    '5-nt',
    '5’nt',
    '5’-nt',
    "5'-nucleotidase",
    "5' nucleotidase",
    "5'nucleotidase",
    '5’-nucleotidase',
    '5’ nucleotidase',
    '5-nucleotidase',
    '5 nucleotidase',
    'nucleotidase',
  ]),
  {
    field: 'bilirubinTotal',
    label: 'total bilirubin',
    family: 'bilirubin',
    keepsUln: true,
    names: [
      'bili',
      'bilirubin',
      'total bilirubin',
      'total bili',
      't bili',
      't. bili',
      't-bili',
      'tbili',
      'tbil',
      't bil',
      'bilirubin total',
      'bilirubin, total',
      'bilirubin (total)',
      'serum bilirubin',
    ],
  },
  {
    field: 'bilirubinDirect',
    label: 'direct bilirubin',
    family: 'bilirubin',
    keepsUln: true,
    names: [
      'direct bilirubin',
      'direct bili',
      'd bili',
      'd. bili',
      'd-bili',
      'dbili',
      'dbil',
      'd bil',
      'conjugated bilirubin',
      'conj bili',
      'conj. bili',
      'bilirubin direct',
      'bilirubin, direct',
      'bilirubin (direct)',
      'bilirubin conjugated',
      'bilirubin, conjugated',
    ],
  },
  {
    field: 'calcium',
    label: 'calcium',
    family: 'calcium',
    keepsUln: true,
    names: ['ca', 'calcium', 'serum calcium', 'total calcium', 'calcium, total', 'calcium total'],
  },
  {
    field: 'albumin',
    label: 'albumin',
    family: 'albumin',
    keepsUln: false,
    names: ['albumin', 'alb', 'serum albumin'],
  },
  {
    field: 'crp',
    label: 'CRP',
    family: 'crp',
    keepsUln: true,
    names: ['crp', 'hs-crp', 'hscrp', 'c-reactive protein', 'c reactive protein'],
  },
  {
    field: 'boneSpecificAlp',
    label: 'bone-specific ALP',
    family: 'boneAlp',
    keepsUln: true,
    names: [
      'bone alp',
      'bone-specific alp',
      'bone specific alp',
      'bone alkaline phosphatase',
      'bone-specific alkaline phosphatase',
      'bone specific alkaline phosphatase',
      'bone alk phos',
      'bone-specific alk phos',
      'balp',
      'b-alp',
      'bsap',
      'bsalp',
      'ostase',
    ],
  },
  bare('inr', 'INR', 'none', ['inr', 'pt/inr', 'pt-inr']),
  bare('temperatureC', 'temperature', 'temperature', [
    'temp',
    'temperature',
    'tmax',
    't max',
    'body temperature',
  ]),
  bare('wbc', 'WBC', 'wbc', [
    'wbc',
    'wcc',
    'white cells',
    'white cell count',
    'white blood cells',
    'white blood cell count',
    'leukocytes',
    'leucocytes',
    'leukocyte count',
    'leucocyte count',
  ]),
  bare('isoenzymes.bonePercent', 'bone isoenzyme', 'percent', [
    'bone isoenzyme',
    'bone isoform',
    'bone fraction',
    'bone alp fraction',
    'bone alp isoenzyme',
  ]),
  bare('isoenzymes.liverPercent', 'liver isoenzyme', 'percent', [
    'liver isoenzyme',
    'liver isoform',
    'liver fraction',
    'liver alp fraction',
    'hepatic fraction',
    'hepatic isoenzyme',
  ]),
  bare('isoenzymes.intestinalPercent', 'intestinal isoenzyme', 'percent', [
    'intestinal isoenzyme',
    'intestinal isoform',
    'intestinal fraction',
  ]),
  bare('isoenzymes.placentalPercent', 'placental isoenzyme', 'percent', [
    'placental isoenzyme',
    'placental isoform',
    'placental fraction',
  ]),
  bare('heatStableAlpPercent', 'heat-stable ALP', 'percent', [
    'heat stable alp',
    'heat-stable alp',
    'heat stable fraction',
    'heat-stable fraction',
    'heat stable alkaline phosphatase',
    'heat-stable alkaline phosphatase',
    'heat stability',
    'heat inactivation',
  ]),
];

/**
 * Names that look like a test we read but are not: matched so their numbers are never given to
 * a neighbouring name ("CA 19-9" is not calcium). With a message, the clinician is told what to
 * enter instead; without, the name is passed over silently.
 */
export interface ForeignTest {
  names: readonly string[];
  field?: string;
  message?: string;
}

export const FOREIGN_TESTS: readonly ForeignTest[] = [
  {
    names: ['ca 19-9', 'ca19-9', 'ca 125', 'ca-125', 'ca125', 'ca 15-3', 'ca15-3', 'ca 27.29', 'ca 27-29'],
  },
  {
    names: [
      'indirect bilirubin',
      'indirect bili',
      'unconjugated bilirubin',
      'bilirubin, indirect',
      'bilirubin indirect',
    ],
  },
  { names: ['microalbumin', 'albumin/creatinine', 'urine albumin', 'prealbumin'] },
  {
    names: [
      'corrected calcium',
      'adjusted calcium',
      'corrected ca',
      'adjusted ca',
      'corr ca',
      'corr. ca',
      'calcium, corrected',
    ],
    field: 'calcium',
    message:
      'Corrected calcium: enter the measured total calcium and the albumin instead; I correct it myself (mmol/L or mg/dL).',
  },
  {
    names: [
      'ionised calcium',
      'ionized calcium',
      'ica',
      'ca2+',
      'ca++',
      'calcium, ionized',
      'calcium, ionised',
      'free calcium',
    ],
    field: 'calcium',
    message: 'Ionised calcium is not used here: enter the total calcium (mmol/L or mg/dL) and the albumin.',
  },
];
