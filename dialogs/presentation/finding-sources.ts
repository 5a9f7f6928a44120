import type { Finding } from '../../src/clinical';
import { evidenceTags } from './plain-why';
import { sourceLine } from './labels';

/**
 * What the reviewer reads behind a conclusion: the rule it comes from, the statements of the
 * source article it answers, and the clinical reference's verification tags. Shown on demand,
 * under the legend, never in the reasoning itself.
 */
export const EVIDENCE_LEGEND =
  'Legend: guideline, study, expert convention and extrapolated are evidence levels. [P]: the citation is confirmed, the claim was read second-hand. [NV]: not verified (team convention or recall). S-numbers are statements of the source article the bot started from; rule ids (R-01, B-1, ...) are the rules in docs/clinical-rules.md.';

/** "B-1: Zangari 2007 (Am J Hematol, APEX); ... · study; source-article statements S10, S11; [P] [NV]" */
export const findingSourcesLine = (finding: Finding): string => {
  const seed = finding.seed.length > 0 ? `; source-article statements ${finding.seed.join(', ')}` : '';
  const tags = evidenceTags(finding.why);
  return `${finding.id}: ${sourceLine(finding)}${seed}${tags.length > 0 ? `; ${tags.map((tag) => `[${tag}]`).join(' ')}` : ''}`;
};
