import type { NormalizedLab } from './normalize';
import { CALCIUM_MG_DL_PER_MMOL_L, CALCIUM_MMOL_L_PER_MG_DL } from './units';

/**
 * Calcium as the hypercalcaemia rule reads it: albumin-corrected when albumin is known
 * (Payne: + 0.8 mg/dL per g/dL of albumin below 4.0 g/dL, i.e. + 0.02 mmol/L per g/L below
 * 40 g/L), and kept in the unit it was reported in, because IMWG states its thresholds in both
 * units (> 11 mg/dL or > 2.75 mmol/L; > 1 mg/dL or > 0.25 mmol/L above the ULN) and they are not
 * exact conversions of each other.
 */
export interface CalciumReading {
  unit: 'mg/dL' | 'mmol/L';
  /** Corrected when albumin is known, otherwise as measured; in `unit`. */
  value: number;
  uln?: number;
  /** False when albumin is not known: then the value is the measured one, and says so (decision 17). */
  corrected: boolean;
  valueMgDl: number;
  valueMmolL: number;
}

export function calciumReading(calcium: NormalizedLab, albumin: NormalizedLab | undefined): CalciumReading {
  const unit = calcium.reportedUnit === 'mmol/L' ? 'mmol/L' : 'mg/dL';
  const albuminDeficitGdl = albumin === undefined ? 0 : 4.0 - albumin.value;
  const correction = unit === 'mmol/L' ? 0.02 * albuminDeficitGdl * 10 : 0.8 * albuminDeficitGdl;
  const value = calcium.reportedValue + correction;
  return {
    unit,
    value,
    ...(calcium.reportedUln === undefined ? {} : { uln: calcium.reportedUln }),
    corrected: albumin !== undefined,
    valueMgDl: unit === 'mmol/L' ? value * CALCIUM_MG_DL_PER_MMOL_L : value,
    valueMmolL: unit === 'mmol/L' ? value : value * CALCIUM_MMOL_L_PER_MG_DL,
  };
}

export const HYPERCALCAEMIA = {
  'mg/dL': { above: 11, aboveUlnBy: 1 },
  'mmol/L': { above: 2.75, aboveUlnBy: 0.25 },
} as const;

export function isHypercalcaemic(reading: CalciumReading): boolean {
  const threshold = HYPERCALCAEMIA[reading.unit];
  const aboveUln = reading.uln !== undefined && reading.value > reading.uln + threshold.aboveUlnBy;
  return reading.value > threshold.above || aboveUln;
}
