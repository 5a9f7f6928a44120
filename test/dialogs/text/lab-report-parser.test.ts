import { parseLabReport } from '../../../dialogs/text/lab-report-parser';

/** Real-world paste formats and the case values they must yield, exactly. */
const PASTES: readonly [string, Record<string, unknown>][] = [
  [
    'ALP 412 U/L (ULN 120), ALT 35/40, GGT 22, bili 0.8 mg/dL',
    {
      alp: { value: 412, unit: 'U/L', uln: 120 },
      alt: { value: 35, uln: 40 },
      ggt: { value: 22 },
      bilirubinTotal: { value: 0.8, unit: 'mg/dL' },
    },
  ],
  ['alk phos 5.0 ukat/L (ULN 2.2)', { alp: { value: 5, unit: 'ukat/L', uln: 2.2 } }],
  ['Alk Phos 5,0 µkat/l (ULN 2,2)', { alp: { value: 5, unit: 'µkat/L', uln: 2.2 } }],
  ['ALP 5.0 μkat/L', { alp: { value: 5, unit: 'μkat/L' } }],
  ['ALKP 300 (30-120)', { alp: { value: 300, uln: 120 } }],
  ['Alkaline phosphatase: 180 IU/L [40 – 129]', { alp: { value: 180, unit: 'IU/L', uln: 129 } }],
  ['ALP 180 U/L, ULN 120', { alp: { value: 180, unit: 'U/L', uln: 120 } }],
  ['ALP 1,200 U/L', { alp: { value: 1200, unit: 'U/L' } }],
  ['ALP 412H U/L (ref 40-129)', { alp: { value: 412, unit: 'U/L', uln: 129 } }],
  ['ALP 412 * U/L', { alp: { value: 412, unit: 'U/L' } }],
  ['ALP (U/L) 412 [40-129]', { alp: { value: 412, unit: 'U/L', uln: 129 } }],
  ['AP 250 U/l (< 105)', { alp: { value: 250, unit: 'U/L', uln: 105 } }],
  ['T bili 30 umol/L (ULN 21)', { bilirubinTotal: { value: 30, unit: 'umol/L', uln: 21 } }],
  ['D bili 12 µmol/L', { bilirubinDirect: { value: 12, unit: 'µmol/L' } }],
  ['Bilirubin, Direct 0.3 mg/dL (0.0-0.3)', { bilirubinDirect: { value: 0.3, unit: 'mg/dL', uln: 0.3 } }],
  ['bili 2,5 mg/dL', { bilirubinTotal: { value: 2.5, unit: 'mg/dL' } }],
  ['AST/SGOT 35', { ast: { value: 35 } }],
  ['ALT/SGPT 30', { alt: { value: 30 } }],
  ['SGPT (ALT) 30 U/L', { alt: { value: 30, unit: 'U/L' } }],
  ['GGT/GGTP 200 (ULN 60)', { ggt: { value: 200, uln: 60 } }],
  ['gamma-GT 85 U/L (<55)', { ggt: { value: 85, unit: 'U/L', uln: 55 } }],
  ['GGT 45 ULN 60', { ggt: { value: 45, uln: 60 } }],
  ['5NT 12 (ULN 10)', { nucleotidase5: { value: 12, uln: 10 } }],
  ["5'-nucleotidase 12 U/L", { nucleotidase5: { value: 12, unit: 'U/L' } }],
  ['5’-NT: 14', { nucleotidase5: { value: 14 } }],
  ['Ca 2.9 mmol/L', { calcium: { value: 2.9, unit: 'mmol/L' } }],
  ['calcium 11.2 mg/dL', { calcium: { value: 11.2, unit: 'mg/dL' } }],
  ['INR 1.6', { inr: 1.6 }],
  ['albumin 3.1 g/dL', { albumin: { value: 3.1, unit: 'g/dL' } }],
  ['Alb 35 g/L', { albumin: { value: 35, unit: 'g/L' } }],
  ['temp 38.5', { temperatureC: 38.5 }],
  ['Temperature 38,9 °C', { temperatureC: 38.9 }],
  ['WBC 12.3', { wbc: 12.3 }],
  ['WBC 12.3 x10^9/L', { wbc: 12.3 }],
  ['CRP 45 mg/L', { crp: { value: 45, unit: 'mg/L' } }],
  ['bone ALP 40 ug/L (ULN 20)', { boneSpecificAlp: { value: 40, unit: 'ug/L', uln: 20 } }],
  ['BSAP 40 ng/mL', { boneSpecificAlp: { value: 40, unit: 'µg/L' } }],
  ['baseline ALP 100', { alpBaseline: { value: 100 } }],
  [
    'ALP 180 U/L (ULN 120), baseline 100 U/L',
    { alp: { value: 180, unit: 'U/L', uln: 120 }, alpBaseline: { value: 100, unit: 'U/L' } },
  ],
  ['bone isoenzyme 70%, liver fraction 25 %', { isoenzymes: { bonePercent: 70, liverPercent: 25 } }],
  ['heat-stable ALP 18%', { heatStableAlpPercent: 18 }],
  [
    'ALT 25/40 AST 22/40 bili 0.6 mg/dL (1.2)',
    {
      alt: { value: 25, uln: 40 },
      ast: { value: 22, uln: 40 },
      bilirubinTotal: { value: 0.6, unit: 'mg/dL', uln: 1.2 },
    },
  ],
  [
    'alk phos 5.0 ukat/L (ULN 2.2), ALT 30/40, AST 35/40, T bili 30 umol/L (ULN 21), GGT 200 (ULN 60)',
    {
      alp: { value: 5, unit: 'ukat/L', uln: 2.2 },
      alt: { value: 30, uln: 40 },
      ast: { value: 35, uln: 40 },
      bilirubinTotal: { value: 30, unit: 'umol/L', uln: 21 },
      ggt: { value: 200, uln: 60 },
    },
  ],
  [
    'ALP 150 (120), ALT 200 (40), AST 180 (40), bili 3.0 mg/dL (1.2)',
    {
      alp: { value: 150, uln: 120 },
      alt: { value: 200, uln: 40 },
      ast: { value: 180, uln: 40 },
      bilirubinTotal: { value: 3, unit: 'mg/dL', uln: 1.2 },
    },
  ],
  [
    'Test\tResult\tFlag\tUnits\tReference\nALK PHOS\t412\tH\tU/L\t40-129\nALT (SGPT)\t35\t\tU/L\t7-56\nBilirubin, Total\t0.8\t\tmg/dL\t0.2-1.2',
    {
      alp: { value: 412, unit: 'U/L', uln: 129 },
      alt: { value: 35, unit: 'U/L', uln: 56 },
      bilirubinTotal: { value: 0.8, unit: 'mg/dL', uln: 1.2 },
    },
  ],
  [
    'Alkalische Phosphatase\nAP   312 U/l   H   (35 - 105)\nGPT  28 U/l  (< 50)\nGOT  31 U/l  (< 50)',
    {
      alp: { value: 312, unit: 'U/L', uln: 105 },
      alt: { value: 28, unit: 'U/L', uln: 50 },
      ast: { value: 31, unit: 'U/L', uln: 50 },
    },
  ],
  [
    'GGT 22 ; ALP 412 U/L ; ALT 35 U/L',
    { ggt: { value: 22 }, alp: { value: 412, unit: 'U/L' }, alt: { value: 35, unit: 'U/L' } },
  ],
  [
    'Test,Result,Units,Reference,Flag\nALP,412,U/L,40-129,H\nALT,35,U/L,7-56,\nGGT,22,U/L,8-61,',
    {
      alp: { value: 412, unit: 'U/L', uln: 129 },
      alt: { value: 35, unit: 'U/L', uln: 56 },
      ggt: { value: 22, unit: 'U/L', uln: 61 },
    },
  ],
  [
    'Alkaline Phosphatase (ALP)   412 U/L   H   (40 - 129)\nTotal Bilirubin (TBIL)  1.9 mg/dL  H  (0.3 - 1.2)',
    { alp: { value: 412, unit: 'U/L', uln: 129 }, bilirubinTotal: { value: 1.9, unit: 'mg/dL', uln: 1.2 } },
  ],
  ['ALP 180 (normal range: 30 to 120 U/L)', { alp: { value: 180, unit: 'U/L', uln: 120 } }],
  ['ALP 5.0 ukat/L (ULN 2.2 µkat/L)', { alp: { value: 5, unit: 'ukat/L', uln: 2.2 } }],
  ['ALT 35 IU/L (ULN 40 U/L)', { alt: { value: 35, unit: 'IU/L', uln: 40 } }],
  ['ALP\u00a0412\u00a0U/L (ULN\u202f120)', { alp: { value: 412, unit: 'U/L', uln: 120 } }],
  ['ALP 412 U / L', { alp: { value: 412, unit: 'U/L' } }],
  ['ALP 412 U/L\r\nGGT 22 U/L\r\n', { alp: { value: 412, unit: 'U/L' }, ggt: { value: 22, unit: 'U/L' } }],
  ['ALT back to normal 30', { alt: { value: 30 } }],
  ['ALP is now 260 U/L', { alp: { value: 260, unit: 'U/L' } }],
  ['CA 19-9 35, Ca 2.4 mmol/L', { calcium: { value: 2.4, unit: 'mmol/L' } }],
  ['indirect bilirubin 0.5 mg/dL', {}],
  ['PT/INR 1.2', { inr: 1.2 }],
];

