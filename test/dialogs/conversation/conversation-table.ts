import type { Activity, ChannelAccount } from 'botbuilder';
import {
  CLINICIAN,
  type ConversationDriver,
  type Submit,
  type TestClock,
  shownText,
} from '../../bot/conversation-harness';

/**
 * A conversation as data: each row is what the clinician says or clicks and fragments the bot's
 * replies must (and must not) contain. A failing row shows its index, its input and everything the
 * bot said, so the table reads as the transcript it checks.
 */
export interface Exchange {
  say?: string;
  submit?: Submit;
  from?: ChannelAccount;
  /** Extra activity fields (Teams mention entities, replyToId, ...). */
  extra?: Partial<Activity>;
  /** Moves the test clock before this row (ISO time). */
  at?: string;
  expect: string[];
  absent?: string[];
}

export async function playConversation(
  driver: ConversationDriver,
  exchanges: readonly Exchange[],
  clock?: TestClock,
): Promise<void> {
  for (const [index, exchange] of exchanges.entries()) {
    if (exchange.at !== undefined) {
      if (!clock) throw new Error(`Row ${index} moves the clock, but the conversation has none.`);
      clock.set(exchange.at);
    }
    const from = exchange.from ?? CLINICIAN;
    const replies = exchange.submit
      ? await driver.submit(exchange.submit, from, exchange.extra)
      : await driver.say(exchange.say ?? '', from, exchange.extra);
    const shown = shownText(replies);
    const input = exchange.say ?? `[${exchange.submit?.action ?? ''}]`;
    const missing = exchange.expect.filter((fragment) => !shown.includes(fragment));
    const unwanted = (exchange.absent ?? []).filter((fragment) => shown.includes(fragment));
    expect({ row: index, input, missing, unwanted, shown }).toEqual({
      row: index,
      input,
      missing: [],
      unwanted: [],
      shown,
    });
  }
}
