import { GLOSSARY, glossarySource, type GlossaryEntry } from '../../src/clinical';
import type { ParsedQuestion } from '../text';

/** "R ratio: R = ... (EASL DILI 2019)": the definition in one line, with the source it rests on. */
export const definitionLine = (entry: GlossaryEntry): string =>
  `${entry.names[0]}: ${entry.definition} (${glossarySource(entry)})`;

const KNOWN_TERMS = GLOSSARY.map((entry: GlossaryEntry) => entry.names[0]).join(', ');

/**
 * The answer to a question about a term, and for "why do you ask ..." the reason the current
 * question is asked. `reason` is absent where no question is open (the welcome, the assessment).
 */
export function glossaryAnswer(question: ParsedQuestion, reason: string | undefined): string {
  const lines: string[] = [];
  if (question.why && reason !== undefined) lines.push(`Why I ask: ${reason}`);
  if (question.entry !== undefined) lines.push(definitionLine(question.entry));
  else if (!question.why || reason === undefined) {
    const asked = question.asked === '' ? 'that' : `"${question.asked}"`;
    lines.push(`I have no definition of ${asked}. Terms I can explain: ${KNOWN_TERMS}.`);
  }
  return lines.join('\n');
}
