/**
 * Negation in short clinical answers is local to a clause: "dilated CBD, no stone seen" has a
 * dilated duct and no stone; "fever but no jaundice" has fever. Clauses split on punctuation
 * and on "and", "but", "with", never on "or" ("no fever or jaundice" negates both).
 */
export interface Clause {
  text: string;
  start: number;
}

const CLAUSE_BREAK = /[,;.\n]|\b(?:and|but|with|however|plus)\b/gi;

export function splitClauses(text: string): Clause[] {
  const result: Clause[] = [];
  let start = 0;
  for (const match of text.matchAll(CLAUSE_BREAK)) {
    result.push({ text: text.slice(start, match.index), start });
    start = match.index + match[0].length;
  }
  result.push({ text: text.slice(start), start });
  return result.filter((clause) => clause.text.trim() !== '');
}

const NEGATED_BEFORE =
  /(?:^|[^\p{L}])(?:no|not|non|without|denies|denied|negative for|nil|free of|none of|neither|nor|never|absence of|ruled out)(?:[^\p{L}]|$)/iu;
const NEGATED_AFTER =
  /^[^\p{L}]*(?:not seen|not present|not found|not detected|absent|negative|neg|ruled out|excluded|no|none|not)(?:[^\p{L}]|$)/iu;

/** Whether the term at [index, index + length) of the clause is denied ("no stone", "stone not seen", "fever: no"). */
export function isNegated(clause: string, index: number, length: number): boolean {
  return NEGATED_BEFORE.test(clause.slice(0, index)) || NEGATED_AFTER.test(clause.slice(index + length));
}

export interface TermHit {
  term: string;
  negated: boolean;
  source: string;
}

interface TermPattern {
  /** Stateless (no `g`), for the quick "does it occur at all?". */
  once: RegExp;
  global: RegExp;
}

// Every reader asks about its own fixed patterns, message after message: derive each pair once.
const termPatterns = new WeakMap<RegExp, TermPattern>();

function termPattern(pattern: RegExp): TermPattern {
  let derived = termPatterns.get(pattern);
  if (derived === undefined) {
    const flags = pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`;
    derived = {
      once: new RegExp(pattern.source, pattern.flags.replace('g', '')),
      global: new RegExp(pattern.source, flags),
    };
    termPatterns.set(pattern, derived);
  }
  return derived;
}

// A message is searched for a dozen terms in a row; its clauses are split once.
let lastSplit: { text: string; clauses: Clause[] } | undefined;

function clausesOf(text: string): Clause[] {
  if (lastSplit?.text !== text) lastSplit = { text, clauses: splitClauses(text) };
  return lastSplit.clauses;
}

/** Every occurrence of a term pattern, clause by clause, with whether it was denied. */
export function findTerms(text: string, pattern: RegExp): TermHit[] {
  const { once, global } = termPattern(pattern);
  if (!once.test(text)) return [];
  return clausesOf(text).flatMap((clause) =>
    [...clause.text.matchAll(global)].map((match) => ({
      term: match[0],
      negated: isNegated(clause.text, match.index, match[0].length),
      source: clause.text.trim(),
    })),
  );
}
