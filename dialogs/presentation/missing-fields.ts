import { fieldNames } from './field-names';
import { capitalise, joinProse } from './format';

/** How many of the engine's "missing" entries are worth a line: the list is ordered most useful first. */
const SHOWN = 4;

/** "GGT, right upper quadrant ultrasound and the red-flag symptoms" or undefined when nothing is missing. */
export const missingFieldsLine = (missing: readonly string[]): string | undefined => {
  const names = fieldNames(missing).slice(0, SHOWN);
  return names.length > 0 ? `${capitalise(joinProse(names))}.` : undefined;
};
