import { ConversationDriver } from '../../bot/conversation-harness';
import { playConversation, type Exchange } from './conversation-table';

/**
 * The misreads of issue 12, typed as a clinician pastes them: each value is either read whole and
 * echoed as written, or refused with the part that could not be read, and nothing changes.
 */
const refused = (say: string, phrase: string): Exchange => ({
  say,
  expect: [phrase, 'Nothing was changed', 'Step 1 of 6 · ALP'],
  absent: ['I read: ALP'],
});

const conversations: Array<[string, Exchange[]]> = [
  [
    'a zero-width space inside a number is stripped: ALP 3<ZWSP>00 reads as 300, not 3',
    [
      {
        say: 'ALP 3\u200b00 U/L (ULN 120)',
        expect: ['I read: ALP 300 U/L (2.5x ULN)', 'Step 2 of 6 · Red-flag screen'],
        absent: ['ALP 3 U/L'],
      },
    ],
  ],
  [
    'bidi marks, a soft hyphen and no-break spaces copied from a PDF',
    [
      {
        say: '\u200eALP\u00a03\u00ad00\u202fU/L (ULN\u00a0120)\u200f',
        expect: ['I read: ALP 300 U/L (2.5x ULN)'],
      },
    ],
  ],
  [
    'ALP 1e308 U/L ULN 120 is refused with the plausible range, not read as ALP 1 without its ULN',
    [refused('ALP 1e308 U/L ULN 120', 'outside the plausible range (1 to 10000 U/L)')],
  ],
  [
    'ALP 300 banana ULN 120 is refused naming "banana", not read without its ULN',
    [refused('ALP 300 banana ULN 120', 'I could not read "banana"')],
  ],
  [
    '1e-10 and -0 are refused alike, never an ALP "within normal limits"',
    [
      refused('ALP 1e-10 U/L (ULN 120)', 'outside the plausible range (1 to 10000 U/L)'),
      refused('ALP -0 U/L (ULN 120)', 'outside the plausible range (1 to 10000 U/L)'),
    ],
  ],
  [
    'digits grouped by a space are refused, scientific notation and thousands separators read',
    [
      refused('ALP 1 200 U/L', 'one number (1200) or two'),
      {
        say: 'ALP 1.2e3 U/L (ULN 120)',
        expect: ['I read: ALP 1200 U/L (10.0x ULN)'],
      },
      { say: 'ALT 1,200/40', expect: ['I read: ALT 1200 U/L (30.0x ULN)'] },
    ],
  ],
];

describe('values are read whole or refused, never misread', () => {
  it.each(conversations)('%s', async (_name, exchanges) => {
    await playConversation(new ConversationDriver(), exchanges);
  });
});
