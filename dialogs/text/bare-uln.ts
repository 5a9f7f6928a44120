import type { PartialCase } from '../../src/clinical';
import { LAB_TESTS, type LabTest } from './lab-aliases';

/**
 * "ULN 2.2" on its own: the upper limit of normal of a value given earlier without one (the card
 * asked "ALP ... with your lab's ULN" after "ALP 5 µkat/L"). It completes that value when exactly
 * one value on the question is still waiting for its ULN.
 */

const BARE_ULN =
  /^\s*(?:the\s+)?(?:uln|upper\s+limit(?:\s+of\s+normal)?|ref(?:erence)?\.?(?:\s+(?:range|interval))?|normal\s+range)\b/i;

interface KnownLab {
  value: number;
  unit?: string;
  uln?: number;
}

const knownLab = (known: PartialCase, field: string): KnownLab | undefined => {
  const lab = (known as Record<string, unknown>)[field];
  if (typeof lab !== 'object' || lab === null) return undefined;
  const { value, unit, uln } = lab as Record<string, unknown>;
  if (typeof value !== 'number') return undefined;
  return {
    value,
    ...(typeof unit === 'string' ? { unit } : {}),
    ...(typeof uln === 'number' ? { uln } : {}),
  };
};

/** The labs the question asks whose value is known and whose ULN is not. */
const awaitingUln = (expecting: readonly string[], known: PartialCase): LabTest[] =>
  LAB_TESTS.filter(
    (test) =>
      test.keepsUln &&
      expecting.some((path) => path === test.field || path.startsWith(`${test.field}.`)) &&
      knownLab(known, test.field)?.uln === undefined &&
      knownLab(known, test.field) !== undefined,
  );

export type BareUln =
  | { kind: 'none' }
  /** The report to read instead: the earlier value written out again with this ULN. */
  | { kind: 'completes'; report: string }
  | { kind: 'which'; labels: string[] };

export function readBareUln(text: string, expecting: readonly string[], known: PartialCase): BareUln {
  if (!BARE_ULN.test(text)) return { kind: 'none' };
  const waiting = awaitingUln(expecting, known);
  const [only] = waiting;
  if (waiting.length > 1) return { kind: 'which', labels: waiting.map((test) => test.label) };
  const lab = only === undefined ? undefined : knownLab(known, only.field);
  if (only === undefined || lab === undefined) return { kind: 'none' };
  return { kind: 'completes', report: `${only.label} ${lab.value} ${lab.unit ?? ''} ${text.trim()}` };
}
