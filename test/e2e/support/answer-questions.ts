/** "Step 5 of 7 · Liver or bone?": how every question card is titled. */
const QUESTION_TITLE = /Step \d+ of \d+ · ([^\n]+)/g;
const ASSESSMENT_HEADING = /^Assessment( \(urgent\))?$/m;

/** What a reply to an answer ends with: the next question or the assessment. */
export const NEXT_QUESTION_OR_ASSESSMENT = new RegExp(
  `${QUESTION_TITLE.source}|${ASSESSMENT_HEADING.source}`,
  'm',
);

/** The title of the last question in a reply, e.g. "Liver or bone?". */
export function lastQuestionTitle(reply: string): string | undefined {
  return [...reply.matchAll(QUESTION_TITLE)].pop()?.[1]?.trim();
}

/**
 * Answers whichever question the bot shows, from `answers` keyed by the question's title, until
 * the assessment arrives: the test follows the conversation as a clinician would, whatever order
 * the machine asks in. A question the clinician has no answer for, or one asked a third time (a
 * stuck workup), fails the test.
 */
export async function answerUntilAssessment(
  firstReply: string,
  answers: Readonly<Record<string, string>>,
  answer: (text: string) => Promise<string>,
): Promise<{ asked: string[]; assessment: string }> {
  const asked: string[] = [];
  let reply = firstReply;
  while (!ASSESSMENT_HEADING.test(reply)) {
    const title = lastQuestionTitle(reply) ?? '(no question shown)';
    const text = answers[title];
    if (text === undefined)
      throw new Error(`The bot asked "${title}", which this clinician has no answer for`);
    asked.push(title);
    if (asked.filter((earlier) => earlier === title).length > 2)
      throw new Error(`"${title}" was asked three times`);
    reply = await answer(text);
  }
  return { asked, assessment: reply };
}
