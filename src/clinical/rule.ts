import type { EvidenceLevel, FindingKind } from './assessment-schema';
import type { SourceKey } from './bibliography';
import type { Facts } from './facts';

export const SEED_IDS = [
  'S1',
  'S2',
  'S3',
  'S4',
  'S5',
  'S6',
  'S7',
  'S8',
  'S9',
  'S10',
  'S11',
  'S12',
  'S13',
  'S14',
  'S15',
  'S16',
  'S17',
  'S18',
  'S19',
  'S20',
  'S21',
  'S22',
  'F1',
] as const;
export type SeedId = (typeof SEED_IDS)[number];

export type RuleGroup =
  | 'red-flag'
  | 'units'
  | 'pattern'
  | 'origin'
  | 'hepatic'
  | 'bone'
  | 'baseline'
  | 'severity'
  | 'monitoring'
  | 'framing';

/**
 * One clinical rule as data. `condition` is the predicate as a reviewer reads it in
 * docs/clinical-rules.md; `applies` is the same predicate as code, and the tests hold them to
 * each other at every threshold. `recommendation` is the fixed text a reviewer signs;
 * `detail` prefixes it with the patient's own numbers when the rule fires.
 */
export interface Rule {
  id: string;
  /** What a red flag is called in a sentence ("Hy's law"); other rules are named by their id. */
  name?: string;
  group: RuleGroup;
  kind: FindingKind;
  condition: string;
  applies: (f: Facts) => boolean;
  recommendation: string;
  detail?: (f: Facts) => string;
  why: string;
  seed: readonly SeedId[];
  sources: readonly SourceKey[];
  evidence: EvidenceLevel;
}
