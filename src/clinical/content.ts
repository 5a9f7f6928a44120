/** Version of the clinical content (rules, thresholds, texts); bump it whenever a rule changes. */
export const CONTENT_VERSION = '1.2.0';

/** Seed F1: said once per workup, on every assessment. */
export const DISCLAIMER =
  'Educational decision support for healthcare professionals, not a diagnosis: clinical judgement and the primary sources decide.';
