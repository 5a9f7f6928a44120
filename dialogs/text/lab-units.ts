/**
 * Unit spellings seen in lab reports, per unit family, mapped to the case schema's spelling.
 * The parser keeps the unit as reported (the engine converts); this table only recognises
 * spellings. `null` marks a spelling that is recognised but refused for the family, with the
 * reason, so "WBC 12300 /uL" is refused instead of read as 12300 x10^9/L.
 */
export type UnitFamily =
  | 'enzyme'
  | 'bilirubin'
  | 'calcium'
  | 'albumin'
  | 'crp'
  | 'boneAlp'
  | 'none'
  | 'temperature'
  | 'wbc'
  | 'percent';

interface UnitSpelling {
  spelling: string;
  /** The case schema unit, or '' for families whose case field stores a bare number. */
  caseUnit: string;
}

interface FamilyUnits {
  /** What the clinician is told is accepted. */
  accepted: string;
  spellings: readonly UnitSpelling[];
  /** Recognised spellings that must not be read as this family's unit, with the reason. */
  refused?: readonly { spelling: string; reason: string }[];
}

const same = (...spellings: string[]): UnitSpelling[] =>
  spellings.map((spelling) => ({ spelling, caseUnit: spelling }));
const as = (caseUnit: string, ...spellings: string[]): UnitSpelling[] =>
  spellings.map((spelling) => ({ spelling, caseUnit }));

const MICROKAT = [...as('ukat/L', 'ukat/L', 'mckat/L', 'microkat/L'), ...same('µkat/L', 'μkat/L')];
const MICROMOL = [...as('umol/L', 'umol/L', 'mcmol/L', 'micromol/L'), ...same('µmol/L', 'μmol/L')];

export const UNIT_FAMILIES: Record<UnitFamily, FamilyUnits> = {
  enzyme: {
    accepted: 'U/L, IU/L or µkat/L',
    spellings: [...same('U/L', 'IU/L'), ...as('IU/L', 'UI/L'), ...MICROKAT],
  },
  bilirubin: {
    accepted: 'mg/dL or µmol/L',
    spellings: [...as('mg/dL', 'mg/dL', 'mg%'), ...MICROMOL],
  },
  calcium: { accepted: 'mmol/L or mg/dL', spellings: [...same('mg/dL', 'mmol/L')] },
  albumin: { accepted: 'g/dL or g/L', spellings: [...same('g/dL', 'g/L')] },
  crp: { accepted: 'mg/L or mg/dL', spellings: [...same('mg/L', 'mg/dL')] },
  boneAlp: {
    accepted: 'µg/L (= ng/mL) or U/L',
    spellings: [
      ...same('ug/L', 'µg/L', 'μg/L', 'U/L'),
      ...as('ug/L', 'mcg/L'),
      // ng/mL is numerically identical to µg/L.
      ...as('µg/L', 'ng/mL'),
      ...as('U/L', 'IU/L'),
    ],
  },
  none: { accepted: 'no unit', spellings: [] },
  temperature: {
    accepted: '°C',
    spellings: as('', '°C', 'ºC', 'deg C', 'degC', 'degrees C', 'celsius', 'C'),
    refused: ['°F', 'ºF', 'deg F', 'degF', 'fahrenheit', 'F'].map((spelling) => ({
      spelling,
      reason: 'enter the temperature in °C',
    })),
  },
  wbc: {
    accepted: 'x10^9/L (the same number as x10^3/µL)',
    spellings: as(
      '',
      'x10^9/L',
      'x 10^9/L',
      '10^9/L',
      'x10*9/L',
      'x10e9/L',
      'x 10e9/L',
      '10*9/L',
      'G/L',
      '/nL',
      'K/uL',
      'K/µL',
      'K/μL',
      'x10^3/uL',
      'x10^3/µL',
      'x10^3/μL',
      'x 10^3/uL',
      'x 10^3/µL',
      '10^3/uL',
      '10^3/µL',
      '10*3/uL',
      'thou/uL',
    ),
    refused: ['/uL', '/µL', '/μL', '/mm3', '/mm^3', 'cells/uL', 'cells/µL', 'cells/mm3'].map((spelling) => ({
      spelling,
      reason: 'enter the count in x10^9/L, for example 12.3 rather than 12300',
    })),
  },
  percent: { accepted: '%', spellings: as('', '%') },
};

