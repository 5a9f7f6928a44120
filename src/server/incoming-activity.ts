import { z } from 'zod';

/** Half of a UTF-16 surrogate pair without its other half: not text, and encodeURIComponent throws on it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;

/**
 * An id the bot puts into its reply URLs (`/v3/conversations/{id}/activities/{replyToId}`) and its
 * storage keys: a lone surrogate would fail the turn with a URIError, a control character would
 * split a key or a log line. Refused at the edge with the reason instead.
 */
export const wellFormedId = z
  .string()
  .max(512)
  .refine((id) => !LONE_SURROGATE.test(id), { message: 'contains a lone UTF-16 surrogate (not valid text)' })
  .refine((id) => !CONTROL_CHARACTER.test(id), { message: 'contains a control character' });

const nonEmptyId = wellFormedId.pipe(z.string().trim().min(1));

/**
 * The minimum a Bot Framework activity needs before the adapter may see it. The adapter itself
 * would answer a malformed activity with a bare 400 or crash deep inside a turn; checking here
 * lets the client know which field is wrong. Everything else passes through untouched.
 */
export const IncomingActivitySchema = z.looseObject({
  type: z.string().trim().min(1).max(64),
  channelId: nonEmptyId,
  conversation: z.looseObject({ id: nonEmptyId }),
  from: z.looseObject({ id: nonEmptyId }),
  recipient: z.looseObject({ id: nonEmptyId }).optional(),
  id: wellFormedId.optional(),
  replyToId: wellFormedId.optional(),
  serviceUrl: z.string().max(2048).optional(),
  text: z.string().max(20_000).optional(),
  deliveryMode: z.string().max(64).optional(),
  // botbuilder copies it into every reply, and a non-string one makes each reply fail to serialise.
  locale: z.string().max(64).optional(),
});

export type IncomingActivity = z.infer<typeof IncomingActivitySchema>;

export type ActivityCheck = { ok: true; activity: IncomingActivity } | { ok: false; message: string };

export function checkIncomingActivity(body: unknown): ActivityCheck {
  const parsed = IncomingActivitySchema.safeParse(body);
  if (parsed.success) return { ok: true, activity: parsed.data };
  const message = parsed.error.issues
    .map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`)
    .join('; ');
  return { ok: false, message: `Not a valid activity: ${message}` };
}
