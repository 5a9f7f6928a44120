import type { SessionEvent, StartVia } from '../machines';
import type { CommandName } from './text';
import type { CommandIntent, TurnIntent } from './turn-intent';
import { hasAnswers } from './turn-outcome';
import { stepOf, type WorkupSession } from './workup-session';

/** What arrived this turn: a message or click read as an intent, or an import from the patient's record. */
export type TurnMessage = TurnIntent | { kind: 'import'; raw: unknown };

/** Commands and what they are to the session machine. */
const COMMAND_EVENTS: Record<Exclude<CommandName, 'start'>, SessionEvent['type']> = {
  restart: 'RESTART',
  cancel: 'CANCEL',
  'forget-me': 'FORGET_ME',
  resume: 'RESUME',
  help: 'LOOK',
  terms: 'LOOK',
  summary: 'LOOK',
  why: 'LOOK',
  'chart-note': 'LOOK',
  back: 'COMMAND',
  edit: 'COMMAND',
  skip: 'COMMAND',
  'not-done': 'COMMAND',
  'none-of-these': 'COMMAND',
  acknowledged: 'COMMAND',
};

const startVia = (intent: CommandIntent): StartVia =>
  intent.fromCard?.action === 'start'
    ? 'welcomeCard'
    : intent.fromCard?.action === 'new'
      ? 'newButton'
      : 'typed';

/** The session machine's event for this turn's message: only what its rules look at. */
export function sessionEvent(message: TurnMessage, session: WorkupSession, now: string): SessionEvent {
  const turn = {
    now,
    workup: {
      hasAnswers: hasAnswers(session),
      atAssessment: stepOf(session) === 'assessment',
    },
  };
  switch (message.kind) {
    case 'command':
      if (message.command === 'start') return { type: 'START', via: startVia(message), ...turn };
      return { type: COMMAND_EVENTS[message.command], ...turn } as SessionEvent;
    case 'import':
      return { type: 'IMPORT', ...turn };
    case 'answer':
      return { type: 'ANSWER', ...turn };
    case 'problems':
      return { type: 'INVALID', ...turn };
    case 'question':
      return { type: 'LOOK', ...turn };
    case 'stale':
      return { type: 'STALE', ...turn };
    case 'confirmation':
      return { type: message.confirmed ? 'CONFIRM' : 'KEEP', ...turn };
    case 'empty':
    case 'unrecognised':
      return { type: 'OTHER', ...turn };
  }
}
