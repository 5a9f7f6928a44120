import { DISCLAIMER } from '../content';
import { onTherapy } from '../facts';
import type { Rule } from '../rule';

export const MONITORING_RULES: readonly Rule[] = [
  {
    id: 'M-1',
    group: 'monitoring',
    kind: 'monitoring',
    condition: 'On anti-myeloma treatment',
    applies: onTherapy,
    recommendation:
      "Liver tests before each cycle, or at least monthly, during treatment; follow each drug's label where it says more.",
    why: 'Seed S14 attributes this cadence to its source "6", which matches checkpoint-inhibitor drug-development guidance (Regev 2020, read second-hand [P]): an extrapolated routine, not myeloma-specific guidance. Labels of myeloma drugs carry their own monitoring advice (not verified here [NV]).',
    seed: ['S14'],
    sources: ['regev2020'],
    evidence: 'extrapolated',
  },
];

export const FRAMING_RULES: readonly Rule[] = [
  {
    id: 'F-1',
    group: 'framing',
    kind: 'caution',
    condition: 'Every assessment',
    applies: () => true,
    recommendation: DISCLAIMER,
    why: 'Seed F1: the bot is educational decision support for healthcare professionals; every conclusion above carries its source and evidence level so it can be checked. Saying so on every assessment is a product decision (team convention).',
    seed: ['F1'],
    sources: ['teamConvention'],
    evidence: 'expert-convention',
  },
];
