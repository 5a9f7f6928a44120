import { calciumReading, type CalciumReading } from './calcium';
import { ctcaeAlpGrade, type CtcaeGrade } from './ctcae';
import type { NormalizedCase } from './normalize';
import { rRatio } from './r-ratio';

/** Every number the rules read, computed once from the normalized case (unrounded). */
export interface DerivedValues {
  alpXUln?: number;
  altXUln?: number;
  astXUln?: number;
  bilirubinXUln?: number;
  ggtXUln?: number;
  nucleotidase5XUln?: number;
  bilirubinDirectXUln?: number;
  boneSpecificAlpXUln?: number;
  crpMgL?: number;
  /** R ratio; only when both ALT and ALP multiples are known. */
  rRatio?: number;
  /** Baseline ALP over its ULN (the baseline's own ULN, else the current report's). */
  alpBaselineXUln?: number;
  baselineUlnFromCurrentReport: boolean;
  alpXBaseline?: number;
  alpChangePercent?: number;
  alpRiseUL?: number;
  calcium?: CalciumReading;
  ctcaeGrade?: CtcaeGrade;
}

export function computeDerived(n: NormalizedCase): DerivedValues {
  const { labs } = n;
  const alpXUln = labs.alp.xUln;
  const altXUln = labs.alt?.xUln;
  const baseline = labs.alpBaseline;
  const baselineUln = baseline?.uln ?? labs.alp.uln;
  const alpBaselineXUln =
    baseline !== undefined && baselineUln !== undefined ? baseline.value / baselineUln : undefined;
  const alpXBaseline = baseline !== undefined ? labs.alp.value / baseline.value : undefined;
  const derived: DerivedValues = {
    alpXUln,
    altXUln,
    astXUln: labs.ast?.xUln,
    bilirubinXUln: labs.bilirubinTotal?.xUln,
    ggtXUln: labs.ggt?.xUln,
    nucleotidase5XUln: labs.nucleotidase5?.xUln,
    bilirubinDirectXUln: labs.bilirubinDirect?.xUln,
    boneSpecificAlpXUln: labs.boneSpecificAlp?.xUln,
    crpMgL: labs.crp?.value,
    rRatio: altXUln !== undefined && alpXUln !== undefined ? rRatio(altXUln, alpXUln) : undefined,
    alpBaselineXUln,
    baselineUlnFromCurrentReport:
      baseline !== undefined && baseline.uln === undefined && labs.alp.uln !== undefined,
    alpXBaseline,
    alpChangePercent: alpXBaseline === undefined ? undefined : (alpXBaseline - 1) * 100,
    alpRiseUL: baseline === undefined ? undefined : labs.alp.value - baseline.value,
    calcium: labs.calcium === undefined ? undefined : calciumReading(labs.calcium, labs.albumin),
  };
  derived.ctcaeGrade = ctcaeAlpGrade({ alpXUln, baselineXUln: alpBaselineXUln, alpXBaseline });
  return derived;
}
