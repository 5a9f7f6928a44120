import { Readable, Writable } from 'node:stream';
import { runChatCommand } from '../../src/cli/chat-command';
import { FixtureBot } from '../server/support/fixture-bot';
import { startTestServer, type RunningServer } from '../server/support/test-server';

function capture(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  return {
    stream: new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk.toString());
        done();
      },
    }),
    text: () => chunks.join(''),
  };
}

function io(lines: string[], env: NodeJS.ProcessEnv = {}) {
  const stdout = capture();
  const stderr = capture();
  return {
    io: {
      stdin: Readable.from(lines.map((l) => `${l}\n`)),
      stdout: stdout.stream,
      stderr: stderr.stream,
      env,
    },
    stdout,
    stderr,
  };
}

describe('alp-workup chat', () => {
  let bot: FixtureBot;
  let running: RunningServer;
  beforeEach(async () => {
    bot = new FixtureBot();
    running = await startTestServer({ bot });
  });
  afterEach(() => running.close());

  it('greets, sends typed lines as messages, renders cards with numbered options and clicks them by number', async () => {
    const session = io(['ALP 240', '1', 'quit', 'never sent']);
    const code = await runChatCommand(['--url', running.url], session.io);
    expect(code).toBe(0);
    const out = session.stdout.text();
    expect(out).toContain('Welcome to the fixture bot.');
    expect(out).toContain('Received 7 characters.');
    expect(out).toContain('Which step?');
    expect(out).toContain('[1] Next');
    expect(out).toContain('(Next)');
    // The click is a card submit: empty text, the button's data as the value.
    expect(bot.turns).toEqual(['ALP 240', '']);
  });

  it('exits 1 with a hint when no bot is listening', async () => {
    const unreachable = 'http://127.0.0.1:9';
    const session = io(['hello']);
    expect(await runChatCommand(['--url', unreachable], session.io)).toBe(1);
    expect(session.stderr.text()).toContain(`cannot talk to the bot at ${unreachable}`);
    expect(session.stderr.text()).toContain('npm start');
  });

  it('exits 2 with usage on a bad option', async () => {
    const session = io([]);
    expect(await runChatCommand(['--url', 'not a url'], session.io)).toBe(2);
    expect(session.stderr.text()).toContain('--url must be an http(s) URL');
    expect(await runChatCommand(['--colour'], session.io)).toBe(2);
  });

  it('takes the URL from ALP_WORKUP_URL', async () => {
    const session = io(['hi'], { ALP_WORKUP_URL: running.url });
    expect(await runChatCommand([], session.io)).toBe(0);
    expect(bot.turns).toEqual(['hi']);
  });
});
