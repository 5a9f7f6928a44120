import type { Origin, Pattern } from './assessment-schema';
import type { Case } from './case-schema';
import type { DerivedValues } from './derived';
import type { NormalizedCase } from './normalize';
import type { OriginBasis } from './origin';
import type { FlagMultiples } from './uln-ceilings';

/** Everything a rule may read: the answers, the labs in canonical units, the derived numbers and the classification. */
export interface Facts {
  input: Case;
  labs: NormalizedCase['labs'];
  derived: DerivedValues;
  pattern: Pattern;
  origin: Origin;
  originBasis: OriginBasis;
  /** ALT, AST, total bilirubin and ALP as the red flags read them: a missing ULN is stood in for (decision 11). */
  flag: FlagMultiples;
}

export const PROTEASOME_INHIBITORS = ['bortezomib', 'carfilzomib', 'ixazomib'] as const;

export const onProteasomeInhibitor = (f: Facts): boolean =>
  (PROTEASOME_INHIBITORS as readonly string[]).includes(f.input.therapy?.agent ?? '');

export const onTherapy = (f: Facts): boolean =>
  f.input.therapy?.agent !== undefined && f.input.therapy.agent !== 'none';

export const pregnant = (f: Facts): boolean => f.input.history?.pregnant === true;

export const alpRaised = (f: Facts): boolean => f.derived.alpXUln !== undefined && f.derived.alpXUln > 1;
