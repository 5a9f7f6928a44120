/**
 * A clinician's side of a conversation over real HTTP: one activity per turn to /api/messages
 * with `deliveryMode: "expectReplies"`, so the turn's replies come back in the response body.
 */

import { cardStrings } from '../../support/card-strings';

interface ReplyActivity {
  type?: string;
  text?: string;
  summary?: string;
  attachments?: { content?: unknown }[];
}

export interface Turn {
  status: number;
  /** Every human-readable string the bot sent: texts, summaries and card strings, joined. */
  shown: string;
  /** The `data` of every Action.Submit button in the replies, in order. */
  buttons: Record<string, unknown>[];
}

const submitData = (node: unknown): Record<string, unknown>[] => {
  if (Array.isArray(node)) return node.flatMap(submitData);
  if (typeof node !== 'object' || node === null) return [];
  const record = node as Record<string, unknown>;
  const own =
    record.type === 'Action.Submit' && typeof record.data === 'object' && record.data !== null
      ? [record.data as Record<string, unknown>]
      : [];
  return [...own, ...Object.values(record).flatMap(submitData)];
};

export async function postActivity(url: string, activity: Record<string, unknown>): Promise<Turn> {
  const response = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(activity),
  });
  const body = (await response.json().catch(() => ({}))) as { activities?: ReplyActivity[] };
  const replies = (body.activities ?? []).filter((reply) => reply.type !== 'typing');
  const cards = replies.flatMap((reply) => (reply.attachments ?? []).map((attachment) => attachment.content));
  return {
    status: response.status,
    shown: [...replies.flatMap((reply) => [reply.text ?? '', reply.summary ?? '']), ...cardStrings(cards)]
      .filter((part) => part.length > 0)
      .join('\n'),
    buttons: submitData(cards),
  };
}

export class WorkupClient {
  constructor(
    readonly conversationId: string,
    readonly userId: string,
    readonly channelId = 'msteams',
  ) {}

  /** The activity a channel would send for this clinician, before the turn's own fields. */
  activity(fields: Record<string, unknown>): Record<string, unknown> {
    return {
      type: 'message',
      channelId: this.channelId,
      serviceUrl: 'http://127.0.0.1:9',
      conversation: { id: this.conversationId },
      from: { id: this.userId },
      recipient: { id: 'alp-workup-bot' },
      deliveryMode: 'expectReplies',
      ...fields,
    };
  }

  /** Types a message; fails the test on anything but 200, since every turn here is a valid one. */
  async say(url: string, text: string): Promise<Turn> {
    return this.expectOk(await postActivity(url, this.activity({ text })));
  }

  /** Presses a card button: the button's own data plus the inputs, as Teams and Web Chat send it. */
  async submit(url: string, value: Record<string, unknown>): Promise<Turn> {
    return this.expectOk(await postActivity(url, this.activity({ text: '', value })));
  }

  private expectOk(turn: Turn): Turn {
    if (turn.status !== 200) throw new Error(`The turn answered ${turn.status}: ${turn.shown}`);
    return turn;
  }
}
