import type { Pattern } from './assessment-schema';

/**
 * R = (ALT/ULN) / (ALP/ULN) (Bénichou 1990; EASL DILI 2019). Team convention follows EASL at the
 * boundaries: R >= 5 hepatocellular, R <= 2 cholestatic, otherwise mixed.
 */
export function rRatio(altXUln: number, alpXUln: number): number {
  return altXUln / alpXUln;
}

export const R_HEPATOCELLULAR_AT_LEAST = 5;
export const R_CHOLESTATIC_AT_MOST = 2;

export function patternFromR(r: number): Extract<Pattern, 'hepatocellular' | 'cholestatic' | 'mixed'> {
  if (r >= R_HEPATOCELLULAR_AT_LEAST) return 'hepatocellular';
  if (r <= R_CHOLESTATIC_AT_MOST) return 'cholestatic';
  return 'mixed';
}
