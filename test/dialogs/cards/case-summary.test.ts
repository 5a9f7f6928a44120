import { caseSummaryText } from '../../../dialogs/cards/case-summary';
import { assessed, EXAMPLE_A_BONE_ON_BORTEZOMIB } from '../presentation/example-cases';

describe('caseSummaryText', () => {
  it('lists every answer in the order the workup asks, with units and ULNs', () => {
    const { known } = assessed(EXAMPLE_A_BONE_ON_BORTEZOMIB);
    expect(caseSummaryText(known)).toBe(
      [
        'Entered so far:',
        '- ALP (alkaline phosphatase): 180 U/L, ULN 120',
        '- Baseline ALP before this treatment: 100 U/L',
        '- ALT: 25 U/L, ULN 40',
        '- AST: 22 U/L, ULN 40',
        '- Total bilirubin: 0.6 mg/dL, ULN 1.2',
        '- GGT: 30 U/L, ULN 60',
        '- Current myeloma treatment: Bortezomib',
        '- Weeks on this treatment: 6',
        '- Steroids in the regimen: yes',
        '- Recent fracture, vertebroplasty or kyphoplasty: no',
        '- Pregnant: no',
        '- Fasting sample: yes',
        '- Red-flag symptoms: none of these',
      ].join('\n'),
    );
  });

  it('says how to begin when nothing is entered', () => {
    expect(caseSummaryText({})).toBe('Nothing entered yet. Start with the ALP, e.g. "ALP 180 U/L, ULN 120".');
  });
});
