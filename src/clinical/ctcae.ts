/**
 * CTCAE v5.0 "Alkaline phosphatase increased" (NCI, 27 Nov 2017). With a normal baseline the
 * grade counts multiples of the ULN; with an abnormal baseline it counts multiples of the
 * baseline, and grade 1 starts above 2.0x baseline. v6 changed grade 1, so the version is named.
 */
export interface CtcaeGrade {
  version: 'CTCAE v5.0';
  grade: 0 | 1 | 2 | 3 | 4;
  basis: 'uln' | 'baseline';
}

function gradeAbove(multiple: number, grade1Above: number): CtcaeGrade['grade'] {
  if (multiple > 20) return 4;
  if (multiple > 5) return 3;
  if (multiple > 2.5) return 2;
  if (multiple > grade1Above) return 1;
  return 0;
}

export function ctcaeAlpGrade(input: {
  alpXUln?: number;
  baselineXUln?: number;
  alpXBaseline?: number;
}): CtcaeGrade | undefined {
  const baselineAbnormal = input.baselineXUln !== undefined && input.baselineXUln > 1;
  if (baselineAbnormal && input.alpXBaseline !== undefined) {
    return { version: 'CTCAE v5.0', grade: gradeAbove(input.alpXBaseline, 2.0), basis: 'baseline' };
  }
  if (input.alpXUln === undefined) return undefined;
  return { version: 'CTCAE v5.0', grade: gradeAbove(input.alpXUln, 1), basis: 'uln' };
}
