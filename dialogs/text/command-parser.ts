import { resolveFieldName } from './field-aliases';
import { stripEdges } from './strip-edges';

export const COMMANDS = [
  'help',
  'start',
  'back',
  'edit',
  'skip',
  'summary',
  'why',
  'restart',
  'cancel',
  'terms',
  'forget-me',
  'resume',
  'not-done',
  'none-of-these',
  'chart-note',
  'acknowledged',
] as const;
export type CommandName = (typeof COMMANDS)[number];

export interface ParsedCommand {
  command: CommandName;
  /** For `edit`: the case path named, when it names one; `name` is what was typed. */
  field?: string;
  name?: string;
}

/** Whole-message phrases per command, compared after normalising case, punctuation and spacing. */
const PHRASES: Record<Exclude<CommandName, 'edit'>, readonly string[]> = {
  help: ['help', 'help me', 'commands', 'what can you do', 'how does this work', 'menu', 'options', '?'],
  start: [
    'start',
    'new',
    'new workup',
    'start workup',
    'start a workup',
    'start a new workup',
    'start new workup',
    'begin',
  ],
  back: ['back', 'go back', 'previous', 'previous question', 'undo'],
  skip: ['skip', 'skip this', 'skip question', 'next'],
  summary: ['summary', 'show summary', 'status', 'where are we', 'what do you have', 'show answers'],
  why: ['why', 'why?', 'explain', 'reasoning', 'why is that', 'sources'],
  restart: ['restart', 'start over', 'start again', 'reset'],
  cancel: ['cancel', 'stop', 'quit', 'exit', 'abort'],
  terms: ['terms', 'terms of use', 'disclaimer', 'privacy', 'about'],
  'forget-me': ['forget me', 'delete my data', 'forget my data', 'delete me', 'erase my data'],
  resume: ['resume', 'continue', 'continue workup', 'continue the workup', 'resume workup', 'carry on'],
  'not-done': [
    'not done yet',
    'not done',
    'not yet',
    'pending',
    'awaiting',
    'awaiting results',
    'results pending',
    'not available',
    'not available yet',
    'later',
    'will send later',
    'ordered',
  ],
  'none-of-these': ['none of these', 'none of the above', 'none of them'],
  'chart-note': ['chart note', 'note', 'chart', 'copy note', 'show chart note', 'clinical note'],
  acknowledged: [
    'acknowledged',
    'acknowledge',
    'ack',
    'ok',
    'okay',
    'understood',
    'noted',
    'acknowledged continue',
    'acknowledged continue the workup',
  ],
};

const normalise = (text: string): string =>
  stripEdges(text, ' \t\r\n/!.,:;"-')
    .toLowerCase()
    .replace(/['’`]/g, '')
    .replace(/[\s,;:]+/g, ' ')
    .replace(/^please |please$/g, '')
    .trim();

const BY_PHRASE: ReadonlyMap<string, CommandName> = new Map(
  Object.entries(PHRASES).flatMap(([command, phrases]) =>
    phrases.map((phrase) => [normalise(phrase), command as CommandName] as const),
  ),
);

const EDIT = /^(?:edit|change|correct|fix|update|amend) (.+)$/;

/**
 * A command, only when the whole message is one: "ALT back to normal 30" is a lab value, not
 * `back`. `edit <name>` resolves the name to a case path ("edit alk phos" -> "alp").
 */
export function parseCommand(text: string): ParsedCommand | undefined {
  const reply = normalise(text);
  if (reply === '') return undefined;
  const command = BY_PHRASE.get(reply) ?? BY_PHRASE.get(reply.replace(/\?$/, ''));
  if (command) return { command };
  if (reply === 'edit' || reply === 'edit an answer') return { command: 'edit' };
  const edit = EDIT.exec(reply);
  if (!edit?.[1]) return undefined;
  const name = edit[1].replace(/^(?:the|my) /, '');
  const field = resolveFieldName(name);
  // "edit ALT 35" or "change ALT to 35" carries the corrected value itself: read it as a value.
  if (field === undefined && /\d/.test(name)) return undefined;
  return field === undefined ? { command: 'edit', name } : { command: 'edit', field, name };
}
