import { labRecord, labText, scalarText } from '../../../dialogs/presentation/lab-text';
import { readingsEcho } from '../../../dialogs/presentation/readings-echo';

describe('readingsEcho', () => {
  it('echoes example B: converted units, the unit converted from, x ULN to one decimal', () => {
    const echo = readingsEcho([
      { field: 'alp', value: 5, unit: 'ukat/L', uln: 2.2 },
      { field: 'alt', value: 30, uln: 40 },
      { field: 'ast', value: 35, uln: 40 },
      { field: 'bilirubinTotal', value: 30, unit: 'umol/L', uln: 21 },
      { field: 'ggt', value: 200, uln: 60 },
    ]);
    expect(echo).toBe(
      'I read: ALP 5 µkat/L = 300 U/L (2.3x ULN); ALT 30 U/L (0.8x ULN); AST 35 U/L (0.9x ULN); ' +
        'total bilirubin 30 µmol/L = 1.8 mg/dL (1.4x ULN); GGT 200 U/L (3.3x ULN). ' +
        'No unit given, so I read ALT in U/L, AST in U/L and GGT in U/L.',
    );
  });

  it('says nothing about units when every unit was typed', () => {
    expect(readingsEcho([{ field: 'alp', value: 412, unit: 'U/L', uln: 120 }])).toBe(
      'I read: ALP 412 U/L (3.4x ULN).',
    );
  });

  it('shows a lab without its ULN without inventing a multiple', () => {
    expect(readingsEcho([{ field: 'ggt', value: 45, unit: 'U/L' }])).toBe('I read: GGT 45 U/L.');
  });

  it('echoes numbers that are not labs with their own unit', () => {
    expect(
      readingsEcho([
        { field: 'inr', value: 1.6 },
        { field: 'temperatureC', value: 38.5 },
        { field: 'heatStableAlpPercent', value: 18 },
      ]),
    ).toBe('I read: INR 1.6; temperature 38.5 °C; heat-stable ALP 18%.');
  });

  it('shows a unit the engine does not convert as typed instead of failing', () => {
    expect(readingsEcho([{ field: 'alp', value: 180, unit: 'mg/dL', uln: 120 }])).toBe(
      'I read: ALP 180 mg/dL (1.5x ULN).',
    );
  });

  it('is empty when nothing was read', () => {
    expect(readingsEcho([])).toBe('');
  });
});

describe('lab text', () => {
  it('converts calcium and keeps the reported value first', () => {
    expect(labText('calcium', { value: 2.9, unit: 'mmol/L', uln: 2.6 }).text).toBe(
      'calcium 2.9 mmol/L = 11.6 mg/dL (1.1x ULN)',
    );
  });

  it('records the ULN itself for the chart note', () => {
    expect(labRecord('alt', { value: 25, unit: 'U/L', uln: 40 })).toBe('ALT 25 U/L (ULN 40; 0.6x)');
    expect(labRecord('ggt', { value: 45, unit: 'IU/L' })).toBe('GGT 45 IU/L (ULN not given)');
  });

  it('names a scalar by the engine label, with its unit', () => {
    expect(scalarText('wbc', 12.3)).toBe('white cell count 12.3 x10^9/L');
  });
});
