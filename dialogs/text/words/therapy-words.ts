import type { TherapyAgent } from '../../../src/clinical';
import type { AnswerReading } from '../reading';
import { findTerms, splitClauses } from './clauses';

interface Regimen {
  pattern: RegExp;
  agent: TherapyAgent;
  /** Whether the regimen includes a corticosteroid (dexamethasone or prednisone). */
  steroids?: boolean;
  melphalan?: boolean;
}

/** Drugs and the common myeloma regimen abbreviations; a regimen implies its steroid and melphalan. */
const REGIMENS: readonly Regimen[] = [
  { pattern: /\b(?:d-?|dara-?)?(?:vmp|mpv)\b/i, agent: 'bortezomib', steroids: true, melphalan: true },
  {
    pattern: /\b(?:d-?|dara-?|isa-?)?(?:vrd|rvd|vtd|vcd|cybord|vd|pvd|svd)(?:-?lite)?\b/i,
    agent: 'bortezomib',
    steroids: true,
  },
  { pattern: /\b(?:bortezomib|velcade|btz)\b/i, agent: 'bortezomib' },
  { pattern: /\b(?:d-?|dara-?|isa-?)?(?:krd|kcd|kd|kpd)\b/i, agent: 'carfilzomib', steroids: true },
  { pattern: /\b(?:carfilzomib|kyprolis|cfz)\b/i, agent: 'carfilzomib' },
  { pattern: /\b(?:ixa-?rd|ird)\b/i, agent: 'ixazomib', steroids: true },
  { pattern: /\b(?:ixazomib|ninlaro)\b/i, agent: 'ixazomib' },
  { pattern: /\b(?:d-?|dara-?)?rd\b/i, agent: 'other', steroids: true },
  {
    pattern:
      /\b(?:lenalidomide|revlimid|len|pomalidomide|pomalyst|thalidomide|daratumumab|dara|isatuximab|elotuzumab|selinexor|teclistamab|elranatamab|talquetamab|belantamab|car-?t|cyclophosphamide|other)\b/i,
    agent: 'other',
  },
  {
    pattern:
      /\b(?:no (?:treatment|therapy|myeloma treatment)|off (?:treatment|therapy)|untreated|treatment[- ]naive|not on (?:treatment|therapy))\b/i,
    agent: 'none',
  },
];

const STEROID =
  /\b(?:dex(?:amethasone)?|prednis\w*|pred|methylpred\w*|steroids?|corticosteroids?|glucocorticoids?)\b/i;
const MELPHALAN = /\b(?:melphalan|alkeran)\b/i;
const PREGNANCY = /pregnan|gestation/i;
const WEEKS = /\b(?:(?:week|wk)s?\s*(\d{1,3})|(\d{1,3})\s*(?:weeks?|wks?)\b)/i;

/**
 * Treatment in words: "bortezomib week 6", "on Velcade for 6 weeks", "VRd", "VMP", "no steroids".
 * Weeks are read only with a drug named or when the question asks for them, so "32 weeks
 * pregnant" is not a treatment duration.
 */
export function readTherapy(text: string, expecting: readonly string[]): AnswerReading[] {
  const found: AnswerReading[] = [];
  const source = text.trim();
  const regimen = REGIMENS.find((candidate) =>
    findTerms(text, candidate.pattern).some((hit) => !hit.negated),
  );
  if (regimen) found.push({ field: 'therapy.agent', answer: regimen.agent, source });

  const steroidHits = findTerms(text, STEROID);
  if (steroidHits.length > 0) {
    found.push({ field: 'therapy.steroids', answer: steroidHits.some((hit) => !hit.negated), source });
  } else if (regimen?.steroids) {
    found.push({ field: 'therapy.steroids', answer: true, source });
  }
  const melphalanHits = findTerms(text, MELPHALAN);
  if (melphalanHits.length > 0) {
    found.push({ field: 'therapy.melphalan', answer: melphalanHits.some((hit) => !hit.negated), source });
  } else if (regimen?.melphalan) {
    found.push({ field: 'therapy.melphalan', answer: true, source });
  }

  const weeks = splitClauses(text)
    .filter((clause) => !PREGNANCY.test(clause.text))
    .map((clause) => WEEKS.exec(clause.text))
    .find((match) => match !== null);
  const weeksNumber = weeks?.[1] ?? weeks?.[2];
  const weeksExpected = expecting.includes('therapy.weeksOnTherapy');
  if (weeksNumber !== undefined && (regimen || weeksExpected)) {
    found.push({ field: 'therapy.weeksOnTherapy', answer: Number(weeksNumber), source });
  }
  return found;
}
