import type { UltrasoundResult } from '../../../src/clinical';
import type { AnswerReading } from '../reading';
import { findTerms } from './clauses';

/**
 * Ultrasound findings, most consequential first: when a report names several (a dilated duct
 * with a stone), the case records the one that decides the next step.
 */
const FINDINGS: readonly { result: UltrasoundResult; pattern: RegExp }[] = [
  {
    result: 'cbd-stone',
    pattern:
      /\b(?:choledocholithiasis|(?:cbd|common bile duct|bile duct|ductal|duct) stones?|stones? in (?:the )?(?:cbd|common bile duct|bile duct|duct)|(?<!gall ?bladder )stones?)\b/i,
  },
  {
    result: 'dilated-ducts',
    pattern: /\b(?:dilat\w*|biliary obstruction|obstructed (?:ducts?|cbd))\b/i,
  },
  {
    result: 'focal-lesions',
    pattern:
      /\b(?:focal (?:liver )?lesions?|lesions?|liver mass(?:es)?|mass(?:es)?|nodules?|metastas[ie]s|mets|space[- ]occupying)\b/i,
  },
  {
    result: 'diffuse-infiltration',
    pattern:
      /\b(?:diffuse(?:ly)? infiltrat\w*|infiltrat\w*|diffuse(?:ly)? (?:heterogeneous|abnormal) (?:liver|parenchyma))\b/i,
  },
  {
    result: 'hepatomegaly',
    pattern: /\b(?:hepatomegaly|enlarged liver|liver (?:is )?enlarged|large liver)\b/i,
  },
  {
    result: 'normal',
    pattern: /\b(?:normal|unremarkable|nad|no abnormalit\w*|nothing (?:abnormal|found|seen)|clear)\b/i,
  },
];

const ULTRASOUND_WORD =
  /\b(?:ultrasound|ultra-sound|us|uss|usg|sono\w*|ultrasonograph\w*|ruq us|abdominal us)\b/i;

/**
 * The ultrasound result in words ("US normal", "dilated CBD, no stone seen"). Read only when the
 * question is the ultrasound or the reply says it is one, so "normal" elsewhere is not an image.
 */
export function readUltrasound(text: string, expecting: readonly string[]): AnswerReading[] {
  if (!expecting.includes('imaging.ultrasound') && !ULTRASOUND_WORD.test(text)) return [];
  for (const { result, pattern } of FINDINGS) {
    const present = findTerms(text, pattern).find((hit) => !hit.negated);
    if (present) return [{ field: 'imaging.ultrasound', answer: result, source: text.trim() }];
  }
  return [];
}
