/**
 * The engine's "why" as a clinician reads it: the reasoning in plain clinical language, without
 * the labels the rules are kept by. Rule ids (B-2), source-article statement numbers (S10),
 * product decision numbers and the content change log ("New in content 1.1.0: ...") are for the
 * reviewer: the assessment's sources keep them, with the verification tags ([P], [NV]) and a
 * legend. The tags are said here in words ("read second-hand", "not verified"): a rule resting on
 * them still says so in its "why".
 */

const RULE_ID = /\b[A-Z]{1,2}-\d+[a-z]?\b/;
const SEED_ID = /\b[SF]\d{1,2}\b/;
const IDS = `(?:${RULE_ID.source}|${SEED_ID.source})(?:(?:,|/| and) ?(?:${RULE_ID.source}|${SEED_ID.source}))*`;

const CLEANUPS: ReadonlyArray<readonly [RegExp, string]> = [
  // Verification tags in words, so the reasoning still says how firm it is (reference: [V] read
  // in the source, [P] read second-hand, [NV] not verified).
  [/\s*\[V\]/g, ''],
  [/(read second-hand[^[.;]*?)\s*\[P(?::[^\]]*)?\]/g, '$1'],
  [/\s*\[P(?::[^\]]*)?\]/g, ' (read second-hand)'],
  [/((?:not verified|team convention)[^[.;]*?)\s*\[NV\]/g, '$1'],
  [/\s*\[NV\]/g, ' (not verified)'],
  // "; see B-2", ", seed S11" inside a bracket, and brackets of ids alone: "(O-3)", "(seed S5)".
  [new RegExp(`[;,] (?:see |seeds? )?${IDS}`, 'g'), ''],
  [new RegExp(`\\s*\\((?:see |seeds? )?${IDS}\\)`, 'g'), ''],
  // "The seed article (S10)": the source article; "Seed S20", "seeds S2, S15": its statements.
  [/\b([Tt]he )?[Ss]eed article/g, 'the source article'],
  [/\b[Tt]he seed's\b/g, "the source article's"],
  [new RegExp(`\\b[Ss]eeds ${IDS}`, 'g'), "the source article's statements"],
  [new RegExp(`\\b[Ss]eed ${IDS}`, 'g'), "the source article's statement"],
  // Product decision numbers and the change log, wherever they sit in a sentence.
  [/[;,]? ?changed in content [\d.]+(?:, where [^.;]*)?/gi, ''],
  [/^Decisions? \d+(?:(?:,| and) \d+)*: /, ''],
  [/\([Dd]ecisions? \d+(?:(?:,| and) \d+)*[;,] ?/g, '('],
  [/\s*\([Dd]ecisions? \d+(?:(?:,| and) \d+)*\)/g, ''],
  [/(?: of| in)? [Dd]ecisions? \d+(?:(?:,| and) \d+)*/g, ''],
  [/\(\s*[;,:]\s*/g, '('],
  [/\s*\(\s*\)/g, ''],
];

const sentences = (text: string): string[] => text.split(/(?<=\.)\s+(?=[A-Z"“])/);

const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

const tidy = (sentence: string): string =>
  (/^[A-Z]/.test(sentence) ? capitalised : (text: string) => text)(
    CLEANUPS.reduce((text, [pattern, replacement]) => text.replace(pattern, replacement), sentence)
      .replace(/\s{2,}/g, ' ')
      .replace(/\s+([,.;:)])/g, '$1')
      .replace(/\(\s+/g, '(')
      .trim(),
  );

/** The change log of the rule book, which the clinician does not need to read the conclusion. */
const isChangeLog = (sentence: string): boolean => /^(?:Changed|New) in content\b/.test(sentence);

const madePlain = (why: string): string =>
  sentences(why)
    .filter((sentence) => !isChangeLog(sentence))
    .map(tidy)
    // Last resort: a sentence that still names a rule by its id speaks of the rule book.
    .filter((sentence) => sentence !== '' && !RULE_ID.test(sentence))
    .join(' ');

/**
 * A finding's "why" is its rule's, one of a fixed set of texts, and some twenty regular
 * expressions make each plain: each is made plain once. The bound only guards against a caller
 * passing texts of its own.
 */
const plainWhys = new Map<string, string>();
const PLAIN_WHYS_KEPT = 1000;

export const plainWhy = (why: string): string => {
  let plain = plainWhys.get(why);
  if (plain === undefined) {
    plain = madePlain(why);
    if (plainWhys.size >= PLAIN_WHYS_KEPT) plainWhys.clear();
    plainWhys.set(why, plain);
  }
  return plain;
};

/** The verification tags a "why" rests on, for the sources: ["P", "NV"]. */
export const evidenceTags = (why: string): string[] => [
  ...new Set([...why.matchAll(/\[(V|P|NV)\]/g)].map((match) => match[1] as string)),
];
