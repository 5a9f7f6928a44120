import { FIELD_REGISTRY, checkPartialCase, setValueAt, type PartialCase } from '../../src/clinical';
import type { LabTest } from './lab-aliases';
import { scanTestNames, type NameMatch } from './lab-name-scanner';
import { withoutInvisibleCharacters } from './invisible-characters';
import { readLabResult } from './lab-result-reader';
import type { Problem, Reading } from './reading';

export interface LabReport {
  values: PartialCase;
  readings: Reading[];
  problems: Problem[];
}

// Same-field names written together are one test: "AST/SGOT 35", "ALT (SGPT) 30".
const SYNONYM_JOIN = /^[\s/()[\]]*$/;
const CLOSING_BRACKET = /^[ \t]*[)\]]/;
// Two different tests joined by a slash share one value list ("ALT/AST 35/22"): ambiguous.
const TEST_PAIR_JOIN = /^\s*\/\s*$/;
// A value marked as historical is not the current one; only ALP has a baseline field.
const HISTORICAL = /(?:baseline|previous|prior|pre-?treatment|last|old)[\s:]*$/i;

function mergeSynonyms(text: string, matches: NameMatch[]): NameMatch[] {
  const merged: NameMatch[] = [];
  for (const match of matches) {
    const previous = merged[merged.length - 1];
    if (
      previous?.test &&
      previous.test === match.test &&
      SYNONYM_JOIN.test(text.slice(previous.end, match.start))
    ) {
      previous.end = match.end + (CLOSING_BRACKET.exec(text.slice(match.end))?.[0].length ?? 0);
      continue;
    }
    merged.push({ ...match });
  }
  return merged;
}

function caseValue(test: LabTest, reading: Reading): unknown {
  if (FIELD_REGISTRY[test.field].kind === 'number') return reading.value;
  return {
    value: reading.value,
    ...(reading.unit !== undefined ? { unit: reading.unit } : {}),
    ...(test.keepsUln && reading.uln !== undefined ? { uln: reading.uln } : {}),
  };
}

const sameReading = (a: Reading, b: Reading): boolean =>
  a.value === b.value && a.unit === b.unit && a.uln === b.uln;

/** The part of the case a problem is about, as the readings name it ("alp.value" -> "alp"). */
function readingFieldOf(problemField: string, readings: Reading[]): string {
  const reading = readings.find((r) => problemField === r.field || problemField.startsWith(`${r.field}.`));
  return reading?.field ?? problemField;
}

/**
 * Reads every test a pasted lab report or a typed line names, in any order. Units are kept as
 * written (the engine converts); a missing unit stays missing. Syntax and units are checked
 * here, ranges and plausibility by the engine's `checkPartialCase`. Never throws.
 */
export function parseLabReport(input: string): LabReport {
  // Pasted reports carry invisible characters and unusual spaces: what is echoed back is the text
  // as read, so a number split by a zero-width space shows whole.
  const original = withoutInvisibleCharacters(input);
  const text = original;
  const readings: Reading[] = [];
  const problems: Problem[] = [];
  const tests = new Map<string, LabTest>();
  const matches = mergeSynonyms(text, scanTestNames(text));

  matches.forEach((match, index) => {
    const next = matches[index + 1];
    const regionEnd = next?.start ?? text.length;
    const lineEnd = text.indexOf('\n', match.end);
    const region = text.slice(match.end, lineEnd === -1 ? regionEnd : Math.min(regionEnd, lineEnd));
    if (match.foreign) {
      if (match.foreign.field && match.foreign.message) {
        problems.push({ field: match.foreign.field, message: match.foreign.message });
      }
      return;
    }
    const test = match.test;
    if (!test) return;
    const previous = matches[index - 1];
    if (next?.test && next.test !== test && TEST_PAIR_JOIN.test(text.slice(match.end, next.start))) {
      problems.push({
        field: test.field,
        message: `"${text.slice(match.start, next.end)}": write each test with its own value, for example "${test.label} 35, ${next.test.label} 22".`,
      });
      return;
    }
    if (
      previous?.test &&
      previous.test !== test &&
      TEST_PAIR_JOIN.test(text.slice(previous.end, match.start))
    )
      return;

    const result = readLabResult(region, test);
    if (!result) return;
    const source = original.slice(match.start, match.end + result.length).trim();
    if (
      test.field !== 'alpBaseline' &&
      HISTORICAL.test(text.slice(Math.max(0, match.start - 30), match.start))
    ) {
      problems.push({
        field: test.field,
        message:
          test.field === 'alp'
            ? `"${source}": for the ALP before treatment write "baseline ALP 100"; otherwise enter the current ALP.`
            : `"${source}": only the current ${test.label} is used; enter today's value.`,
      });
      return;
    }
    if (result.problem !== undefined) {
      problems.push({ field: test.field, message: result.problem });
      return;
    }
    if (result.value === undefined) return;
    const reading: Reading = {
      field: test.field,
      value: result.value,
      ...(result.unit !== undefined ? { unit: result.unit } : {}),
      ...(result.uln !== undefined ? { uln: result.uln } : {}),
      source,
    };
    const earlier = readings.find((r) => r.field === test.field);
    if (earlier) {
      if (!sameReading(earlier, reading)) {
        problems.push({
          field: test.field,
          message: `${test.label} appears twice ("${earlier.source}" and "${source}"): enter one value.`,
        });
      }
      return;
    }
    readings.push(reading);
    tests.set(test.field, test);
  });

  const refused = new Set(problems.map((problem) => problem.field.split('.')[0]));
  const values: Record<string, unknown> = {};
  for (const reading of readings) {
    const test = tests.get(reading.field);
    if (test && !refused.has(reading.field.split('.')[0]))
      setValueAt(values, reading.field, caseValue(test, reading));
  }

  const checked = checkPartialCase(values);
  // The checked values, not a copy: the engine checks each of them once a turn, however many
  // cases they become part of (the typed answer, then the workup's case).
  if (checked.ok) return { values: checked.value, readings, problems };
  for (const problem of checked.problems) {
    const field = readingFieldOf(problem.field, readings);
    problems.push({ field, message: problem.message });
    delete values[field.split('.')[0] ?? field];
  }
  return { values: values as PartialCase, readings, problems };
}
