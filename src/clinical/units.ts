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

/**
 * The decimals a lab report prints in each unit the bot converts a value into or derives one in
 * (clinical reference section 10: ALP 41-133 U/L or 0.7-2.2 µkat/L, bilirubin 0.1-1.2 mg/dL or
 * 2-21 µmol/L, calcium 8.5-10.5 mg/dL or 2.1-2.6 mmol/L; albumin 35 g/L or 3.5 g/dL, CRP 4.5 mg/L).
 * A converted value carries no more precision than the reported one, so it is shown to these
 * ("Calcium 2.4 mmol/L = 9.6 mg/dL", not 9.619); the rules compute with the unrounded value.
 */
export const DISPLAY_DECIMALS: Readonly<Record<string, number>> = {
  'U/L': 0,
  'µkat/L': 2,
  'mg/dL': 1,
  'µmol/L': 0,
  'mmol/L': 2,
  'g/dL': 1,
  'g/L': 0,
  'mg/L': 1,
};
