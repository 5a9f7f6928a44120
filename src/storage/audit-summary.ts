import { ORIGINS, PATTERNS, type Origin, type Pattern } from '../clinical';
import type { AuditRow } from './audit-entry';

/**
 * Counts over a period for clinical governance. Outcomes count assessments shown (a workup that is
 * re-assessed after a new value counts each time it is shown), every pattern and origin listed
 * even when zero so exports from different periods line up.
 */
export interface AuditSummary {
  entries: number;
  conversations: number;
  users: number;
  outcomes: {
    assessments: number;
    pattern: Record<Pattern, number>;
    origin: Record<Origin, number>;
    urgent: number;
    notUrgent: number;
  };
  /** Red-flag rule id -> how many times it was raised. */
  redFlags: Record<string, number>;
}

function zeroCounts<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
}

export function summarizeAuditRows(rows: readonly AuditRow[]): AuditSummary {
  const pattern = zeroCounts(PATTERNS);
  const origin = zeroCounts(ORIGINS);
  const redFlags: Record<string, number> = {};
  let assessments = 0;
  let urgent = 0;
  for (const row of rows) {
    for (const flag of row.redFlags) {
      redFlags[flag] = (redFlags[flag] ?? 0) + 1;
    }
    if (row.pattern !== null && row.origin !== null && row.urgent !== null) {
      assessments += 1;
      pattern[row.pattern] += 1;
      origin[row.origin] += 1;
      urgent += row.urgent ? 1 : 0;
    }
  }
  return {
    entries: rows.length,
    conversations: new Set(rows.map((row) => row.conversationHash)).size,
    users: new Set(rows.map((row) => row.userHash)).size,
    outcomes: { assessments, pattern, origin, urgent, notUrgent: assessments - urgent },
    redFlags,
  };
}
