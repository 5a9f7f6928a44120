import fc from 'fast-check';
import { parseLabReport } from '../../../dialogs/text/lab-report-parser';

/**
 * Every number the text could be read as writing, under either comma convention (thousands
 * grouping or decimal comma), starting at any digit.
 */
function numbersIn(text: string): number[] {
  const readings = [text.replace(/(\d),(\d{3})(?!\d)/g, '$1$2').replace(/,/g, '.'), text.replace(/,/g, '.')];
  const found: number[] = [];
  for (const normalised of readings) {
    for (let start = 0; start < normalised.length; start += 1) {
      const match = /^(?:\d+(?:\.\d+)?|\.\d+)/.exec(normalised.slice(start));
      if (match) found.push(Number(match[0]));
    }
  }
  return found;
}

function numericLeaves(value: unknown): number[] {
  if (typeof value === 'number') return [value];
  if (typeof value !== 'object' || value === null) return [];
  return Object.values(value).flatMap(numericLeaves);
}

const LAB_NAMES = [
  'ALP',
  'alk phos',
  'ALT',
  'AST/SGOT',
  'GGT',
  '5NT',
  'T bili',
  'bili',
  'Ca',
  'INR',
  'WBC',
  'temp',
  'bone ALP',
  'baseline',
];
const UNITS = [
  'U/L',
  'ukat/L',
  'µkat/L',
  'μmol/L',
  'mg/dL',
  'mmol/L',
  'g/L',
  '%',
  'x10^9/L',
  'mg/L',
  'foo/bar',
  '',
];
const SEPARATORS = [' ', '\t', ', ', '; ', '\n', ': ', '/', ' (', ') ', '-', ' ULN ', ' x ULN', ' H ', '*'];
const NUMBERS = fc.oneof(
  fc.integer({ min: -100, max: 100000 }).map(String),
  fc.double({ min: -10, max: 5000, noNaN: true }).map((n) => n.toFixed(2)),
  fc.double({ min: 0, max: 50, noNaN: true }).map((n) => n.toFixed(1).replace('.', ',')),
);
const labLike = fc
  .array(
    fc.oneof(
      fc.constantFrom(...LAB_NAMES),
      fc.constantFrom(...UNITS),
      fc.constantFrom(...SEPARATORS),
      NUMBERS,
    ),
    {
      maxLength: 25,
    },
  )
  .map((parts) => parts.join(''));
const anyText = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  labLike,
);

describe('parseLabReport properties', () => {
  it('never throws, on any string', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        parseLabReport(text);
      }),
      { numRuns: 1000, seed: 20261125 },
    );
  });

  it('never returns a number that is not written in the text', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const report = parseLabReport(text);
        const written = numbersIn(text).map((n) => Math.abs(n));
        for (const n of numericLeaves(report.values)) expect(written).toContainEqual(Math.abs(n));
        for (const reading of report.readings) {
          expect(text).toContain(reading.source);
          expect(numbersIn(reading.source).map((n) => Math.abs(n))).toContainEqual(Math.abs(reading.value));
        }
      }),
      { numRuns: 1000, seed: 20261125 },
    );
  });

  it('reads a value back exactly, whatever the test, unit and ULN form', () => {
    const forms = fc.record({
      name: fc.constantFrom('ALP', 'ALT', 'AST', 'GGT', 'alk phos', 'SGPT'),
      value: fc.integer({ min: 1, max: 5000 }),
      uln: fc.integer({ min: 1, max: 500 }),
      form: fc.constantFrom(
        '%n %v U/L (ULN %u)',
        '%n %v/%u',
        '%n\t%v\tU/L\t1-%u',
        '%n: %v IU/L [ref 5 - %u]',
        '%n %v ULN %u',
      ),
    });
    fc.assert(
      fc.property(forms, ({ name, value, uln, form }) => {
        const text = form.replace('%n', name).replace('%v', String(value)).replace('%u', String(uln));
        const [reading] = parseLabReport(text).readings;
        expect(reading?.value).toBe(value);
        expect(reading?.uln).toBe(uln);
      }),
      { numRuns: 300, seed: 20261125 },
    );
  });
});