describe('parseLabReport: real-world paste formats', () => {
  it.each(PASTES)('%j', (text, expected) => {
    const report = parseLabReport(text);
    expect(report.problems).toEqual([]);
    expect(report.values).toEqual(expected);
  });

  it('has at least 30 formats in its table', () => {
    expect(PASTES.length).toBeGreaterThanOrEqual(30);
  });
});

describe('parseLabReport: readings say exactly what was read', () => {
  it('reports value, unit, ULN and the verbatim source of each test, in text order', () => {
    const report = parseLabReport('GGT 200 (ULN 60), alk phos 5,0 µkat/L (ULN 2.2) H');
    expect(report.readings).toEqual([
      { field: 'ggt', value: 200, uln: 60, source: 'GGT 200 (ULN 60)' },
      { field: 'alp', value: 5, unit: 'µkat/L', uln: 2.2, source: 'alk phos 5,0 µkat/L (ULN 2.2) H' },
    ]);
  });

  it('leaves the unit undefined when none is written, whatever the magnitude', () => {
    const [reading] = parseLabReport('ALP 5.0').readings;
    expect(reading).toEqual({ field: 'alp', value: 5, source: 'ALP 5.0' });
  });

  it('reads nothing from text that names no test', () => {
    expect(parseLabReport('the patient feels well, 3 cycles so far')).toEqual({
      values: {},
      readings: [],
      problems: [],
    });
  });

  it('reads nothing for a test named without a value', () => {
    expect(parseLabReport('GGT pending, 5NT not done')).toEqual({ values: {}, readings: [], problems: [] });
  });
});

