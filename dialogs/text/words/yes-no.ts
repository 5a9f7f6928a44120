import { stripEdges } from '../strip-edges';

/** A whole reply that is only a yes, a no or an "I don't know", in the forms clinicians type. */
export type YesNo = 'yes' | 'no' | 'unknown';

const YES = [
  'y',
  'yes',
  'yeah',
  'yep',
  'yup',
  'ya',
  'true',
  'correct',
  'affirmative',
  'yes she is',
  'yes he is',
  'present',
  'sure',
];
const NO = [
  'n',
  'no',
  'nope',
  'nah',
  'none',
  'false',
  'negative',
  'nil',
  'absent',
  'not',
  'no she is not',
  'no he is not',
];
const UNKNOWN = [
  'unknown',
  'not sure',
  'unsure',
  'dont know',
  'do not know',
  'i dont know',
  'i do not know',
  'dont know yet',
  'im not sure',
  'i am not sure',
  'not sure yet',
  'not known',
  'idk',
  'dunno',
  'na',
  'n/a',
  'not applicable',
  'no idea',
  'unclear',
  'uncertain',
];

/** Case, surrounding punctuation, apostrophes and repeated spaces do not matter. */
export const normaliseReply = (text: string): string =>
  stripEdges(text, ' \t\r\n"\'.,!?:;-').toLowerCase().replace(/['’`]/g, '').replace(/\s+/g, ' ');

export function readYesNo(text: string): YesNo | undefined {
  if (/^\s*\?+\s*$/.test(text)) return 'unknown';
  const reply = normaliseReply(text);
  if (YES.includes(reply)) return 'yes';
  if (NO.includes(reply)) return 'no';
  if (UNKNOWN.includes(reply)) return 'unknown';
  return undefined;
}
