import { LAB_TESTS } from './lab-aliases';
import { stripEdges } from './strip-edges';

/** Answers that are not lab values, by the words a clinician would use to name them ("edit treatment"). */
const ANSWER_FIELDS: readonly { field: string; names: readonly string[] }[] = [
  {
    field: 'therapy.agent',
    names: ['treatment', 'therapy', 'regimen', 'drug', 'agent', 'current treatment'],
  },
  {
    field: 'therapy.weeksOnTherapy',
    names: ['weeks', 'weeks on therapy', 'weeks on treatment', 'duration', 'week'],
  },
  { field: 'therapy.steroids', names: ['steroids', 'steroid', 'dexamethasone', 'dex'] },
  { field: 'therapy.melphalan', names: ['melphalan'] },
  { field: 'history.recentFracture', names: ['fracture', 'recent fracture', 'vertebroplasty'] },
  { field: 'history.pregnant', names: ['pregnancy', 'pregnant'] },
  { field: 'history.fasting', names: ['fasting', 'fasting sample'] },
  { field: 'history.ageYears', names: ['age'] },
  { field: 'history.sex', names: ['sex', 'gender'] },
  { field: 'symptoms.fever', names: ['symptoms', 'red flags', 'red-flag screen', 'fever'] },
  { field: 'symptoms.jaundice', names: ['jaundice'] },
  { field: 'symptoms.rightUpperQuadrantPain', names: ['ruq pain', 'right upper quadrant pain'] },
  { field: 'symptoms.newBonePain', names: ['bone pain'] },
  { field: 'symptoms.neuroDeficit', names: ['neuro', 'neurological deficit', 'weakness'] },
  { field: 'symptoms.confusion', names: ['confusion'] },
  { field: 'imaging.ultrasound', names: ['ultrasound', 'us', 'imaging', 'ultrasound result'] },
  { field: 'ama', names: ['ama', 'anti-mitochondrial antibody', 'antimitochondrial antibody'] },
  { field: 'isoenzymes.bonePercent', names: ['isoenzymes', 'isoenzyme', 'fractionation'] },
];

const key = (name: string): string =>
  name
    .toLowerCase()
    .replace(/['’`]/g, '')
    .replace(/[\s._-]+/g, ' ')
    .trim();

const FIELD_BY_NAME: ReadonlyMap<string, string> = new Map([
  ...LAB_TESTS.flatMap((test) =>
    [...test.names, ...(test.exactCase ?? [])].map((name) => [key(name), test.field] as const),
  ),
  ...ANSWER_FIELDS.flatMap(({ field, names }) => names.map((name) => [key(name), field] as const)),
]);

/** The case path a clinician means by a test or question name ("alk phos" -> "alp"), if any. */
export function resolveFieldName(name: string): string | undefined {
  return FIELD_BY_NAME.get(key(stripEdges(name, ' \t\r\n"\'.,!?()')));
}
