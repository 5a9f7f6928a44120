import type { LabTest } from './lab-aliases';
import { readUnit, UNIT_FAMILIES } from './lab-units';
import { NUMBER_PATTERN, parseReportedNumber } from './reported-number';
import { quotedInput } from '../presentation/quoted-input';

/** What followed one test name: its value, unit and ULN, or why it could not be used. */
export interface LabResult {
  /** Characters of the region consumed. */
  length: number;
  value?: number;
  unit?: string;
  uln?: number;
  problem?: string;
}

const NUM = `(${NUMBER_PATTERN})`;
const GAP = '[ \\t]*';
// Written so that two optional runs of spaces never touch: adjacent ones backtrack quadratically.
const SEPARATOR = `${GAP}(?:[,;]${GAP})?`;

// Words clinicians put between a name and its value ("ALT back to normal 30", "ALP is 412").
const LEAD = new RegExp(
  `^${GAP}(?:(?:[:=,;]|-(?=\\s)|–|—)${GAP})?(?:(?:is|was|now|of|at|to|currently|today|level|result|value|back to normal|normal|came back(?: at)?)${GAP}(?:[:=]${GAP})?)*`,
  'i',
);
const CENSORED = new RegExp(`^(?:<=|>=|<|>|≤|≥)${GAP}${NUM}`);
const VALUE = new RegExp(`^${NUM}`);
const MULTIPLE_OF_ULN = new RegExp(`^${GAP}(?:x|×|times)${GAP}(?:the${GAP})?(?:uln|upper limit)`, 'i');
const FLAGS = new RegExp(
  `^(?:${SEPARATOR}(?:\\(${GAP}(?:HH|LL|H|L|A)${GAP}\\)|\\[${GAP}(?:HH|LL|H|L|A)${GAP}\\]|\\*+|!+|↑+|↓+|(?:HH|LL|H|L|high|low|abnormal|abn)(?![\\p{L}\\p{N}])))+`,
  'iu',
);
const KEYWORD = `(?:uln|upper${GAP}limit(?:${GAP}of${GAP}normal)?|ref(?:erence)?\\.?(?:${GAP}(?:range|interval|values?))?|normal(?:${GAP}range)?|nr|rr|range|limit)`;
const RANGE = `(?:${NUM}${GAP}(?:-|–|—|to)${GAP})?(?:(?:<=|<|≤|up${GAP}to)${GAP})?${NUM}`;
const SLASH_ULN = new RegExp(`^${GAP}/${GAP}${NUM}`);
const BRACKET_ULN = new RegExp(
  `^${SEPARATOR}[(\\[]${GAP}(?:(?:${KEYWORD}|n)${GAP}(?:[:=]${GAP})?)?${RANGE}`,
  'i',
);
const KEYWORD_ULN = new RegExp(`^${SEPARATOR}${KEYWORD}${GAP}(?:[:=]${GAP})?${RANGE}`, 'i');
const BARE_RANGE_ULN = new RegExp(
  `^${SEPARATOR}(?:${NUM}${GAP}(?:-|–|—)${GAP}${NUM}|(?:<=|<|≤)${GAP}${NUM})(?!\\d|[.,]\\d|[/-])`,
);
const CLOSE_BRACKET = new RegExp(`^${GAP}[)\\]]`);
/** A number that runs on without a space into what the reader cannot take: "300banana", "1x10^3", "2.5.1". */
const RUNS_ON = /^(?:[.,]?\p{N}|[\p{L}^_])/u;
/** Digits grouped by a space ("1 200"): a thousands separator or two numbers, the reader cannot tell. */
const SPACE_GROUPED = /^ (\d{3})(?![\d.,/:-])/;
/** Words that introduce a ULN or a reference range, left unread after the value. */
const ULN_WORDS = /\b(?:uln|upper limit|ref(?:erence)?|normal range|range|nr|rr)\b[^\d]*\d/i;
/** A lone number after the value, unlabelled: perhaps the ULN, perhaps not. */
const LONE_NUMBER = /^[ \t]*[,;]?[ \t]*\d+(?:[.,]\d+)?[ \t]*$/;

