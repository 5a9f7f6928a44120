export { parseLabReport, type LabReport } from './lab-report-parser';
export { parseAnswerWords, type AnswerWords } from './answer-words';
export { parseCommand, COMMANDS, type CommandName, type ParsedCommand } from './command-parser';
export { interpretText, type TextInterpretation, type TextContext } from './interpret-text';
export { resolveFieldName } from './field-aliases';
export { hintForStep } from './step-hints';
export type { Reading, AnswerReading, Problem } from './reading';
export { parseQuestion, type ParsedQuestion } from './question-parser';
