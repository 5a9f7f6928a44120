import { createHash } from 'node:crypto';
import { z } from 'zod';

/**
 * Which activities' changes a workup record already holds. Channels redeliver an activity when
 * its first delivery failed or went unanswered (Teams: a 5xx, a timeout); the redelivery carries
 * the same activity id and must not apply the change twice. The newest applied turn is kept with
 * the state it ran on and its time, so running it again gives the very answer it gave first.
 *
 * A turn is known by its activity id together with what it carried: ids are only unique within
 * one conversation and one channel's numbering, and a reused id with other content is a new message.
 */
const AppliedTurnsSchema = z.object({
  /** Keys (see `turnKey`) of the latest activities whose change this record holds, oldest first. */
  keys: z.array(z.string()),
  // `before` is absent when the turn started a workup: JSON drops an undefined state.
  last: z.object({ key: z.string(), before: z.unknown().optional(), now: z.string() }),
});

export type AppliedTurns = z.infer<typeof AppliedTurnsSchema>;

/** A few cover the redeliveries that can still be on their way. */
const KEPT_KEYS = 8;

export type Redelivery = { kind: 'latest'; before: unknown; now: string } | { kind: 'earlier' };

/** An activity's id and content as one short key; undefined for an activity without an id. */
export function turnKey(activity: { id?: unknown; text?: unknown; value?: unknown }): string | undefined {
  if (typeof activity.id !== 'string' || activity.id === '') return undefined;
  return createHash('sha256')
    .update(JSON.stringify([activity.id, activity.text ?? null, activity.value ?? null]))
    .digest('base64url')
    .slice(0, 22);
}

/** Whether this activity's change is already in the record; a record of an older shape holds none. */
export function redeliveryOf(stored: unknown, key: string | undefined): Redelivery | undefined {
  const turns = AppliedTurnsSchema.safeParse(stored).data;
  if (turns === undefined || key === undefined || !turns.keys.includes(key)) return undefined;
  return turns.last.key === key
    ? { kind: 'latest', before: turns.last.before, now: turns.last.now }
    : { kind: 'earlier' };
}

export function withAppliedTurn(stored: unknown, key: string, before: unknown, now: string): AppliedTurns {
  return {
    keys: [...(AppliedTurnsSchema.safeParse(stored).data?.keys ?? []), key].slice(-KEPT_KEYS),
    last: { key, before, now },
  };
}
