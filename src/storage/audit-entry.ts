import { z } from 'zod';
import { ORIGINS, PATTERNS, type Origin, type Pattern } from '../clinical';

// Every text field is a short token without spaces: the audit trail can hold identifiers, never
// free text, names or lab values written as sentences.
const TOKEN = /^[A-Za-z0-9][A-Za-z0-9._:/+-]*$/;
const token = (what: string, max: number) =>
  z
    .string()
    .max(max, `${what} must be at most ${max} characters`)
    .regex(TOKEN, `${what} must be a token of letters, digits and . _ : / + - (no spaces)`);

const RuleIdSchema = token('a rule id', 32);

/** What the bot reports after a turn, with RAW channel ids: the audit log hashes them itself. */
export const AuditEntrySchema = z.strictObject({
  at: z.date(),
  channelId: token('channelId', 64),
  conversationId: z.string().min(1, 'conversationId must not be empty').max(1024),
  userId: z.string().min(1, 'userId must not be empty').max(1024),
  /** The workup step the turn ended on (a machine state id). */
  step: token('step', 64),
  /** What happened, e.g. an answer, a card submit, a red flag, an assessment shown, forget-me. */
  event: token('event', 64),
  /** Ids of the rules whose text was shown in this turn. */
  ruleIds: z.array(RuleIdSchema).max(200),
  contentVersion: token('contentVersion', 64),
  /** Ids of the red-flag rules raised in this turn. */
  redFlags: z.array(RuleIdSchema).max(50),
  /** Present when the turn showed an assessment. */
  outcome: z
    .strictObject({ pattern: z.enum(PATTERNS), origin: z.enum(ORIGINS), urgent: z.boolean() })
    .optional(),
});

export type AuditEntry = z.infer<typeof AuditEntrySchema>;

/** An entry as the audit tables store it: ids hashed, the outcome flattened for export. */
export interface AuditRecord {
  at: Date;
  channelId: string;
  conversationHash: string;
  userHash: string;
  step: string;
  event: string;
  ruleIds: string[];
  contentVersion: string;
  redFlags: string[];
  pattern: Pattern | null;
  origin: Origin | null;
  urgent: boolean | null;
}

/** A stored entry with its sequence number (insertion order). */
export interface AuditRow extends AuditRecord {
  id: number;
}

/** A time window: `from` inclusive, `to` exclusive; either may be left open. */
export interface AuditPeriod {
  from?: Date;
  to?: Date;
}
