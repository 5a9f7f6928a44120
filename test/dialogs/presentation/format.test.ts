import {
  displayUnit,
  formatConverted,
  formatMultiple,
  formatPercentChange,
  formatQuantity,
  formatValue,
  inSentence,
  joinProse,
} from '../../../dialogs/presentation/format';

describe('value formatting', () => {
  it.each([
    ['U/L', 'U/L'],
    ['IU/L', 'IU/L'],
    ['ukat/L', 'µkat/L'],
    ['μkat/L', 'µkat/L'],
    ['µkat/L', 'µkat/L'],
    ['umol/L', 'µmol/L'],
    ['μmol/L', 'µmol/L'],
    ['ug/L', 'µg/L'],
    ['mg/dL', 'mg/dL'],
    ['mmol/L', 'mmol/L'],
  ])('shows %s as %s (micro sign U+00B5)', (unit, shown) => {
    expect(displayUnit(unit)).toBe(shown);
    expect(displayUnit(unit)).not.toContain('μ');
  });

  it.each([
    [1.5, '1.5x'],
    [1.25, '1.3x'],
    [2.2727, '2.3x'],
    [0.625, '0.6x'],
    [0.55, '0.6x'],
    [2, '2.0x'],
    [0.04, '0.0x'],
    [15.04, '15.0x'],
    [1.449, '1.4x'],
  ])('multiple of ULN %d reads %s (one decimal)', (multiple, shown) => {
    expect(formatMultiple(multiple)).toBe(shown);
  });

  it.each([
    [180, '180'],
    [5, '5'],
    [0.6, '0.6'],
    [0.1 + 0.2, '0.3'],
    [1.756, '1.76'],
    [2.2, '2.2'],
  ])('reported value %d reads %s', (value, shown) => {
    expect(formatValue(value)).toBe(shown);
  });

  it.each([
    [5 * 60, 'U/L', '300'],
    [1.234 * 60, 'U/L', '74'],
    [30 / 17.1, 'mg/dL', '1.8'],
    [9 / 17.1, 'mg/dL', '0.5'],
    [2.4 * 4.008, 'mg/dL', '9.6'],
    [2.5 * 4.008, 'mg/dL', '10.0'],
    [10 * 0.2495, 'mmol/L', '2.50'],
    [35 * 0.1, 'g/dL', '3.5'],
    [0.45 * 10, 'mg/L', '4.5'],
  ])('converted value %d %s reads %s (the decimals a lab prints in that unit)', (value, unit, shown) => {
    expect(formatConverted(value, unit)).toBe(shown);
  });

  it.each([
    [80, '+80%'],
    [-12.4, '-12%'],
    [0, '0%'],
    [24.6, '+25%'],
  ])('percent change %d reads %s', (percent, shown) => {
    expect(formatPercentChange(percent)).toBe(shown);
  });

  it('puts the unit after the value and never guesses one', () => {
    expect(formatQuantity(5, 'ukat/L')).toBe('5 µkat/L');
    expect(formatQuantity(30)).toBe('30');
  });

  it('joins lists in prose', () => {
    expect(joinProse([])).toBe('');
    expect(joinProse(['GGT'])).toBe('GGT');
    expect(joinProse(['GGT', 'AMA'])).toBe('GGT and AMA');
    expect(joinProse(['GGT', 'AMA', 'ultrasound'])).toBe('GGT, AMA and ultrasound');
  });

  it('lower-cases words but not acronyms inside a sentence', () => {
    expect(inSentence('Total bilirubin')).toBe('total bilirubin');
    expect(inSentence('ALP')).toBe('ALP');
    expect(inSentence("5'-nucleotidase")).toBe("5'-nucleotidase");
  });
});
