import { CONTENT_VERSION, RULES } from '../../src/clinical';
import { STEP_IDS } from '../../machines';
import { AuditEntrySchema, type AuditEntry } from '../../src/storage';

const base: AuditEntry = {
  at: new Date('2026-03-01T00:00:00Z'),
  channelId: 'msteams',
  conversationId: '19:meeting_abc@thread.v2',
  userId: '29:1xyz',
  step: 'alp',
  event: 'answer-text',
  ruleIds: [],
  contentVersion: CONTENT_VERSION,
  redFlags: [],
};

// The bot audits what the engine and the machine produce: every real id must be accepted, or a
// turn's audit record would be refused.
describe('AuditEntrySchema against the real rule table and steps', () => {
  it('accepts every rule id, as shown and as a red flag, with the current content version', () => {
    const ids = RULES.map((rule) => rule.id);

    expect(AuditEntrySchema.safeParse({ ...base, ruleIds: ids, redFlags: ids.slice(0, 50) }).success).toBe(
      true,
    );
  });

  it.each(STEP_IDS)('accepts the step %s', (step) => {
    expect(AuditEntrySchema.safeParse({ ...base, step }).success).toBe(true);
  });

  it('refuses a lab value written as text, naming the field', () => {
    const result = AuditEntrySchema.safeParse({ ...base, event: 'ALP 450 U/L' });

    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['event']);
  });
});
