import { FIELD_INFO } from '../../src/clinical';
import type { Reading } from '../text';
import { inSentence, joinProse } from './format';
import { isLabField, labText, scalarText } from './lab-text';

/** What the text parser read from one mention in the message, or a card submitted: a Reading without its source text. */
export type EchoReading = Omit<Reading, 'source'>;

/**
 * "I read: ALP 5 µkat/L = 300 U/L (2.3x ULN); ALT 30 U/L (0.8x ULN)." The clinician sees what
 * was understood, converted and related to the ULN, before the workup moves on; units that were
 * not typed are named, so an assumed U/L never passes silently.
 */
export const readingsEcho = (readings: readonly EchoReading[]): string => {
  if (readings.length === 0) return '';
  const assumed: string[] = [];
  const parts = readings.map((reading) => {
    if (!isLabField(reading.field)) return scalarText(reading.field, reading.value);
    const lab = labText(reading.field, {
      value: reading.value,
      ...(reading.unit === undefined ? {} : { unit: reading.unit }),
      ...(reading.uln === undefined ? {} : { uln: reading.uln }),
    });
    if (lab.assumedUnit) assumed.push(`${inSentence(FIELD_INFO[reading.field].label)} in ${lab.assumedUnit}`);
    return lab.text;
  });
  const note = assumed.length > 0 ? ` No unit given, so I read ${joinProse(assumed)}.` : '';
  return `I read: ${parts.join('; ')}.${note}`;
};
