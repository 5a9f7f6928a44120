import { isQuestionStep } from '../machines';
import { glossaryAnswer } from './presentation/glossary-answer';
import { stepIntro, typedExample } from './presentation/steps';
import { unansweredFields, whereWeAre } from './step-prompt';
import type { ParsedQuestion } from './text';
import { say, unchanged, type Outcome } from './turn-outcome';
import { contextOf, stepOf, type WorkupSession } from './workup-session';

/**
 * A question about a term ("what does R ratio mean?") is answered where it is asked: nothing in
 * the workup changes, and instead of the whole card again one line says where the workup is.
 * Before any workup (the welcome) it starts none.
 */
export function answerQuestion(session: WorkupSession, question: ParsedQuestion, isNew: boolean): Outcome {
  if (isNew) {
    const answer = glossaryAnswer(question, undefined);
    return unchanged(undefined, 'question', [
      say(`${answer}\nSay "start" to begin a workup, or paste a lab report.`),
    ]);
  }
  const step = stepOf(session);
  const reason = isQuestionStep(step) ? stepIntro(step, contextOf(session).case) : undefined;
  const back = isQuestionStep(step)
    ? `Back to ${whereWeAre(session)}: for example "${typedExample(step, unansweredFields(session, step))}".`
    : `Back to ${whereWeAre(session)}.`;
  return unchanged(session, 'question', [say(`${glossaryAnswer(question, reason)}\n${back}`)]);
}
