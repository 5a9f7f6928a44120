import { appProcessForSuite } from './support/app-process-for-suite';
import { postActivity, WorkupClient } from './support/workup-client';

jest.setTimeout(60_000);

interface MarkdownRenderer {
  render(source: string): string;
}
type MarkdownFactory = (options: Record<string, boolean>) => MarkdownRenderer;

// eslint-disable-next-line @typescript-eslint/no-require-imports -- Web Chat's own renderer (markdown-it 13, no type package)
const markdownIt = require('markdown-it') as MarkdownFactory;
/** The options Web Chat 4.18 renders a bot's text with (botframework-webchat/lib/markdown/renderMarkdown.js). */
const webChat = markdownIt({ breaks: false, html: true, linkify: true, typographer: true, xhtmlOut: true });

const PHISHING = '[Session expired - sign in](https://attacker.example/login)';

/** Crafted inputs: a markdown link, an image, raw HTML, a bare domain Web Chat would turn into a link. */
const CRAFTED = [
  PHISHING,
  '![logo](https://attacker.example/p.png)',
  '<a href="https://attacker.example">Sign in</a>',
  'attacker.example',
];

describe('input quoted back is never a live link under the bot name (real server process)', () => {
  const suite = appProcessForSuite('echoed-input');

  /** Each bot text of the turn as Web Chat would render it. */
  const rendered = async (client: WorkupClient, fields: Record<string, unknown>): Promise<string[]> => {
    const response = await fetch(`${suite.app().url}/api/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(client.activity(fields)),
    });
    const { activities } = (await response.json()) as { activities: { text?: string }[] };
    return activities.flatMap((reply) => (reply.text === undefined ? [] : [webChat.render(reply.text)]));
  };

  const expectNoLink = (html: string[]) => expect(html.join('\n')).not.toMatch(/<a |<img /);
  /** Still quoted, readable as sent: the clinician sees what was refused. */
  const expectQuoted = (html: string[], crafted: string) =>
    expect(html.join('\n')).toContain(
      crafted.includes('<') ? '&lt;' : crafted.replace(/^!?\[([^\]]*)\].*$/, '$1'),
    );

  it.each(CRAFTED)('a card submit whose number, unit or choice is %s', async (crafted) => {
    const client = new WorkupClient(`conversation-card-${CRAFTED.indexOf(crafted)}`, 'clinician-echo');
    const card = (await client.say(suite.app().url, 'start')).buttons.find((data) => data.action === 'next');
    expect(card).toBeDefined();
    for (const inputs of [
      { 'alp.value': crafted },
      { 'alp.value': '300', 'alp.unit': crafted },
      { 'alp.value': '300', 'alp.uln': crafted },
    ]) {
      const html = await rendered(client, { text: '', value: { ...card, ...inputs } });
      expect(html.join('\n')).toContain('Nothing was changed');
      expectNoLink(html);
      expectQuoted(html, crafted);
    }
  });

  it.each(CRAFTED)('typed text that runs on into %s', async (crafted) => {
    const client = new WorkupClient(`conversation-typed-${CRAFTED.indexOf(crafted)}`, 'clinician-echo');
    await client.say(suite.app().url, 'start');
    const html = await rendered(client, { text: `ALP 3e${crafted}` });
    expect(html.join('\n')).toContain('I could not read');
    expectNoLink(html);
  });

  it('an edit of an answer named as a link or a domain', async () => {
    const client = new WorkupClient('conversation-edit', 'clinician-echo');
    await client.say(suite.app().url, 'start');
    const html = await rendered(client, { text: 'edit attacker.example' });
    expect(html.join('\n')).toContain('attacker.example');
    expectNoLink(html);
    expect((await postActivity(suite.app().url, client.activity({ text: `edit ${PHISHING}` }))).status).toBe(
      200,
    );
  });
});
