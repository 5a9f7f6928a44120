/**
 * CTCAE v5.0 "Alkaline phosphatase increased" (NCI, 27 Nov 2017). With a normal baseline the
 * grade counts multiples of the ULN; with an abnormal baseline it counts multiples of the
 * baseline, and grade 1 starts at 2.0x baseline inclusive (CTCAE writes "2.0 - 2.5 x baseline"; the
 * admiral tests grade baseline 40 -> 80 as grade 1). v6 changed grade 1, so the version is named.
 */
export interface CtcaeGrade {
  version: 'CTCAE v5.0';
  grade: 0 | 1 | 2 | 3 | 4;
  basis: 'uln' | 'baseline';
}

function gradeOf(multiple: number, isGrade1: (multiple: number) => boolean): CtcaeGrade['grade'] {
  if (multiple > 20) return 4;
  if (multiple > 5) return 3;
  if (multiple > 2.5) return 2;
  if (isGrade1(multiple)) return 1;
  return 0;
}

/** Normal baseline: grade 1 is > ULN. Abnormal baseline: grade 1 is 2.0x baseline or more. */
const aboveUln = (multiple: number): boolean => multiple > 1;
export const CTCAE_ABNORMAL_BASELINE_GRADE1_AT_LEAST = 2.0;
const atLeastTwiceBaseline = (multiple: number): boolean =>
  multiple >= CTCAE_ABNORMAL_BASELINE_GRADE1_AT_LEAST;

export function ctcaeAlpGrade(input: {
  alpXUln?: number;
  baselineXUln?: number;
  alpXBaseline?: number;
}): CtcaeGrade | undefined {
  const baselineAbnormal = input.baselineXUln !== undefined && input.baselineXUln > 1;
  if (baselineAbnormal && input.alpXBaseline !== undefined) {
    return {
      version: 'CTCAE v5.0',
      grade: gradeOf(input.alpXBaseline, atLeastTwiceBaseline),
      basis: 'baseline',
    };
  }
  if (input.alpXUln === undefined) return undefined;
  return { version: 'CTCAE v5.0', grade: gradeOf(input.alpXUln, aboveUln), basis: 'uln' };
}
