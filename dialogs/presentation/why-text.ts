import type { Assessment, Finding } from '../../src/clinical';
import { sourceLine } from './labels';

/** The findings whose reasoning "why" explains, red flags first, then in the order the card shows them. */
const explained = (assessment: Assessment): Finding[] => {
  const order = ['interpretation', 'caution', 'next-step', 'monitoring'] as const;
  return [
    ...assessment.redFlags,
    ...order.flatMap((kind) => assessment.findings.filter((finding) => finding.kind === kind)),
  ];
};

const explain = (finding: Finding): string => {
  const seed = finding.seed.length > 0 ? `; source-article statement ${finding.seed.join(', ')}` : '';
  return `- ${finding.text}\n  Why: ${finding.why}\n  Source: ${sourceLine(finding)} (rule ${finding.id}${seed})`;
};

/**
 * The "why" reply: each conclusion with the rule's reasoning. The engine's `why` already says how
 * firm the evidence is and, where the source article differs from the primary source, what the
 * primary source says; this only lays it out. A rule id narrows it to one conclusion.
 */
export const whyText = (assessment: Assessment, ruleId?: string): string => {
  const findings = explained(assessment);
  const chosen = ruleId === undefined ? findings : findings.filter((finding) => finding.id === ruleId);
  if (chosen.length === 0) {
    return ruleId === undefined
      ? 'There is no conclusion to explain yet: the workup needs more answers first.'
      : `No conclusion from rule ${ruleId} in this workup. Say "why" for all of them.`;
  }
  const intro =
    'Why, conclusion by conclusion (I follow the primary sources where the source article differs):';
  return [intro, ...chosen.map(explain)].join('\n');
};
