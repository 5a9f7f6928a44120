import { FOREIGN_TESTS, LAB_TESTS, type ForeignTest, type LabTest } from './lab-aliases';

/** One test name found in the text, with the span of its name. */
export interface NameMatch {
  start: number;
  end: number;
  test?: LabTest;
  foreign?: ForeignTest;
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** Lab systems vary spaces, dots and hyphens inside names ("T-bili", "Tbili", "T. bili") and apostrophes ("5’-NT"). */
const namePattern = (name: string): string =>
  escapeRegExp(name).replace(/['’]/g, "['’′‘`]?").replace(/ /g, '[ \\t._-]*');

interface NameEntry {
  name: string;
  test?: LabTest;
  foreign?: ForeignTest;
}

function compile(entries: NameEntry[], flags: string): { regex: RegExp; byName: Map<string, NameEntry> } {
  const sorted = [...entries].sort((a, b) => b.name.length - a.name.length);
  const alternation = sorted.map((entry, index) => `(?<n${index}>${namePattern(entry.name)})`).join('|');
  const regex = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternation})(?![\\p{L}])`, flags);
  return { regex, byName: new Map(sorted.map((entry, index) => [`n${index}`, entry])) };
}

const INSENSITIVE = compile(
  [
    ...LAB_TESTS.flatMap((test) => test.names.map((name) => ({ name, test }))),
    ...FOREIGN_TESTS.flatMap((foreign) => foreign.names.map((name) => ({ name, foreign }))),
  ],
  'giu',
);
const EXACT_CASE = compile(
  LAB_TESTS.flatMap((test) => (test.exactCase ?? []).map((name) => ({ name, test }))),
  'gu',
);

function scan(text: string, compiled: { regex: RegExp; byName: Map<string, NameEntry> }): NameMatch[] {
  const found: NameMatch[] = [];
  for (const match of text.matchAll(compiled.regex)) {
    const group = Object.entries(match.groups ?? {}).find(([, value]) => value !== undefined)?.[0];
    const entry = group === undefined ? undefined : compiled.byName.get(group);
    if (!entry) continue;
    found.push({
      start: match.index,
      end: match.index + match[0].length,
      test: entry.test,
      foreign: entry.foreign,
    });
  }
  return found;
}

/** Every test name in the text, in order, overlaps resolved in favour of the earlier then longer name. */
export function scanTestNames(text: string): NameMatch[] {
  const all = [...scan(text, INSENSITIVE), ...scan(text, EXACT_CASE)].sort(
    (a, b) => a.start - b.start || b.end - a.end,
  );
  const kept: NameMatch[] = [];
  for (const match of all) {
    const previous = kept[kept.length - 1];
    if (previous && match.start < previous.end) continue;
    kept.push(match);
  }
  return kept;
}
