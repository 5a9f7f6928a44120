import { GLOSSARY, type GlossaryEntry } from '../../src/clinical';
import { stripEdges } from './strip-edges';

/**
 * A question about a word the bot uses ("what does R ratio mean?", "what is TG18", "why do you
 * ask for GGT?"), so it is answered in place instead of being read as an answer or a lab value.
 */
export interface ParsedQuestion {
  /** "why do you ask ...": the clinician wants the reason for the current question too. */
  why: boolean;
  /** The glossary term asked about, when the question names one. */
  entry?: GlossaryEntry;
  /** What was asked about, as typed ("R ratio"), for an answer when no term matches. */
  asked: string;
}

const QUESTION_FORMS: readonly { pattern: RegExp; why: boolean }[] = [
  {
    pattern: /^why (?:do|did|would) you (?:need|ask|want)(?: (?:for|about))?(?: (?:the|a|an|my))? ?(.*)$/,
    why: true,
  },
  { pattern: /^why (?:is|are) (?:the |a |an )?(.+?) (?:needed|asked|important|relevant|useful)$/, why: true },
  { pattern: /^what (?:does|do) (?:the |a |an )?(.+?) (?:mean|stand for|refer to)$/, why: false },
  { pattern: /^what (?:is|are|s) (?:the |a |an )?(?:meaning of |definition of )?(.+)$/, why: false },
  { pattern: /^(?:define|explain|meaning of|definition of) (?:the |a |an )?(.+)$/, why: false },
];

const VAGUE = /^(?:this|that|it|this (?:step|question|card)|going on|happening|wrong)$/;

const normalise = (text: string): string =>
  stripEdges(text, ' \t\r\n?!.,:;"').toLowerCase().replace(/[’`]/g, "'").replace(/\s+/g, ' ');

/** Names compared without apostrophes, hyphens and spaces: "5' nucleotidase", "hys law", "bone specific ALP". */
const key = (name: string): string => name.toLowerCase().replace(/['’`\s-]/g, '');

const BY_NAME: ReadonlyMap<string, GlossaryEntry> = new Map(
  GLOSSARY.flatMap((entry: GlossaryEntry) => entry.names.map((name) => [key(name), entry] as const)),
);

/** The term named by the words asked about, also inside a longer phrase ("the R ratio here"). */
function findEntry(asked: string): GlossaryEntry | undefined {
  const whole = BY_NAME.get(key(asked));
  if (whole) return whole;
  const words = asked.split(' ');
  for (let length = words.length - 1; length > 0; length -= 1) {
    for (let start = 0; start + length <= words.length; start += 1) {
      const found = BY_NAME.get(key(words.slice(start, start + length).join(' ')));
      if (found) return found;
    }
  }
  return undefined;
}

export function parseQuestion(text: string): ParsedQuestion | undefined {
  const question = normalise(text)
    .replace(/^(?:and |so |sorry,? |please,? )/, '')
    .replace(/^what'?s /, 'what is ');
  for (const { pattern, why } of QUESTION_FORMS) {
    const match = pattern.exec(question);
    if (!match) continue;
    const asked = (match[1] ?? '').trim();
    const entry = asked === '' ? undefined : findEntry(asked);
    // "what is this?" asks about the question on screen: its hint and card say more than a glossary.
    if (entry === undefined && !why && VAGUE.test(asked)) return undefined;
    return entry === undefined ? { why, asked } : { why, entry, asked };
  }
  return undefined;
}
