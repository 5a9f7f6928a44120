import type { PartialCase } from '../../src/clinical';
import type { Fact } from './adaptive-card';
import { answerFacts } from './answer-facts';
import { FIELD_INPUTS } from './field-inputs';

/** Everything entered so far, in the order the workup asks it. */
export const caseFacts = (known: PartialCase): Fact[] => answerFacts(FIELD_INPUTS, known);

/** The "summary" command's reply. */
export const caseSummaryText = (known: PartialCase): string => {
  const facts = caseFacts(known);
  if (facts.length === 0) return 'Nothing entered yet. Start with the ALP, e.g. "ALP 180 U/L, ULN 120".';
  return ['Entered so far:', ...facts.map((fact) => `- ${fact.title}: ${fact.value}`)].join('\n');
};
