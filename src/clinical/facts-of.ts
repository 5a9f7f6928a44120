import type { Case } from './case-schema';
import { computeDerived } from './derived';
import type { Facts } from './facts';
import { normalizeCase } from './normalize';
import { determineOrigin } from './origin';
import { classifyPattern } from './pattern';
import { flagMultiples } from './uln-ceilings';

/** Builds every fact the rules read from a validated case. */
export function factsOf(c: Case): Facts {
  const normalized = normalizeCase(c);
  const derived = computeDerived(normalized);
  const { origin, basis } = determineOrigin(c, derived);
  return {
    input: c,
    labs: normalized.labs,
    derived,
    pattern: classifyPattern(derived),
    origin,
    originBasis: basis,
    flag: flagMultiples(normalized.labs),
  };
}
