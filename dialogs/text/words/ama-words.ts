import type { AnswerReading } from '../reading';

const AMA_NAME = String.raw`(?:ama(?:-m2)?|m2|anti-?mitochondrial(?: antibod(?:y|ies))?)`;
const POSITIVE = String.raw`(?:positive|pos|\+|detected|reactive|present)`;
const NEGATIVE = String.raw`(?:negative|neg|-|not detected|non-?reactive|absent)`;
const NAME_THEN_RESULT = new RegExp(
  String.raw`\b${AMA_NAME}\s*[:=]?\s*(?:is\s+)?(?:(${POSITIVE})|(${NEGATIVE}))(?![\p{L}])`,
  'iu',
);
const RESULT_THEN_NAME = new RegExp(String.raw`\b(?:(positive)|(negative))\s+${AMA_NAME}\b`, 'i');
const BARE_RESULT = new RegExp(String.raw`^\s*(?:(${POSITIVE})|(${NEGATIVE}))\s*[.!]?\s*$`, 'i');
const BARE_YES_NO = /^\s*(?:(yes|y)|(no|n))\s*[.!]?\s*$/i;

/**
 * Anti-mitochondrial antibody result: "AMA positive", "negative AMA", or a bare "positive" when
 * asked. A bare "yes" or "no" is the AMA result only when the AMA is all that is asked: beside
 * "amyloidosis?" and "heart failure?" it answers those, and never silently reads as a test result.
 */
export function readAma(text: string, expecting: readonly string[]): AnswerReading[] {
  const onlyAma = expecting.length > 0 && expecting.every((field) => field === 'ama');
  const match =
    NAME_THEN_RESULT.exec(text) ??
    RESULT_THEN_NAME.exec(text) ??
    (expecting.includes('ama') ? BARE_RESULT.exec(text) : null) ??
    (onlyAma ? BARE_YES_NO.exec(text) : null);
  if (!match) return [];
  return [{ field: 'ama', answer: match[1] !== undefined ? 'positive' : 'negative', source: text.trim() }];
}
