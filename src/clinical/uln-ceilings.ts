import type { NormalizedLabs } from './normalize';

/**
 * Product decision 11: a missing ULN never silences a red flag. A red-flag value given without
 * its lab's ULN is read against the highest ULN adult laboratories commonly report (team
 * convention [NV], canonical units): a value above a threshold even against that ceiling is above
 * it against any common ULN.
 */
export const COMMON_ULN_CEILINGS = {
  alt: 60,
  ast: 60,
  bilirubinTotal: 1.3,
  alp: 150,
} as const;

export type CeilingField = keyof typeof COMMON_ULN_CEILINGS;
export const CEILING_FIELDS = Object.keys(COMMON_ULN_CEILINGS) as CeilingField[];

/** A multiple of ULN as the red flags read it; `assumedUln` says which ULN stood in for a missing one. */
export interface FlagMultiple {
  xUln: number;
  assumedUln?: number;
}

export type FlagMultiples = Partial<Record<CeilingField, FlagMultiple>>;

/** The multiples the red flags read: the lab's own ULN, else the common ceiling, saying so. */
export function flagMultiples(labs: NormalizedLabs): FlagMultiples {
  const multiples: FlagMultiples = {};
  for (const field of CEILING_FIELDS) {
    const lab = labs[field];
    if (lab === undefined) continue;
    const assumedUln = COMMON_ULN_CEILINGS[field];
    multiples[field] =
      lab.xUln !== undefined ? { xUln: lab.xUln } : { xUln: lab.value / assumedUln, assumedUln };
  }
  return multiples;
}
