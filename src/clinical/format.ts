import { DISPLAY_DECIMALS, displayUnit } from './units';

/** A multiple with one decimal place below 10, as the conversation shows it ("2.3x"). */
export const times = (x: number): string => `${Number(x.toFixed(x < 10 ? 1 : 0))}x`;

/** A signed whole percentage ("+80%"). */
export const signedPercent = (p: number): string => `${p >= 0 ? '+' : ''}${Math.round(p)}%`;

/** A lab number without float noise (0.1 + 0.2 shows as 0.3): for values as reported. */
export const amount = (n: number): string => String(Number(n.toPrecision(4)));

/**
 * A converted or derived value in `unit`, to the decimals a lab prints in that unit ("9.6" mg/dL,
 * "2.44" mmol/L, "300" U/L); a unit without a convention is shown as `amount` shows it.
 */
export const inUnit = (value: number, unit: string): string => {
  const decimals = DISPLAY_DECIMALS[displayUnit(unit)];
  return decimals === undefined ? amount(value) : value.toFixed(decimals);
};

/** A lab's value in its canonical unit: as reported when no conversion changed it, else `inUnit`. */
export const labAmount = (lab: { value: number; reportedValue: number; unit: string }): string =>
  lab.value === lab.reportedValue ? amount(lab.value) : inUnit(lab.value, lab.unit);

/** The R ratio with two decimals, as the assessment's derived values carry it: one rounding everywhere. */
export const ratio = (r: number): string => String(Math.round(r * 100) / 100);