/** "µkat/L", "μkat/L" and "ukat/L" are one unit, as are "IU/L" and "U/L". */
const sameUnit = (a: string, b: string): boolean => {
  const key = (unit: string): string => unit.toLowerCase().replace(/[µμ]/g, 'u').replace(/^iu\//, 'u/');
  return key(a) === key(b);
};

const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

interface UlnRead {
  length: number;
  uln?: number;
  unit?: string;
  problem?: string;
}

/** The upper bound of a reference range is the ULN; a lone number is the ULN itself. */
const upperOf = (match: RegExpExecArray): number | undefined => {
  const numbers = match.slice(1).filter((group): group is string => group !== undefined);
  const upper = numbers[numbers.length - 1];
  return upper === undefined ? undefined : parseReportedNumber(upper);
};

function readUln(rest: string, test: LabTest, valueHasUnit: boolean): UlnRead | undefined {
  if (!valueHasUnit) {
    const slash = SLASH_ULN.exec(rest);
    if (slash) return { length: slash[0].length, uln: upperOf(slash) };
  }
  const bracket = BRACKET_ULN.exec(rest);
  if (bracket) {
    let length = bracket[0].length;
    const unit = readUnit(rest.slice(length), test.family);
    if (unit) length += unit.text.length;
    const close = CLOSE_BRACKET.exec(rest.slice(length));
    if (close) {
      return { ...ulnUnit(unit, test), length: length + close[0].length, uln: upperOf(bracket) };
    }
  }
  const keyword = KEYWORD_ULN.exec(rest) ?? BARE_RANGE_ULN.exec(rest);
  if (keyword) {
    let length = keyword[0].length;
    const unit = readUnit(rest.slice(length), test.family);
    if (unit) length += unit.text.length;
    return { ...ulnUnit(unit, test), length, uln: upperOf(keyword) };
  }
  return undefined;
}

function ulnUnit(unit: ReturnType<typeof readUnit>, test: LabTest): { unit?: string; problem?: string } {
  if (!unit) return {};
  return unit.kind === 'accepted'
    ? { unit: unit.caseUnit }
    : { problem: unitProblem(unit.text.trim(), test) };
}

function unitProblem(unitText: string, test: LabTest, reason?: string): string {
  if (reason) return `${capitalised(test.label)} in ${unitText}: ${reason}.`;
  if (test.family === 'none')
    return `${test.label} has no unit; enter the number only, for example "${test.label} 1.2".`;
  return `"${unitText}" is not a unit for ${test.label}. Accepted: ${UNIT_FAMILIES[test.family].accepted}.`;
}

/** Comma-separated exports put a comma before the unit ("ALP,412,U/L,40-129"); only a known unit counts there. */
function readUnitAfterComma(text: string, test: LabTest): ReturnType<typeof readUnit> {
  const comma = /^[ \t]*[,;]/.exec(text)?.[0];
  if (comma === undefined) return undefined;
  const unit = readUnit(text.slice(comma.length), test.family);
  return unit && unit.kind !== 'foreign' ? { ...unit, text: comma + unit.text } : undefined;
}

/** A unit written before the value, as lab exports do: "ALP (U/L) 412", "Bilirubin mg/dL 0.8". */
function readUnitBeforeValue(text: string, test: LabTest): { length: number; unit: string } | undefined {
  const open = /^[ \t]*[(\[]?/.exec(text)?.[0] ?? '';
  const unit = readUnit(text.slice(open.length), test.family);
  if (unit?.kind !== 'accepted' || unit.caseUnit === '') return undefined;
  const close = open.trim() ? `${GAP}[)\\]]` : '';
  const tail = new RegExp(`^${close}[ \\t:]*`).exec(text.slice(open.length + unit.text.length));
  if (!tail) return undefined;
  const length = open.length + unit.text.length + tail[0].length;
  return VALUE.test(text.slice(length)) ? { length, unit: unit.caseUnit } : undefined;
}

/**
 * Reads the value that follows a test name. Returns undefined when no number follows, so a name
 * mentioned in passing ("edit ALT", "GGT pending") reads as nothing rather than as a guess.
 */
export function readLabResult(region: string, test: LabTest): LabResult | undefined {
  let position = LEAD.exec(region)?.[0].length ?? 0;
  const rest = (): string => region.slice(position);
  const skipFlags = (): void => {
    position += FLAGS.exec(rest())?.[0].length ?? 0;
  };

  const unitFirst = readUnitBeforeValue(rest(), test);
  let unit = unitFirst?.unit;
  position += unitFirst?.length ?? 0;

  const censored = CENSORED.exec(rest());
  if (censored) {
    return {
      length: position + censored[0].length,
      problem: `${capitalised(test.label)} is reported as "${censored[0]}", outside the lab's measuring range: enter a number to use it.`,
    };
  }
  const valueMatch = VALUE.exec(rest());
  if (!valueMatch?.[1]) return undefined;
  const value = parseReportedNumber(valueMatch[1]);
  if (value === undefined) return undefined;
  position += valueMatch[0].length;

  const multiple = MULTIPLE_OF_ULN.exec(rest());
  if (multiple) {
    return {
      length: position + multiple[0].length,
      problem: `${test.label} is given as a multiple of the ULN: enter the value as reported and the lab's ULN, for example "${test.label} 300, ULN 120".`,
    };
  }

  const whole = notWhole(rest(), valueMatch[1], test);
  if (whole) return { length: position + whole.length, problem: whole.problem };

  const result: LabResult = { length: 0, value };
  const takeUnit = (): void => {
    const found = readUnit(rest(), test.family) ?? readUnitAfterComma(rest(), test);
    if (!found) return;
    position += found.text.length;
    if (found.kind === 'accepted') {
      if (found.caseUnit !== '') unit ??= found.caseUnit;
    } else {
      result.problem ??= unitProblem(
        found.text.trim(),
        test,
        found.kind === 'refused' ? found.reason : undefined,
      );
    }
  };

  skipFlags();
  if (unit === undefined) takeUnit();
  skipFlags();
  const uln = readUln(rest(), test, unit !== undefined);
  if (uln) {
    position += uln.length;
    result.uln = uln.uln;
    if (uln.problem) result.problem ??= uln.problem;
    if (uln.unit !== undefined && unit !== undefined && !sameUnit(uln.unit, unit)) {
      result.problem ??= `${test.label}: the value is in ${unit} but the ULN in ${uln.unit}; give both in the same unit.`;
    }
    unit ??= uln.unit;
    skipFlags();
    if (unit === undefined) takeUnit();
    skipFlags();
  }
  if (unit !== undefined) result.unit = unit;
  result.length = position;
  result.problem ??= unreadAfter(rest(), region.slice(0, position), test);
  return result;
}

/**
 * A value is read only whole: a number running on into characters the reader cannot take, or
 * digits grouped by a space, is refused with the part it could not read, never read as its start.
 */
function notWhole(
  after: string,
  number: string,
  test: LabTest,
): { length: number; problem: string } | undefined {
  const grouped = /^\d{1,3}$/.test(number.replace(/^[-−]/, '')) ? SPACE_GROUPED.exec(after) : null;
  if (grouped) {
    const written = `${number} ${grouped[1]}`;
    return {
      length: grouped[0].length,
      problem: `${capitalised(test.label)} ${quotedInput(written)}: I cannot tell whether this is one number (${number}${grouped[1]}) or two (${number}, then ${grouped[1]}, perhaps the ULN). Write the number without spaces, and "ULN" before a ULN, for example "${test.label} ${number}, ULN ${grouped[1]}".`,
    };
  }
  if (!RUNS_ON.test(after) || readUnit(after, test.family) || FLAGS.test(after)) return undefined;
  const runOn = /^\S+/.exec(after)?.[0] ?? '';
  return {
    length: runOn.length,
    problem: `${capitalised(test.label)} ${quotedInput(`${number}${runOn}`)}: I could not read ${quotedInput(runOn)} as part of the number. Write the value in plain digits (scientific notation such as 1.2e3 is read), for example ${test.label} 1200.`,
  };
}

/** What is left of the region must not hide a ULN: an unread ULN or an unlabelled number is refused, naming the part. */
function unreadAfter(leftover: string, read: string, test: LabTest): string | undefined {
  const ulnAt = leftover.search(ULN_WORDS);
  if (ulnAt >= 0) {
    const unread = leftover.slice(0, ulnAt).trim().replace(/[,;]$/, '').trim();
    const part = unread === '' ? leftover.trim() : unread;
    return `${capitalised(test.label)}: I could not read ${quotedInput(part)} in ${quotedInput((read + leftover).trim())}, so its ULN would be lost. Write it as, for example, "${test.label} 300 U/L, ULN 120".`;
  }
  if (LONE_NUMBER.test(leftover)) {
    return `${capitalised(test.label)}: I could not tell what ${quotedInput(leftover.trim().replace(/^[,;]\s*/, ''))} after ${quotedInput(read.trim())} is. If it is the ULN, write "ULN" before it, for example "${test.label} 300 U/L, ULN 120".`;
  }
  return undefined;
}
