import { FIELD_REGISTRY, type CaseFieldPath } from '../../src/clinical';

/**
 * Short names for case paths in running prose: lists of tests to order and of answers that would
 * change the conclusion. A field is named as the registry names it; here are only the names of
 * what is not one field: a whole group, and a ULN asked on its own.
 */
const GROUP_NAMES: Readonly<Record<string, string>> = {
  'alp.uln': "your lab's ALP ULN",
  isoenzymes: 'ALP isoenzymes',
  imaging: 'right upper quadrant ultrasound',
  symptoms: 'the red-flag symptoms',
  therapy: 'current treatment',
};

const isCaseFieldPath = (path: string): path is CaseFieldPath => path in FIELD_REGISTRY;

/** A readable name for any case path (a lab's value, unit or ULN too), or the path itself when it names nothing. */
export const fieldName = (path: string): string => {
  const head = path.split('.')[0] as string;
  // The red-flag symptoms are asked and listed together, as one checklist.
  if (head === 'symptoms') return GROUP_NAMES['symptoms'] as string;
  const group = GROUP_NAMES[path];
  if (group) return group;
  if (isCaseFieldPath(path)) return FIELD_REGISTRY[path].name;
  if (path.endsWith('.uln')) return `your lab's ${fieldName(path.slice(0, -4))} ULN`;
  if (path.endsWith('.value') || path.endsWith('.unit'))
    return fieldName(path.slice(0, path.lastIndexOf('.')));
  return GROUP_NAMES[head] ?? path;
};

/** Distinct names in order: five symptom paths read as one "red-flag symptoms". */
export const fieldNames = (paths: readonly string[]): string[] => [...new Set(paths.map(fieldName))];
