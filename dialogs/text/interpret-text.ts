import { checkPartialCase, SYMPTOM_FIELDS, type PartialCase } from '../../src/clinical';
import { isQuestionStep, mergeCase, type StepId } from '../../machines';
import { parseAnswerWords } from './answer-words';
import { readBareUln } from './bare-uln';
import { parseCommand, type CommandName } from './command-parser';
import { withoutInvisibleCharacters } from './invisible-characters';
import { parseLabReport } from './lab-report-parser';
import { parseQuestion, type ParsedQuestion } from './question-parser';
import type { AnswerReading, Problem, Reading } from './reading';
import { hintForStep, hintForUnknownEditName } from './step-hints';

export type TextInterpretation =
  | { kind: 'command'; command: CommandName; field?: string }
  | { kind: 'question'; question: ParsedQuestion }
  | { kind: 'values'; values: PartialCase; readings: Reading[]; answers: AnswerReading[] }
  | { kind: 'problems'; problems: Problem[]; readings: Reading[] }
  | { kind: 'unrecognised'; hint: string };

export interface TextContext {
  /** The machine's current step id. */
  step: StepId;
  /** Case paths the current question asks for. */
  expecting: readonly string[];
  /** What the workup knows already: a bare "ULN 2.2" completes the value it belongs to. */
  known?: PartialCase;
}

const YES_TO_WHICH =
  'Yes to which question? Answer each one, for example "steroids yes, fasting no", or say "no" when none of them applies.';

const withoutBareAnswers = (expecting: readonly string[]): string[] =>
  expecting.filter(
    (field) => !['imaging.ultrasound', 'ama', 'history.ageYears', 'therapy.weeksOnTherapy'].includes(field),
  );

/**
 * The single entry for a typed message: a command, case values (lab values and worded answers
 * together), the problems that stop them being used, or a hint for this step. "Not sure" is a
 * skip; "none of these" answers the red-flag checklist when that is the question.
 */
export function interpretText(typed: string, context: TextContext): TextInterpretation {
  const text = withoutInvisibleCharacters(typed);
  const command = parseCommand(text);
  if (command?.command === 'none-of-these') {
    const checklist = SYMPTOM_FIELDS.filter((field) => context.expecting.includes(field));
    if (checklist.length > 0) {
      const answers = checklist.map((field) => ({ field, answer: false, source: text.trim() }));
      const symptoms = Object.fromEntries(checklist.map((field) => [field.replace('symptoms.', ''), false]));
      return { kind: 'values', values: { symptoms }, readings: [], answers };
    }
  }
  if (command?.command === 'edit' && command.field === undefined && command.name !== undefined) {
    return { kind: 'unrecognised', hint: hintForUnknownEditName(command.name) };
  }
  if (command) {
    return command.field === undefined
      ? { kind: 'command', command: command.command }
      : { kind: 'command', command: command.command, field: command.field };
  }

  const question = parseQuestion(text);
  if (question) return { kind: 'question', question };
  const bareUln = readBareUln(text, context.expecting, context.known ?? {});
  if (bareUln.kind === 'which') {
    return {
      kind: 'unrecognised',
      hint: `Which test is that ULN for? Give it with the name, for example "${bareUln.labels[0] ?? 'ALT'} ULN 40".`,
    };
  }
  const report = parseLabReport(bareUln.kind === 'completes' ? bareUln.report : text);
  if (report.problems.length > 0)
    return { kind: 'problems', problems: report.problems, readings: report.readings };
  // Alongside lab values a stray "normal" or "positive" is part of the report, not an answer to the question.
  const expecting = report.readings.length > 0 ? withoutBareAnswers(context.expecting) : context.expecting;
  const words = parseAnswerWords(text, expecting);
  if (words.unknown && report.readings.length === 0) return { kind: 'command', command: 'skip' };
  if (words.yesToWhich && report.readings.length === 0) return { kind: 'unrecognised', hint: YES_TO_WHICH };
  // "No" or "none" where nothing is asked yes or no ("ALT, AST, bilirubin?"): none of them is done.
  if (words.noneAsked && report.readings.length === 0 && isQuestionStep(context.step))
    return { kind: 'command', command: 'not-done' };

  if (report.readings.length === 0 && words.answers.length === 0) {
    return { kind: 'unrecognised', hint: hintForStep(context.step) };
  }
  // Lab values and worded answers touch different leaves: the workup's own merge puts them together.
  const values = mergeCase(report.values, words.values);
  const checked = checkPartialCase(values);
  if (!checked.ok) return { kind: 'problems', problems: checked.problems, readings: report.readings };
  return { kind: 'values', values: checked.value, readings: report.readings, answers: words.answers };
}
