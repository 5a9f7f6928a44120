import { parseLabReport } from '../../../dialogs/text/lab-report-parser';
import { withoutInvisibleCharacters } from '../../../dialogs/text/invisible-characters';

/** Text as copied from lab systems and PDFs: invisible characters inside names and numbers. */
const INVISIBLE: readonly [string, string, Record<string, unknown>][] = [
  ['zero-width space inside the number', 'ALP 3\u200b00 U/L', { alp: { value: 300, unit: 'U/L' } }],
  [
    'zero-width joiner and word joiner',
    'ALP 1\u200d8\u20600 U/L (ULN 1\u200c20)',
    { alp: { value: 180, unit: 'U/L', uln: 120 } },
  ],
  ['soft hyphen inside the number', 'ALT 2\u00ad50/40', { alt: { value: 250, uln: 40 } }],
  [
    'bidi marks around the value',
    'ALP \u200e300\u200f U/L \u2066(ULN 120)\u2069',
    { alp: { value: 300, unit: 'U/L', uln: 120 } },
  ],
  ['byte-order mark before the name', '\ufeffALP 300 U/L', { alp: { value: 300, unit: 'U/L' } }],
  [
    'no-break and thin spaces',
    'ALP\u00a0300\u202fU/L\u2009(ULN\u00a0120)',
    { alp: { value: 300, unit: 'U/L', uln: 120 } },
  ],
  ['zero-width space inside the name', 'G\u200bGT 45 ULN 60', { ggt: { value: 45, uln: 60 } }],
];

describe('invisible characters are stripped before reading', () => {
  it.each(INVISIBLE)('%s', (_label, text, values) => {
    const report = parseLabReport(text);
    expect(report.problems).toEqual([]);
    expect(report.values).toEqual(values);
    expect(
      report.readings.every((reading) => withoutInvisibleCharacters(reading.source) === reading.source),
    ).toBe(true);
  });
});

describe('a number is read only whole', () => {
  it.each<[string, Record<string, unknown>]>([
    ['ALP 1.2e3 U/L (ULN 120)', { alp: { value: 1200, unit: 'U/L', uln: 120 } }],
    ['ALP 1,2E3 U/L', { alp: { value: 1200, unit: 'U/L' } }],
    ['ALT 1,200/40', { alt: { value: 1200, uln: 40 } }],
    ['ALT 12,000 U/L', { alt: { value: 12000, unit: 'U/L' } }],
    ['bili 0,8 mg/dL', { bilirubinTotal: { value: 0.8, unit: 'mg/dL' } }],
  ])('reads %j correctly', (text, values) => {
    const report = parseLabReport(text);
    expect(report.problems).toEqual([]);
    expect(report.values).toEqual(values);
  });

  it.each<[string, string, string]>([
    ['ALP 1e308 U/L ULN 120', 'alp', 'outside the plausible range (1 to 10000 U/L)'],
    ['ALP 1e-10 U/L (ULN 120)', 'alp', 'outside the plausible range (1 to 10000 U/L)'],
    ['ALP -0 U/L (ULN 120)', 'alp', 'outside the plausible range (1 to 10000 U/L)'],
    ['ALP 0 U/L (ULN 120)', 'alp', 'outside the plausible range (1 to 10000 U/L)'],
    ['ALP 1 200 U/L', 'alp', 'one number (1200) or two (1, then 200'],
    ['ALP 300x10 U/L', 'alp', 'I could not read "x10" as part of the number'],
    ['ALP 2.5.1 U/L', 'alp', 'I could not read ".1" as part of the number'],
    ['ALP 300banana ULN 120', 'alp', 'I could not read "banana" as part of the number'],
    ['ALP 300 banana ULN 120', 'alp', 'I could not read "banana"'],
    ['ALP 300 U/L see comment, ref 40-129', 'alp', 'I could not read "see comment"'],
    ['ALP 180 120', 'alp', 'one number (180120) or two (180, then 120, perhaps the ULN)'],
    ['ALP 180 U/L 120', 'alp', 'I could not tell what "120"'],
  ])('refuses %j, naming the part it could not read', (text, field, phrase) => {
    const report = parseLabReport(text);
    expect(report.problems).toContainEqual({ field, message: expect.stringContaining(phrase) });
    expect(report.values).not.toHaveProperty(field);
  });

  it('refuses 1e-10 and -0 alike (both would be an ALP of 0)', () => {
    const messages = ['ALP 1e-10 U/L', 'ALP -0 U/L'].map(
      (text) => parseLabReport(text).problems[0]?.message.replace(/ALP \S+ U\/L/, 'ALP x U/L') ?? '',
    );
    expect(messages[0]).toBe(messages[1]);
  });

  it('never drops a ULN silently: every ULN written is read or the value refused', () => {
    for (const text of ['ALP 300 banana ULN 120', 'ALP 1e308 U/L ULN 120', 'ALP 300 U/L ?? (ULN 120)']) {
      const report = parseLabReport(text);
      const read = report.readings.find((reading) => reading.field === 'alp');
      expect(report.problems.length > 0 || read?.uln === 120).toBe(true);
      expect(report.values.alp?.uln === undefined && report.values.alp !== undefined).toBe(false);
    }
  });
});
