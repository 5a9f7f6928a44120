import { alpRaised, onTherapy } from '../facts';
import { labAmount, times } from '../format';
import type { Rule } from '../rule';

export const BASELINE_MULTIPLE_FOR_EVALUATION = 2;

export const BASELINE_RULES: readonly Rule[] = [
  {
    id: 'BL-1',
    group: 'baseline',
    kind: 'next-step',
    condition: `Baseline ALP > 1x ULN and ALP >= ${BASELINE_MULTIPLE_FOR_EVALUATION}x baseline`,
    applies: ({ derived: d }) =>
      d.alpBaselineXUln !== undefined &&
      d.alpBaselineXUln > 1 &&
      d.alpXBaseline !== undefined &&
      d.alpXBaseline >= BASELINE_MULTIPLE_FOR_EVALUATION,
    detail: ({ derived: d }) => `ALP ${times(d.alpXBaseline ?? 0)} an already raised baseline.`,
    recommendation:
      'Evaluate the rise: biliary obstruction, disease progression, systemic infection, bone disease, and drug-induced liver injury.',
    why: 'Seed S16 comes from checkpoint-inhibitor drug-development guidance (Regev 2020, IQ DILI; the exact sentence read second-hand [P]), not from myeloma guidance, and checkpoint inhibitors are not used in myeloma: this is an extrapolated heuristic. The independent anchor is CTCAE v5, where an abnormal baseline reaches ALP grade 1 at 2.0x baseline (inclusive), so this rule and the grade now agree at exactly 2.0x (changed in content 1.1.0: the grade used to start above 2.0x). The seed\'s "cholestatic immune-mediated injury" is left out for the same reason.',
    seed: ['S16'],
    sources: ['regev2020', 'ctcae5'],
    evidence: 'extrapolated',
  },
  {
    id: 'BL-2',
    group: 'baseline',
    kind: 'interpretation',
    condition: 'On treatment, ALP > 1x ULN (and above baseline if known), ALT known and <= 1x ULN',
    applies: (f) =>
      onTherapy(f) &&
      alpRaised(f) &&
      f.derived.altXUln !== undefined &&
      f.derived.altXUln <= 1 &&
      (f.derived.alpRiseUL === undefined || f.derived.alpRiseUL > 0),
    recommendation:
      'A treatment-emergent ALP rise with a normal ALT makes hepatocellular drug injury unlikely: look for a bone or cholestatic cause.',
    why: 'Seed S20 comes from checkpoint-inhibitor drug-development guidance (Regev 2020 [P]), where it separates immune-mediated hepatitis from other causes. Reframed for myeloma as a team convention [NV]: without an ALT rise, hepatocellular DILI is unlikely. "Not significantly raised" is read strictly as ALT within its ULN.',
    seed: ['S20'],
    sources: ['regev2020'],
    evidence: 'extrapolated',
  },
  {
    id: 'BL-3',
    group: 'baseline',
    kind: 'caution',
    condition: 'Baseline ALP > 1x ULN',
    applies: ({ derived: d }) => d.alpBaselineXUln !== undefined && d.alpBaselineXUln > 1,
    detail: ({ derived: d }) => `Baseline ALP ${times(d.alpBaselineXUln ?? 0)} ULN.`,
    recommendation:
      'An already raised baseline ALP is common in malignancy: judge changes against the baseline (CTCAE v5 abnormal-baseline grades) rather than against the ULN.',
    why: 'Seed S17 ("do not use ALP for trial eligibility") comes from checkpoint-inhibitor drug-development guidance (Regev 2020 [P]); it is context, not bedside guidance, in myeloma. CTCAE v5 grades an abnormal baseline by multiples of the baseline.',
    seed: ['S17'],
    sources: ['regev2020', 'ctcae5'],
    evidence: 'extrapolated',
  },
  {
    id: 'BL-4',
    group: 'baseline',
    kind: 'caution',
    condition: 'Baseline ALP given without its own ULN',
    applies: ({ derived: d }) => d.baselineUlnFromCurrentReport,
    detail: ({ labs: { alp, alpBaseline } }) => {
      const currentUln = { value: alp.uln ?? 0, reportedValue: alp.reportedUln ?? 0, unit: alp.unit };
      return `Baseline ${alpBaseline === undefined ? '' : labAmount(alpBaseline)} U/L read against the current ULN of ${labAmount(currentUln)} U/L.`;
    },
    recommendation:
      "If the baseline was measured by another lab, give that lab's ULN: raw values are not comparable across labs or methods.",
    why: "Methods and reference intervals differ between labs; the engine reads the baseline against the current report's ULN only when it has no ULN of its own, and says so (team convention [NV]).",
    seed: [],
    sources: ['teamConvention'],
    evidence: 'expert-convention',
  },
];
