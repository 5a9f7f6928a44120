import type { AnswerReading } from '../reading';

const AMA_NAME = String.raw`(?:ama(?:-m2)?|m2|anti-?mitochondrial(?: antibod(?:y|ies))?)`;
const POSITIVE = String.raw`(?:positive|pos|\+|detected|reactive|present)`;
const NEGATIVE = String.raw`(?:negative|neg|-|not detected|non-?reactive|absent)`;
const NAME_THEN_RESULT = new RegExp(
  String.raw`\b${AMA_NAME}\s*[:=]?\s*(?:is\s+)?(?:(${POSITIVE})|(${NEGATIVE}))(?![\p{L}])`,
  'iu',
);
const RESULT_THEN_NAME = new RegExp(String.raw`\b(?:(positive)|(negative))\s+${AMA_NAME}\b`, 'i');
const BARE_RESULT = new RegExp(String.raw`^\s*(?:(${POSITIVE}|yes|y)|(${NEGATIVE}|no|n))\s*[.!]?\s*$`, 'i');

/** Anti-mitochondrial antibody result: "AMA positive", "negative AMA", or a bare "positive" when asked. */
export function readAma(text: string, expecting: readonly string[]): AnswerReading[] {
  const match =
    NAME_THEN_RESULT.exec(text) ??
    RESULT_THEN_NAME.exec(text) ??
    (expecting.includes('ama') ? BARE_RESULT.exec(text) : null);
  if (!match) return [];
  return [{ field: 'ama', answer: match[1] !== undefined ? 'positive' : 'negative', source: text.trim() }];
}
