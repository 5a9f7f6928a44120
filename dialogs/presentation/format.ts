/**
 * Number and unit formatting for everything the clinician reads. One place, so a value looks the
 * same in the echo, the cards, the running line and the chart note.
 */
import { inUnit } from '../../src/clinical';

const MICRO = 'µ';

/** Unit spellings as typed or reported (ukat/L, Greek mu, IU/L) shown the way a lab report prints them. */
export const displayUnit = (unit: string): string => unit.replace(/^[uμ]/, MICRO);

/** Reported values keep their precision up to 2 decimals; trailing zeros go (180, 5.2, 0.75). */
export const formatValue = (value: number): string => {
  if (!Number.isFinite(value)) return String(value);
  return String(Math.round(value * 100) / 100);
};

/**
 * A converted value to the decimals a lab prints in its unit (300 U/L, 1.8 mg/dL, 9.6 mg/dL): the
 * clinical core's convention (`DISPLAY_DECIMALS`), so the echo and the assessment agree.
 */
export const formatConverted = (value: number, unit: string): string =>
  Number.isFinite(value) ? inUnit(value, unit) : String(value);

/** Multiples of the ULN always with one decimal, as clinicians quote them ("1.5x ULN", "0.6x"). */
export const formatMultiple = (multiple: number): string => {
  return `${(Math.round(multiple * 10) / 10).toFixed(1)}x`;
};

export const formatPercentChange = (percent: number): string => {
  const rounded = Math.round(percent);
  return `${rounded > 0 ? '+' : ''}${rounded}%`;
};

/** "180 U/L"; a value without a unit is shown bare rather than with a guessed one. */
export const formatQuantity = (value: number, unit?: string): string =>
  unit === undefined ? formatValue(value) : `${formatValue(value)} ${displayUnit(unit)}`;

/** Joins a list in prose: "a", "a and b", "a, b and c". */
export const joinProse = (items: readonly string[]): string => {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] as string}`;
};

export const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** A label inside a sentence: "Total bilirubin" becomes "total bilirubin", acronyms (ALP, GGT) stay. */
export const inSentence = (label: string): string =>
  /^[A-Z][a-z]/.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label;
