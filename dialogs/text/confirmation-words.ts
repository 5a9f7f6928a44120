import { stripEdges } from './strip-edges';

/**
 * A reply to "are you sure?": only a plain yes or "confirm" goes ahead. A no, "keep" or "cancel"
 * keeps everything and is not read as an answer to the question behind the confirmation (a "no"
 * there would otherwise answer the workup's yes/no question).
 */
export type ConfirmationReply = 'confirm' | 'keep';

const CONFIRM = [
  'y',
  'yes',
  'yes please',
  'confirm',
  'confirmed',
  'i confirm',
  'yes confirm',
  'yes delete',
  'yes delete everything',
  'yes clear',
  'yes clear the answers',
  'yes start over',
];

const KEEP = [
  'n',
  'no',
  'nope',
  'nah',
  'no thanks',
  'no thank you',
  'keep',
  'keep it',
  'keep them',
  'keep this workup',
  'keep my workup',
  'keep my workups',
  'dont',
  'do not',
  'cancel',
  'stop',
  'back',
];

const normalise = (text: string): string =>
  stripEdges(text, ' \t\r\n!.,:;"-').toLowerCase().replace(/['’`]/g, '').replace(/\s+/g, ' ');

const REPLIES: ReadonlyMap<string, ConfirmationReply> = new Map([
  ...CONFIRM.map((word) => [word, 'confirm'] as const),
  ...KEEP.map((word) => [word, 'keep'] as const),
]);

/** `undefined` when the text is neither: it is then read as usual, and keeps everything too. */
export const parseConfirmationReply = (text: string): ConfirmationReply | undefined =>
  REPLIES.get(normalise(text));
