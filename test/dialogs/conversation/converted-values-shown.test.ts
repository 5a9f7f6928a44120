import { ConversationDriver } from '../../bot/conversation-harness';
import { playConversation, type Exchange } from './conversation-table';

/** What the unrounded conversions printed before (issue 14 item 7): four significant figures. */
const OVER_PRECISE = ['0.5263', '9.619', '9.62 ', '73.80', '3.50 g/dL'];

/**
 * SI values typed as a lab prints them are echoed, assessed and written into the chart note with
 * their conversion to the decimals a lab prints in that unit: the echo, the "why" and the note agree.
 */
const exchanges: Exchange[] = [
  {
    say: 'ALP 1.23 ukat/L (ULN 1.0)',
    expect: ['I read: ALP 1.23 µkat/L = 74 U/L (1.2x ULN)', 'Red-flag screen'],
    absent: OVER_PRECISE,
  },
  { say: 'none of these', expect: ['Liver panel and calcium'] },
  {
    say: 'ALT 30/40, AST 35/40, T bili 9 umol/L (ULN 21), INR 1.0, Ca 2.4 mmol/L (ULN 2.6), albumin 35 g/L',
    expect: [
      'total bilirubin 9 µmol/L = 0.5 mg/dL (0.4x ULN)',
      'calcium 2.4 mmol/L = 9.6 mg/dL (0.9x ULN)',
      'albumin 35 g/L = 3.5 g/dL',
    ],
    absent: OVER_PRECISE,
  },
  {
    say: 'why',
    expect: [
      'ALP 1.23 µkat/L = 74 U/L.',
      'Total bilirubin 9 µmol/L = 0.5 mg/dL.',
      'Calcium 2.4 mmol/L = 9.6 mg/dL; Albumin 35 g/L = 3.5 g/dL.',
    ],
    absent: OVER_PRECISE,
  },
  {
    say: 'chart note',
    expect: ['ALP 1.23 µkat/L = 74 U/L (ULN 1; 1.2x)', 'total bilirubin 9 µmol/L = 0.5 mg/dL (ULN 21; 0.4x)'],
    absent: OVER_PRECISE,
  },
];

describe('converted lab values are shown with the precision a clinician reads', () => {
  it('in the echo, the reasons and the chart note', async () => {
    await playConversation(new ConversationDriver(), exchanges);
  });

  it('the R ratio with the same two decimals wherever it stands (R = 0.42, never 0.4167)', async () => {
    await playConversation(new ConversationDriver(), [
      {
        say: 'ALP 360 U/L (ULN 120), ALT 50/40, AST 30/40',
        expect: ['Cholestatic pattern'],
        absent: ['R = 0.416'],
      },
      { say: 'why', expect: ['R = 0.42: cholestatic pattern.'], absent: ['R = 0.416'] },
      { say: 'chart note', expect: ['R = 0.42'], absent: ['R = 0.416'] },
    ]);
  });
});
