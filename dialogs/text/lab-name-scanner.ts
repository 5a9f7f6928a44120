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

/** What a name's flexible parts (separators, apostrophes) may vary, removed. */
const SEPARATORS = /[ \t._\-'’′‘`]/g;

interface CompiledNames {
  regex: RegExp;
  /** The name a match spells, keyed without separators (and lower-cased when matching ignores case). */
  byKey: Map<string, NameEntry>;
  keyOf: (text: string) => string;
  /** Each name alone, anchored, longest first: the order the alternation tries them in. */
  anchored: { entry: NameEntry; regex: RegExp }[];
}

/**
 * One alternation of plain groups: named groups, one per alias, made V8 build an object of some
 * two hundred properties for every match and cost about twenty times the matching itself.
 */
function compile(entries: NameEntry[], flags: string): CompiledNames {
  const sorted = [...entries].sort((a, b) => b.name.length - a.name.length);
  const alternation = sorted.map((entry) => namePattern(entry.name)).join('|');
  const regex = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternation})(?![\\p{L}])`, flags);
  const ignoresCase = flags.includes('i');
  const keyOf = (text: string) => {
    const bare = text.replace(SEPARATORS, '');
    return ignoresCase ? bare.toLowerCase() : bare;
  };
  const byKey = new Map<string, NameEntry>();
  for (const entry of sorted) if (!byKey.has(keyOf(entry.name))) byKey.set(keyOf(entry.name), entry);
  const anchored = sorted.map((entry) => ({
    entry,
    regex: new RegExp(`^(?:${namePattern(entry.name)})$`, flags.replace('g', '')),
  }));
  return { regex, byKey, keyOf, anchored };
}

/**
 * The alias a match spelled. The key settles it for all but text whose case folds differently in
 * a regex than in `toLowerCase` (rare Unicode letters); those take the first alias, in the
 * alternation's own order, that spells the whole match.
 */
function entryFor(matched: string, compiled: CompiledNames): NameEntry | undefined {
  return (
    compiled.byKey.get(compiled.keyOf(matched)) ??
    compiled.anchored.find(({ regex }) => regex.test(matched))?.entry
  );
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

function scan(text: string, compiled: CompiledNames): NameMatch[] {
  const found: NameMatch[] = [];
  for (const match of text.matchAll(compiled.regex)) {
    const entry = entryFor(match[0], compiled);
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
