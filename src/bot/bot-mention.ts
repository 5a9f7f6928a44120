import { Activity, TurnContext } from 'botbuilder';

/**
 * The message text without the bot's own @mention (Teams prefixes `<at>Bot</at>` in group chats
 * and channels). Other people's mentions stay: they may be part of what the clinician wrote.
 * Direct Line clients may omit `recipient`, which makes botbuilder's own helper throw, and the
 * helper mutates the activity; this does neither.
 */
export function textWithoutBotMention(activity: Partial<Activity>): string {
  const text = activity.text ?? '';
  const botId = activity.recipient?.id;
  if (!botId) return text.trim();
  const ownMentionTexts = TurnContext.getMentions(activity)
    .filter((mention) => mention.mentioned?.id === botId && typeof mention.text === 'string' && mention.text)
    .map((mention) => mention.text);
  const stripped = ownMentionTexts.reduce(
    (remaining, mentionText) => remaining.split(mentionText).join(' '),
    text,
  );
  return stripped.replace(/\s+/g, ' ').trim();
}
