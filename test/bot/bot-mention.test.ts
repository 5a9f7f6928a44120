import { Activity } from 'botbuilder';
import { textWithoutBotMention } from '../../src/bot/bot-mention';

const mention = (id: string, name: string) => ({
  type: 'mention',
  mentioned: { id, name },
  text: `<at>${name}</at>`,
});

describe('textWithoutBotMention', () => {
  const cases: Array<[string, Partial<Activity>, string]> = [
    [
      'strips the bot mention Teams prefixes in a channel',
      {
        text: '<at>ALP Workup</at> ALP 412 U/L (ULN 120)',
        recipient: { id: 'bot', name: 'ALP Workup' },
        entities: [mention('bot', 'ALP Workup')],
      },
      'ALP 412 U/L (ULN 120)',
    ],
    [
      'keeps a colleague mention',
      {
        text: '<at>ALP Workup</at> start <at>Dr Lee</at>',
        recipient: { id: 'bot', name: 'ALP Workup' },
        entities: [mention('bot', 'ALP Workup'), mention('lee', 'Dr Lee')],
      },
      'start <at>Dr Lee</at>',
    ],
    ['copes with a missing recipient', { text: '  help ' }, 'help'],
    ['copes with missing text', { recipient: { id: 'bot', name: 'b' } }, ''],
  ];

  it.each(cases)('%s', (_name, activity, expected) => {
    const before = activity.text;
    expect(textWithoutBotMention(activity)).toBe(expected);
    expect(activity.text).toBe(before);
  });
});
