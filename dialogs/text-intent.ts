import { isQuestionStep, neededFields } from '../machines';
import { interpretText } from './text';
import type { TurnIntent } from './turn-intent';
import { contextOf, stepOf, type WorkupSession } from './workup-session';

/** The fields a typed reply is most likely answering: what the question still needs, or the tests awaited. */
const expectedFields = (session: WorkupSession): string[] => {
  const step = stepOf(session);
  const context = contextOf(session);
  if (isQuestionStep(step)) return neededFields(context, step);
  if (step === 'awaitingResults') return [...context.pending];
  return [];
};

export function textIntent(typed: string, session: WorkupSession): TurnIntent {
  const interpreted = interpretText(typed, {
    step: stepOf(session),
    expecting: expectedFields(session),
    known: contextOf(session).case,
  });
  switch (interpreted.kind) {
    case 'command':
      return interpreted.field === undefined
        ? { kind: 'command', command: interpreted.command }
        : { kind: 'command', command: interpreted.command, field: interpreted.field };
    case 'values':
      return {
        kind: 'answer',
        values: interpreted.values,
        readings: interpreted.readings,
        answers: interpreted.answers,
      };
    case 'problems':
      return { kind: 'problems', problems: interpreted.problems };
    case 'question':
      return { kind: 'question', question: interpreted.question };
    case 'unrecognised':
      return { kind: 'unrecognised', hint: interpreted.hint };
  }
}
