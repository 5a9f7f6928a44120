import { SYMPTOM_CHOICES } from './cards/field-inputs';
import type { AnswerReading } from './text';
import { fieldName } from './presentation/field-names';
import { formatValue, joinProse } from './presentation/format';
import { readingsEcho } from './presentation/readings-echo';
import type { AnswerIntent } from './turn-intent';

const spokenAnswer = (answer: boolean | number | string): string => {
  if (typeof answer === 'boolean') return answer ? 'yes' : 'no';
  if (typeof answer === 'number') return formatValue(answer);
  return answer.replace(/-/g, ' ');
};

const symptomTitle = (field: string): string =>
  SYMPTOM_CHOICES.find((choice) => `symptoms.${choice.value}` === field)?.title ?? fieldName(field);

/** The red-flag screen reads as one answer: "none of the red-flag symptoms", or those present and absent. */
const symptomsPhrase = (answers: readonly AnswerReading[]): string[] => {
  if (answers.length === 0) return [];
  const named = (present: boolean): string[] =>
    answers.filter((answer) => answer.answer === present).map((answer) => symptomTitle(answer.field));
  const present = named(true);
  const absent = named(false);
  if (present.length === 0) return ['none of the red-flag symptoms'];
  return [`present: ${joinProse(present)}`, ...(absent.length > 0 ? [`absent: ${joinProse(absent)}`] : [])];
};

/**
 * "I read: ALP 5 µkat/L = 300 U/L (2.3x ULN); ... Also: steroids in the regimen: yes." What was
 * understood, before the workup moves on; empty when there is nothing to echo.
 */
export function answerEcho(intent: AnswerIntent): string {
  const labs = readingsEcho(intent.readings);
  const symptoms = intent.answers.filter((answer) => answer.field.startsWith('symptoms.'));
  const others = intent.answers.filter((answer) => !answer.field.startsWith('symptoms.'));
  const words = [
    ...others.map((answer) => `${fieldName(answer.field)}: ${spokenAnswer(answer.answer)}`),
    ...symptomsPhrase(symptoms),
  ];
  if (words.length === 0) return labs;
  const wordsLine = `${words.join('; ')}.`;
  return labs ? `${labs} Also: ${wordsLine}` : `I read: ${wordsLine}`;
}
