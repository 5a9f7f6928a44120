import { FOREIGN_TESTS, LAB_TESTS } from '../../../dialogs/text/lab-aliases';
import { scanTestNames } from '../../../dialogs/text/lab-name-scanner';

/** Every way a report may write an alias: as listed, upper case, and with its spaces as other separators. */
const spellings = (name: string, ignoresCase: boolean): string[] => {
  const variants = [name, name.replace(/ /g, '-'), name.replace(/ /g, '.'), name.replace(/ /g, '')];
  return ignoresCase ? [...variants, ...variants.map((v) => v.toUpperCase())] : variants;
};

const ALIASES = [
  ...LAB_TESTS.flatMap((test) => [
    ...test.names.map((name) => ({ name, ignoresCase: true, test, foreign: undefined })),
    ...(test.exactCase ?? []).map((name) => ({ name, ignoresCase: false, test, foreign: undefined })),
  ]),
  ...FOREIGN_TESTS.flatMap((foreign) =>
    foreign.names.map((name) => ({ name, ignoresCase: true, test: undefined, foreign })),
  ),
];

describe('scanTestNames', () => {
  it.each(ALIASES.map((alias) => [alias.name, alias] as const))(
    'every spelling of "%s" names its own test, the whole alias',
    (name, alias) => {
      for (const text of spellings(name, alias.ignoresCase)) {
        const [first] = scanTestNames(`${text} 12`);
        expect({ text, first }).toEqual({
          text,
          first: { start: 0, end: text.length, test: alias.test, foreign: alias.foreign },
        });
      }
    },
  );

  it('finds each name in a pasted report, in order, with its span', () => {
    const text = 'ALT 25/40 AST 22/40 T-bili 0.6 mg/dL (1.2) GGT 30 alk. phos. 180';
    const found = scanTestNames(text).map((match) => [text.slice(match.start, match.end), match.test?.field]);
    expect(found).toEqual([
      ['ALT', 'alt'],
      ['AST', 'ast'],
      ['T-bili', 'bilirubinTotal'],
      ['GGT', 'ggt'],
      ['alk. phos.', 'alp'],
    ]);
  });

  it('reads a name whose letters fold to the alias only in a regular expression', () => {
    // U+212A KELVIN SIGN case-folds to "k" in a /u regex but lower-cases to itself in toLowerCase.
    const [first] = scanTestNames('al\u212Ap 300');
    expect(first?.test?.field).toBe('alp');
  });

  it('keeps exact-case names exact and words inside other words unmatched', () => {
    expect(scanTestNames('ap 250')).toEqual([]);
    expect(scanTestNames('AP 250')[0]?.test?.field).toBe('alp');
    expect(scanTestNames('maltose 12')).toEqual([]);
  });
});
