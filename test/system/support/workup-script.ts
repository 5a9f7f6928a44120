import type { Turn, WorkupClient } from './workup-client';

/**
 * One complete workup typed as free text (the bone branch: isolated ALP, normal GGT, bortezomib),
 * with values distinctive enough to be searched for in logs. Each entry answers the step the
 * previous one led to.
 */
export const WORKUP_ANSWERS = [
  'patient Zorblax: ALP 987 U/L (ULN 123), baseline ALP 104\n' +
    'ALT 31/40, AST 27/40, T bili 0.7 mg/dL (ULN 1.2), INR 1.1, Ca 2.31 mmol/L (ULN 2.6), albumin 38 g/L\n' +
    'GGT 29 (ULN 61)',
  'none of these',
  'bortezomib week 6, steroids yes, no fracture, not pregnant, fasting',
  'known bone disease yes, on zoledronic acid, no renal impairment',
] as const;

/** What "summary" must list once the first two answers (the report, the red-flag screen) are in: every value as entered. */
export const VALUES_AFTER_TWO_ANSWERS = [
  '987 U/L, ULN 123',
  'Baseline ALP before this treatment: 104',
  'ALT: 31, ULN 40',
  'AST: 27, ULN 40',
  'GGT: 29, ULN 61',
  'Calcium: 2.31 mmol/L, ULN 2.6',
  'Albumin (for corrected calcium): 38 g/L',
  'Red-flag symptoms: none of these',
];

/** The outcome the final answer must produce for this case. */
export const EXPECTED_ASSESSMENT = ['Assessment', 'Isolated ALP elevation', 'Bone origin likely'];

/** Sends answers in order, each to the server `urlFor(index)` names, and returns what each turn showed. */
export async function answer(
  client: WorkupClient,
  answers: readonly string[],
  urlFor: (index: number) => string,
): Promise<string[]> {
  const shown: string[] = [];
  for (const [index, text] of answers.entries()) {
    const turn: Turn = await client.say(urlFor(index), text);
    shown.push(turn.shown);
  }
  return shown;
}
