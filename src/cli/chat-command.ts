import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';
import type { Writable } from 'node:stream';
import { z } from 'zod';
import { renderCard, type CardOption } from './card-text';
import type { CliIo } from './cli-io';

const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';
const DEFAULT_URL = 'http://127.0.0.1:3978';

const ReplySchema = z.looseObject({
  type: z.string(),
  text: z.string().optional(),
  summary: z.string().optional(),
  attachments: z.array(z.looseObject({ contentType: z.string(), content: z.unknown() })).optional(),
});
const ExpectRepliesSchema = z.object({ activities: z.array(ReplySchema) });
type Reply = z.infer<typeof ReplySchema>;

const USAGE = `Usage: alp-workup chat [--url URL] [--user ID]

Runs a workup from the terminal against a running bot (npm start), through /api/messages
with deliveryMode "expectReplies". Cards are shown as text; type the number of an option to
click it, or type anything else as a message. "quit" or Ctrl-D ends the session.

  --url URL   the bot's base URL (default ${DEFAULT_URL}, or ALP_WORKUP_URL)
  --user ID   your user id, to resume your own workup (default: a new one per session)
`;

interface ChatOptions {
  url: string;
  userId: string;
}

function parseArgs(argv: readonly string[], env: NodeJS.ProcessEnv): ChatOptions | { help: true } | string {
  let url = env.ALP_WORKUP_URL ?? DEFAULT_URL;
  let userId = `terminal-${randomBytes(6).toString('hex')}`;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    const value = argv[i + 1];
    if (arg === '--help' || arg === '-h') return { help: true };
    if ((arg === '--url' || arg === '--user') && (value === undefined || value.startsWith('--'))) {
      return `${arg} needs a value`;
    }
    if (arg === '--url') url = value ?? url;
    else if (arg === '--user') userId = value ?? userId;
    else return `unknown option ${arg}`;
    i += 1;
  }
  if (!z.url({ protocol: /^https?$/ }).safeParse(url).success)
    return `--url must be an http(s) URL, got ${url}`;
  return { url: url.replace(/\/+$/, ''), userId };
}

/** One session: a conversation id of its own, the turns posted in order, replies printed as they come. */
class TerminalChat {
  private readonly conversationId = `terminal-${randomBytes(8).toString('hex')}`;
  private options: CardOption[] = [];

  constructor(
    private readonly settings: ChatOptions,
    private readonly out: Writable,
  ) {}

  private base(): Record<string, unknown> {
    return {
      channelId: 'terminal',
      serviceUrl: this.settings.url,
      conversation: { id: this.conversationId },
      from: { id: this.settings.userId, role: 'user' },
      recipient: { id: 'alp-workup-bot', role: 'bot' },
      deliveryMode: 'expectReplies',
      locale: 'en',
    };
  }

  join(): Promise<void> {
    return this.send({
      type: 'conversationUpdate',
      membersAdded: [{ id: 'alp-workup-bot' }, { id: this.settings.userId }],
    });
  }

  /** A number picks an option of the last card; anything else is a message. */
  say(line: string): Promise<void> {
    const choice = /^\d+$/.test(line) ? this.options[Number(line) - 1] : undefined;
    if (choice !== undefined) {
      this.out.write(`(${choice.label})\n`);
      return this.send({ type: 'message', text: '', value: choice.value });
    }
    return this.send({ type: 'message', text: line });
  }

  private async send(activity: Record<string, unknown>): Promise<void> {
    const response = await fetch(`${this.settings.url}/api/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...this.base(), ...activity }),
    });
    if (!response.ok) {
      const detail = await response.text();
      throw new Error(`the bot answered ${response.status}: ${detail.slice(0, 200)}`);
    }
    const parsed = ExpectRepliesSchema.safeParse(await response.json());
    if (!parsed.success) throw new Error('the bot answered with something that is not a list of activities');
    const replies = parsed.data.activities.filter((a) => a.type === 'message');
    const printed = replies.map((reply) => this.render(reply)).filter((block) => block !== '');
    if (printed.length > 0) this.out.write(`${printed.join('\n\n')}\n\n`);
  }

  private render(reply: Reply): string {
    const lines: string[] = [];
    const cards = (reply.attachments ?? []).filter((a) => a.contentType === ADAPTIVE_CARD);
    if (reply.text !== undefined && reply.text !== '') lines.push(reply.text);
    else if (cards.length === 0 && reply.summary !== undefined) lines.push(reply.summary);
    if (cards.length > 0) this.options = [];
    for (const card of cards) {
      const rendered = renderCard(card.content);
      // Keep numbering continuous across the cards of one reply.
      const offset = this.options.length;
      lines.push(
        ...rendered.lines.map((line) =>
          line.replace(/\[(\d+)\]/, (_m, n: string) => `[${Number(n) + offset}]`),
        ),
      );
      this.options.push(...rendered.options);
    }
    return lines.join('\n');
  }
}

/** `alp-workup chat`: returns the exit code (0 done, 1 the bot is unreachable or failed, 2 usage). */
export async function runChatCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(argv, io.env);
  if (typeof parsed === 'string') {
    io.stderr.write(`alp-workup chat: ${parsed}\n\n${USAGE}`);
    return 2;
  }
  if ('help' in parsed) {
    io.stdout.write(USAGE);
    return 0;
  }
  const chat = new TerminalChat(parsed, io.stdout);
  const fail = (error: unknown): number => {
    const reason =
      error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : '';
    io.stderr.write(
      `alp-workup chat: cannot talk to the bot at ${parsed.url} (${reason}). Is it running (npm start)?\n`,
    );
    return 1;
  };
  try {
    await chat.join();
  } catch (error) {
    return fail(error);
  }
  const lines = createInterface({ input: io.stdin, terminal: false });
  for await (const raw of lines) {
    const line = raw.trim();
    if (line === '') continue;
    if (line === 'quit' || line === 'exit') break;
    try {
      await chat.say(line);
    } catch (error) {
      lines.close();
      return fail(error);
    }
  }
  return 0;
}
