import type { Assessment, Finding } from '../../src/clinical';
import { sourceLine } from './labels';
import { plainWhy } from './plain-why';

/** The findings whose reasoning "why" explains, red flags first, then in the order the card shows them. */
export const explainedFindings = (assessment: Assessment): Finding[] => {
  const order = ['interpretation', 'caution', 'next-step', 'monitoring'] as const;
  return [
    ...assessment.redFlags,
    ...order.flatMap((kind) =>
      assessment.findings.filter(
        (finding) => finding.kind === kind && finding.text !== assessment.disclaimer,
      ),
    ),
  ];
};

const explain = (finding: Finding): string =>
  `- ${finding.text}\n  Why: ${plainWhy(finding.why)}\n  Source: ${sourceLine(finding)}`;

export const WHY_INTRO =
  'Why, conclusion by conclusion (I follow the primary sources where the source article differs):';

/**
 * The "why" reply: each conclusion with its reasoning in plain clinical language. The engine's
 * `why` already says how firm the evidence is and, where the source article differs from the
 * primary source, what the primary source says; the rule ids and verification tags are left to
 * the sources. A rule id narrows it to one conclusion.
 */
export const whyText = (assessment: Assessment, ruleId?: string): string => {
  const findings = explainedFindings(assessment);
  const chosen = ruleId === undefined ? findings : findings.filter((finding) => finding.id === ruleId);
  if (chosen.length === 0) {
    return ruleId === undefined
      ? 'There is no conclusion to explain yet: the workup needs more answers first.'
      : `No conclusion from rule ${ruleId} in this workup. Say "why" for all of them.`;
  }
  return [WHY_INTRO, ...chosen.map(explain)].join('\n');
};
