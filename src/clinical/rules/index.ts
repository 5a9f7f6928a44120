import type { Rule } from '../rule';
import { BASELINE_RULES } from './baseline';
import { BONE_RULES } from './bone';
import { HEPATIC_RULES } from './hepatic';
import { FRAMING_RULES, MONITORING_RULES } from './monitoring';
import { ORIGIN_RULES } from './origin';
import { PATTERN_RULES } from './pattern';
import { RED_FLAG_COMPANION_RULES, RED_FLAG_RULES } from './red-flags';
import { SEVERITY_RULES } from './severity';
import { UNIT_RULES } from './units';

export { RED_FLAG_RULES };

/** Every rule other than the red flags, in the order their findings are listed. */
export const WORKUP_RULES: readonly Rule[] = [
  ...RED_FLAG_COMPANION_RULES,
  ...UNIT_RULES,
  ...PATTERN_RULES,
  ...SEVERITY_RULES,
  ...ORIGIN_RULES,
  ...HEPATIC_RULES,
  ...BONE_RULES,
  ...BASELINE_RULES,
  ...MONITORING_RULES,
  ...FRAMING_RULES,
];

/** The whole rule table: red flags first, because they are evaluated first and always. */
export const RULES: readonly Rule[] = [...RED_FLAG_RULES, ...WORKUP_RULES];
