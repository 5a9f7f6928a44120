import { assess, validateCase, type Assessment, type PartialCase } from '../src/clinical';
import type { WorkupContext } from './workup-context';

/** The engine's assessment of a case so far: undefined until ALP is known and the case is complete enough. */
export function assessWorkup(caseValues: PartialCase): Assessment | undefined {
  const validated = validateCase(caseValues);
  return validated.ok ? assess(validated.value) : undefined;
}

/** A new case, and its assessment with it: the one place the context's assessment is computed. */
export function withCase(caseValues: PartialCase): Pick<WorkupContext, 'case' | 'assessment'> {
  return { case: caseValues, assessment: assessWorkup(caseValues) };
}
