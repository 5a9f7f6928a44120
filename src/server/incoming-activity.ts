import { z } from 'zod';

const nonEmptyId = z.string().trim().min(1).max(512);

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