export type UnitMatch =
  | { kind: 'accepted'; caseUnit: string; text: string }
  | { kind: 'refused'; reason: string; text: string }
  | { kind: 'foreign'; text: string };

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** Spaces inside a unit vary ("x 10^9/L", "U / L"). */
const spellingPattern = (spelling: string): string =>
  escapeRegExp(spelling).replace(/ /g, '[ \\t]*').replace(/\\\//g, '[ \\t]*\\/[ \\t]*');

const ALL_SPELLINGS = Object.values(UNIT_FAMILIES).flatMap((family) => [
  ...family.spellings.map((unit) => unit.spelling),
  ...(family.refused ?? []).map((unit) => unit.spelling),
]);

// Longest first so "IU/L" wins over "U/L"; single letters ("C", "F") only count inside their family.
const UNIT_ALTERNATION = [...new Set(ALL_SPELLINGS)]
  .filter((spelling) => spelling.length > 1 || spelling === '%')
  .sort((a, b) => b.length - a.length)
  .map(spellingPattern)
  .join('|');

/** Anything shaped like a unit ("mg/dL", "nmol/L", "pg/mL"), so an unknown unit is refused, not ignored. */
const UNIT_LIKE = new RegExp(
  String.raw`^(?:${UNIT_ALTERNATION}|[a-zµμ]{1,6}/[a-z0-9]{1,3}(?![a-z0-9]))(?![a-z0-9])`,
  'i',
);

interface UnitMatcher {
  pattern: RegExp;
  spelling: string;
  result: { kind: 'accepted'; caseUnit: string } | { kind: 'refused'; reason: string };
}

// Per family, longest spelling first so "IU/L" wins over "U/L" and "x10^9/L" over "10^9/L".
const MATCHERS = Object.fromEntries(
  Object.entries(UNIT_FAMILIES).map(([family, units]) => {
    const matchers: UnitMatcher[] = [
      ...units.spellings.map((unit) => ({
        spelling: unit.spelling,
        result: { kind: 'accepted', caseUnit: unit.caseUnit } as const,
      })),
      ...(units.refused ?? []).map((unit) => ({
        spelling: unit.spelling,
        result: { kind: 'refused', reason: unit.reason } as const,
      })),
    ]
      .sort((a, b) => b.spelling.length - a.spelling.length)
      .map((unit) => ({
        ...unit,
        pattern: new RegExp(`^${spellingPattern(unit.spelling)}(?![a-z0-9])`, 'i'),
      }));
    return [family, matchers];
  }),
) as Record<UnitFamily, UnitMatcher[]>;

/**
 * Reads a unit at the very start of `text` (leading spaces allowed) for the given family.
 * Returns undefined when nothing unit-like is there.
 */
export function readUnit(text: string, family: UnitFamily): UnitMatch | undefined {
  const leading = /^[ \t]*/.exec(text)?.[0] ?? '';
  const rest = text.slice(leading.length);
  for (const matcher of MATCHERS[family]) {
    const match = matcher.pattern.exec(rest);
    // Case-insensitive matching equates the micro sign and the Greek mu; the unit is kept as written.
    if (match && match[0].includes('μ') === matcher.spelling.includes('μ')) {
      return { ...matcher.result, text: leading + match[0] };
    }
  }
  const foreign = UNIT_LIKE.exec(rest);
  return foreign ? { kind: 'foreign', text: leading + foreign[0] } : undefined;
}
