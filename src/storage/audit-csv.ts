import type { AuditRow } from './audit-entry';

const COLUMNS = [
  'id',
  'at',
  'channel_id',
  'conversation_hash',
  'user_hash',
  'step',
  'event',
  'rule_ids',
  'content_version',
  'red_flags',
  'pattern',
  'origin',
  'urgent',
] as const;

/** RFC 4180 quoting, plus a leading quote mark on anything a spreadsheet would run as a formula. */
function csvField(value: string): string {
  const inert = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(inert) ? `"${inert.replaceAll('"', '""')}"` : inert;
}

function fields(row: AuditRow): string[] {
  return [
    String(row.id),
    row.at.toISOString(),
    row.channelId,
    row.conversationHash,
    row.userHash,
    row.step,
    row.event,
    row.ruleIds.join(';'),
    row.contentVersion,
    row.redFlags.join(';'),
    row.pattern ?? '',
    row.origin ?? '',
    row.urgent === null ? '' : String(row.urgent),
  ];
}

/** The audit rows as CSV with a header line; lists (rule ids, red flags) are joined with ";". */
export function auditRowsToCsv(rows: readonly AuditRow[]): string {
  return [COLUMNS.join(','), ...rows.map((row) => fields(row).map(csvField).join(','))].join('\r\n') + '\r\n';
}
