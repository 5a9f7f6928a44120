import { parseCommand } from '../../../dialogs/text/command-parser';

const COMMAND_TABLE: readonly [string, ReturnType<typeof parseCommand>][] = [
  ['help', { command: 'help' }],
  ['Help!', { command: 'help' }],
  ['/help', { command: 'help' }],
  ['  HELP  ', { command: 'help' }],
  ['start', { command: 'start' }],
  ['new', { command: 'start' }],
  ['Start a new workup', { command: 'start' }],
  ['back', { command: 'back' }],
  ['go back.', { command: 'back' }],
  ['skip', { command: 'skip' }],
  ['summary', { command: 'summary' }],
  ['why?', { command: 'why' }],
  ['Why', { command: 'why' }],
  ['restart', { command: 'restart' }],
  ['start over', { command: 'restart' }],
  ['cancel', { command: 'cancel' }],
  ['terms', { command: 'terms' }],
  ['forget me', { command: 'forget-me' }],
  ['Forget me, please', { command: 'forget-me' }],
  ['resume', { command: 'resume' }],
  ['not done yet', { command: 'not-done' }],
  ['Not done yet.', { command: 'not-done' }],
  ['pending', { command: 'not-done' }],
  ['none of these', { command: 'none-of-these' }],
  ['chart note', { command: 'chart-note' }],
  ['acknowledged', { command: 'acknowledged' }],
  ['Acknowledged, continue the workup', { command: 'acknowledged' }],
  ['edit ALT', { command: 'edit', field: 'alt', name: 'alt' }],
  ['edit bilirubin', { command: 'edit', field: 'bilirubinTotal', name: 'bilirubin' }],
  ['edit alk phos', { command: 'edit', field: 'alp', name: 'alk phos' }],
  ['Edit the GGT', { command: 'edit', field: 'ggt', name: 'ggt' }],
  ['change treatment', { command: 'edit', field: 'therapy.agent', name: 'treatment' }],
  ['edit ultrasound', { command: 'edit', field: 'imaging.ultrasound', name: 'ultrasound' }],
  ["edit 5'-NT", { command: 'edit', field: 'nucleotidase5', name: '5-nt' }],
  ['edit D bili', { command: 'edit', field: 'bilirubinDirect', name: 'd bili' }],
  ['edit age', { command: 'edit', field: 'history.ageYears', name: 'age' }],
  ['edit', { command: 'edit' }],
  ['edit my shoe size', { command: 'edit', name: 'shoe size' }],
];

/** Messages that contain a command word but are not commands; a greeting must never discard a workup. */
const NOT_COMMANDS = [
  'hello',
  'ALT back to normal 30',
  'skip the GGT, ALP 180',
  'ALP 180 U/L, why is it high',
  'help me read ALP 412 U/L',
  'new ALP 300',
  'GGT pending but ALP 412',
  'none of these except fever',
  'ALP 180',
  '',
  '   ',
];

describe('parseCommand', () => {
  it.each(COMMAND_TABLE)('%j', (text, expected) => {
    expect(parseCommand(text)).toEqual(expected);
  });

  it.each(NOT_COMMANDS)('%j is not a command', (text) => {
    expect(parseCommand(text)).toBeUndefined();
  });
});
