import { times } from '../format';
import type { Rule } from '../rule';

export const SEVERITY_RULES: readonly Rule[] = [
  {
    id: 'G-1',
    group: 'severity',
    kind: 'interpretation',
    condition:
      'ALP grade by CTCAE v5.0: normal baseline G1 > ULN-2.5x, G2 > 2.5-5x, G3 > 5-20x, G4 > 20x ULN; abnormal baseline G1 2.0-2.5x (2.0 included), G2 > 2.5-5x, G3 > 5-20x, G4 > 20x baseline',
    applies: ({ derived: d }) => d.ctcaeGrade !== undefined && d.ctcaeGrade.grade > 0,
    detail: ({ derived: d }) => {
      const g = d.ctcaeGrade;
      if (g === undefined) return '';
      const multiple =
        g.basis === 'baseline' ? `${times(d.alpXBaseline ?? 0)} baseline` : `${times(d.alpXUln ?? 0)} ULN`;
      return `ALP increased, CTCAE v5.0 grade ${g.grade} (${multiple}).`;
    },
    recommendation: 'A toxicity grade, not a diagnosis: it sizes the rise, it does not explain it.',
    why: 'CTCAE v5.0 (NCI, 2017) grades "alkaline phosphatase increased" against the ULN, or against the baseline when the baseline is abnormal; v6 changed grade 1, so the version is named. CTCAE writes the abnormal-baseline grade 1 as "2.0 - 2.5 x baseline", so exactly 2.0x is grade 1 (the admiral tests grade baseline 40 -> 80 as grade 1); changed in content 1.1.0, where 2.0x used to be graded 0. The "mild < 5x, moderate 5-10x, severe > 10x ULN" categories seen attributed to ACR apply to aminotransferases (ACR 2023), not to ALP.',
    seed: [],
    sources: ['ctcae5', 'acr2023'],
    evidence: 'guideline',
  },
];
