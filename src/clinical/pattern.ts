import type { Pattern } from './assessment-schema';
import type { DerivedValues } from './derived';
import { patternFromR } from './r-ratio';

/**
 * The pattern of the liver tests. "isolated" needs ALT, AST and total bilirubin all known and
 * within their ULNs (team convention: no guideline gives a numeric definition); an unknown
 * value never counts as normal, so missing ones leave the pattern "undetermined". With ALP
 * within its ULN, R is not used: a raised ALT or AST over a normal ALP is hepatocellular by
 * ACG's qualitative definition, whatever R says.
 */
export function classifyPattern(d: DerivedValues): Pattern {
  if (d.alpXUln === undefined) return 'undetermined';
  const others = [d.altXUln, d.astXUln, d.bilirubinXUln];
  if (d.alpXUln <= 1) {
    const aminotransferaseRaised = (d.altXUln ?? 0) > 1 || (d.astXUln ?? 0) > 1;
    return aminotransferaseRaised ? 'hepatocellular' : 'normal';
  }
  if (others.some((x) => x !== undefined && x > 1)) {
    return d.rRatio === undefined ? 'undetermined' : patternFromR(d.rRatio);
  }
  return others.every((x) => x !== undefined) ? 'isolated' : 'undetermined';
}
