import { auditRowsToCsv, type AuditRow } from '../../src/storage';

const row: AuditRow = {
  id: 7,
  at: new Date('2026-03-01T08:30:00Z'),
  channelId: 'webchat',
  conversationHash: 'c'.repeat(64),
  userHash: 'u'.repeat(64),
  step: 'alp',
  event: 'assessment-shown',
  ruleIds: ['R-01', 'B-1'],
  contentVersion: '2026.11.1',
  redFlags: [],
  pattern: 'mixed',
  origin: 'undetermined',
  urgent: false,
};

describe('auditRowsToCsv', () => {
  it('writes a header and one line per row, lists joined with ";" and empty cells for no outcome', () => {
    const csv = auditRowsToCsv([row, { ...row, id: 8, pattern: null, origin: null, urgent: null }]);

    expect(csv.split('\r\n')).toEqual([
      'id,at,channel_id,conversation_hash,user_hash,step,event,rule_ids,content_version,red_flags,pattern,origin,urgent',
      `7,2026-03-01T08:30:00.000Z,webchat,${'c'.repeat(64)},${'u'.repeat(64)},alp,assessment-shown,R-01;B-1,2026.11.1,,mixed,undetermined,false`,
      `8,2026-03-01T08:30:00.000Z,webchat,${'c'.repeat(64)},${'u'.repeat(64)},alp,assessment-shown,R-01;B-1,2026.11.1,,,,`,
      '',
    ]);
  });

  it('quotes commas and quotes, and defuses cells a spreadsheet would run as formulas', () => {
    const csv = auditRowsToCsv([{ ...row, step: 'a,"b"', event: '=HYPERLINK("x")', contentVersion: '+1' }]);

    expect(csv).toContain(`,"a,""b""","'=HYPERLINK(""x"")",R-01;B-1,'+1,`);
  });
});
