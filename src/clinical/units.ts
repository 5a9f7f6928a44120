/**
 * Unit conversion to each quantity's canonical unit. Factors multiply the reported value.
 * 1 µkat/L = 60 U/L (1 U = 1 µmol/min, 1 kat = 1 mol/s); bilirubin mg/dL = µmol/L / 17.1;
 * calcium mg/dL = mmol/L x 4.008 (and mmol/L = mg/dL x 0.2495).
 */

export const ENZYME_FACTORS = {
  'U/L': 1,
  'IU/L': 1,
  'ukat/L': 60,
  'µkat/L': 60,
  'μkat/L': 60,
} as const;

export const BILIRUBIN_FACTORS = {
  'mg/dL': 1,
  'umol/L': 1 / 17.1,
  'µmol/L': 1 / 17.1,
  'μmol/L': 1 / 17.1,
} as const;

export const CALCIUM_MG_DL_PER_MMOL_L = 4.008;
export const CALCIUM_MMOL_L_PER_MG_DL = 0.2495;

export const CALCIUM_FACTORS = { 'mg/dL': 1, 'mmol/L': CALCIUM_MG_DL_PER_MMOL_L } as const;
export const ALBUMIN_FACTORS = { 'g/dL': 1, 'g/L': 0.1 } as const;
export const CRP_FACTORS = { 'mg/L': 1, 'mg/dL': 10 } as const;

/** Bone-specific ALP is reported either as mass (µg/L) or activity (U/L): the two cannot be converted, only read against their own ULN. */
export const BONE_ALP_FACTORS = { 'ug/L': 1, 'µg/L': 1, 'μg/L': 1, 'U/L': 1 } as const;

export type UnitFactors = Readonly<Record<string, number>>;

/** Spellings of the same unit collapse to one display form so messages and summaries read consistently. */
export function displayUnit(unit: string): string {
  return unit.replace('μ', 'µ').replace(/^u(kat|mol|g)/, 'µ$1');
}