/** Input that must be refused, the field blamed and a phrase the message must contain. */
const REFUSALS: readonly [string, string, string][] = [
  ['ALP -5', 'alp', "can't be negative"],
  ['ALP 180 mg/dL', 'alp', 'U/L, IU/L or µkat/L'],
  ['bili 0.8 U/L', 'bilirubinTotal', 'mg/dL or µmol/L'],
  ['Ca 2.5 g/L', 'calcium', 'mmol/L or mg/dL'],
  ['INR 1.2 mg/dL', 'inr', 'no unit'],
  ['WBC 12300 /uL', 'wbc', 'x10^9/L'],
  ['temp 101.3 F', 'temperatureC', '°C'],
  ['ALP 2.5x ULN', 'alp', 'multiple of the ULN'],
  ['ALP 3 × ULN', 'alp', 'multiple of the ULN'],
  ['ALT/AST 35/22', 'alt', 'own value'],
  ['bili <0.2 mg/dL', 'bilirubinTotal', '<0.2'],
  ['ALP 412 U/L, ALP 300 U/L', 'alp', 'appears twice'],
  ['previous ALT 80', 'alt', 'current'],
  ['corrected calcium 2.9 mmol/L', 'calcium', 'total calcium'],
  ['ionised calcium 1.3', 'calcium', 'total calcium'],
  ['ALP 5.0 µkat/L (ULN 120 U/L)', 'alp', 'same unit'],
  ['ALP 180 U/L (ULN 0)', 'alp', 'ULN'],
  ['ALP 99999999 U/L', 'alp', 'plausible'],
];

describe('parseLabReport: refusals name the field and what is accepted', () => {
  it.each(REFUSALS)('%j', (text, field, phrase) => {
    const report = parseLabReport(text);
    expect(report.problems).toContainEqual({ field, message: expect.stringContaining(phrase) });
    expect(report.values).not.toHaveProperty(field);
  });

  it('keeps the usable values next to a refused one', () => {
    const report = parseLabReport('ALP -5, GGT 45 ULN 60');
    expect(report.values).toEqual({ ggt: { value: 45, uln: 60 } });
    expect(report.problems.map((problem) => problem.field)).toEqual(['alp']);
  });

  it('accepts the same value written twice', () => {
    const report = parseLabReport('ALT 35, ALT 35');
    expect(report.problems).toEqual([]);
    expect(report.values).toEqual({ alt: { value: 35 } });
  });
});
