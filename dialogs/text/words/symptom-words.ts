import { SYMPTOM_FIELDS, type FieldOfKind } from '../../../src/clinical';
import type { AnswerReading } from '../reading';
import { findTerms } from './clauses';

/** Red-flag symptoms (reference §7) in the words clinicians use for them. */
const SYMPTOM_PATTERNS: Readonly<Record<FieldOfKind<'symptom'>, RegExp>> = {
  'symptoms.fever': /\b(?:fevers?|febrile|pyrexi\w*|rigou?rs?|chills)\b/i,
  'symptoms.jaundice': /\b(?:jaundice\w*|icter\w*|yellow (?:skin|eyes|sclerae?)|scleral icterus)\b/i,
  'symptoms.rightUpperQuadrantPain':
    /\b(?:ruq(?: pain| tenderness)?|right upper quadrant(?: pain| tenderness)?|right upper abdominal pain|biliary colic|upper right abdominal pain)\b/i,
  'symptoms.newBonePain': /\b(?:(?:new )?bone pain|back pain|skeletal pain)\b/i,
  'symptoms.neuroDeficit':
    /\b(?:neuro(?:logical)? deficits?|focal neuro\w*|(?:leg|limb) weakness|numbness|paraesthesi\w*|paresthesi\w*|cord compression|incontinence|paralysis|foot drop|sensory level)\b/i,
  'symptoms.confusion':
    /\b(?:confus\w*|encephalopath\w*|drowsy|drowsiness|disorient\w*|altered mental status|delirium|delirious|somnolen\w*)\b/i,
};

const SYMPTOM_TERMS: readonly { field: string; pattern: RegExp }[] = SYMPTOM_FIELDS.map((field) => ({
  field,
  pattern: SYMPTOM_PATTERNS[field],
}));

const NONE_OF_THESE =
  /^\s*(?:none(?: of (?:these|them|the above))?|no symptoms|nothing|nil|no red flags|asymptomatic|none present|no)\s*[.!]?\s*$/i;

/**
 * Symptoms named in the reply. At the red-flag screen (a checklist of several symptoms) a reply
 * naming some of them answers the rest as absent, as ticking boxes on the card would; outside
 * it only what is named counts.
 */
export function readSymptoms(text: string, expecting: readonly string[]): AnswerReading[] {
  const checklist = SYMPTOM_FIELDS.filter((field) => expecting.includes(field));
  if (NONE_OF_THESE.test(text)) {
    return checklist.map((field) => ({ field, answer: false, source: text.trim() }));
  }
  const named = new Map<string, AnswerReading>();
  for (const { field, pattern } of SYMPTOM_TERMS) {
    for (const hit of findTerms(text, pattern)) {
      if (!named.has(field)) named.set(field, { field, answer: !hit.negated, source: hit.source });
    }
  }
  const anyPresent = [...named.values()].some((reading) => reading.answer === true);
  if (checklist.length > 1 && anyPresent) {
    for (const field of checklist) {
      if (!named.has(field)) named.set(field, { field, answer: false, source: text.trim() });
    }
  }
  return [...named.values()];
}
