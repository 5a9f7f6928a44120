import { assess, validateCase, type Assessment, type Case } from '../../../src/clinical';

/** Validates like every caller must, then assesses; a refused fixture is a broken test, so it throws. */
export function assessValid(input: unknown): Assessment {
  const result = validateCase(input);
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.field}: ${p.message}`).join('\n'));
  return assess(result.value);
}

export const lab = (value: number, uln: number) => ({ value, unit: 'U/L' as const, uln });
export const bili = (value: number, uln = 1.2) => ({ value, unit: 'mg/dL' as const, uln });

/** Liver tests all within their ULNs: with an ALP above its ULN this is "isolated". */
export const normalLiverPanel = {
  alt: { value: 20, unit: 'U/L' as const, uln: 40 },
  ast: { value: 20, unit: 'U/L' as const, uln: 40 },
  bilirubinTotal: { value: 0.6, unit: 'mg/dL' as const, uln: 1.2 },
};

/** An isolated ALP of 1.5x ULN with GGT normal: bone origin. */
export const boneCase: Case = {
  alp: { value: 180, unit: 'U/L', uln: 120 },
  ...normalLiverPanel,
  ggt: { value: 30, unit: 'U/L', uln: 60 },
};

/** An isolated ALP of 1.5x ULN with GGT raised: hepatic origin. */
export const liverCase: Case = {
  alp: { value: 180, unit: 'U/L', uln: 120 },
  ...normalLiverPanel,
  ggt: { value: 180, unit: 'U/L', uln: 60 },
};

export const firedIds = (a: Assessment): string[] => [...a.redFlags, ...a.findings].map((f) => f.id);
