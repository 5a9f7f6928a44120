import { ActivityHandler, CardFactory, MessageFactory } from 'botbuilder';

/**
 * A small real ActivityHandler for the server tests: echoes the message's length (never its
 * text, so the logs can be checked for leaks), attaches an Adaptive Card, greets on join and
 * throws on "boom" to exercise the turn error path.
 */
export class FixtureBot extends ActivityHandler {
  public readonly turns: string[] = [];

  constructor() {
    super();
    this.onMessage(async (context, next) => {
      const text = context.activity.text ?? '';
      this.turns.push(text);
      if (text === 'boom') throw new Error(`exploded while reading ${text}`);
      const card = CardFactory.adaptiveCard({
        type: 'AdaptiveCard',
        version: '1.5',
        body: [{ type: 'TextBlock', text: 'Which step?' }],
        actions: [{ type: 'Action.Submit', title: 'Next', data: { step: 'alp' } }],
      });
      await context.sendActivity(`Received ${text.length} characters.`);
      await context.sendActivity(MessageFactory.attachment(card, 'Which step?'));
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const joined = (context.activity.membersAdded ?? []).some(
        (m) => m.id === context.activity.recipient?.id,
      );
      if (joined) await context.sendActivity('Welcome to the fixture bot.');
      await next();
    });
  }
}
