import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { PageRecorder } from './artifacts';
import { ACTION_TIMEOUT_MS, PAGE_LOAD_TIMEOUT_MS, REPLY_TIMEOUT_MS } from './timeouts';

export type PlaygroundChat = 'Personal Chat' | 'Group Chat';

/** The playground's message list: one item per message, the bot's carry a "Message author" header. */
const MESSAGE = '[aria-label="Message header"]';
const COMPOSE_BOX = '[data-lexical-editor="true"]';

/**
 * The Microsoft 365 Agents Playground page, which renders a Teams client: a chat list, a
 * message list with Adaptive Cards drawn by Teams' own Fluent UI renderer, and a compose box
 * with @mentions. Its page asks a Microsoft CDN for fonts and an animation worklet; those are
 * refused here so that the test runs the same without a network (the page works without them).
 */
export class PlaygroundPage {
  private constructor(
    readonly page: Page,
    readonly recorder: PageRecorder,
    private readonly context: BrowserContext,
  ) {}

  static async open(browser: Browser, url: string): Promise<PlaygroundPage> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    // A 4-9 MB client bundle on a busy 2-core runner can take a while to parse; waiting is not asserting.
    context.setDefaultNavigationTimeout(PAGE_LOAD_TIMEOUT_MS);
    context.setDefaultTimeout(ACTION_TIMEOUT_MS);
    const page = await context.newPage();
    const recorder = new PageRecorder(page);
    const ownHost = new URL(url).hostname;
    await page.route('**/*', (route) => {
      const { hostname } = new URL(route.request().url());
      return hostname === ownHost || hostname === 'localhost' ? route.continue() : route.abort();
    });
    await page.goto(url);
    await page.locator(COMPOSE_BOX).waitFor({ timeout: PAGE_LOAD_TIMEOUT_MS });
    return new PlaygroundPage(page, recorder, context);
  }

  async close(): Promise<void> {
    await this.context.close();
  }

  /** Opening a chat for the first time installs the app there: installationUpdate and conversationUpdate. */
  async openChat(chat: PlaygroundChat): Promise<void> {
    await this.page.getByRole('treeitem', { name: chat }).click();
  }

  /** Every message the open chat shows, bot's and clinician's, as rendered text. */
  async messagesText(): Promise<string> {
    return (await this.messageItems().allInnerTexts()).join('\n');
  }

  /** Runs `action`, waits for a message after it that shows `expected`, returns what arrived. */
  async expectReply(action: () => Promise<void>, expected: string | RegExp): Promise<string> {
    const before = await this.messageItems().count();
    await action();
    await this.waitForMessages(before, expected);
    return (await this.messageItems().allInnerTexts()).slice(before).join('\n');
  }

  /** Waits until the open chat shows `expected` anywhere, e.g. the welcome sent on installation. */
  async waitForText(expected: string | RegExp): Promise<void> {
    await this.waitForMessages(0, expected);
  }

  private async waitForMessages(from: number, expected: string | RegExp): Promise<void> {
    const pattern =
      typeof expected === 'string'
        ? { source: expected, flags: '', literal: true }
        : { source: expected.source, flags: expected.flags, literal: false };
    await this.page.waitForFunction(
      ([selector, first, { source, flags, literal }]) => {
        const text = Array.from(document.querySelectorAll(selector))
          .slice(first)
          .map((header) => header.parentElement?.innerText ?? '')
          .join('\n');
        return literal ? text.includes(source) : new RegExp(source, flags).test(text);
      },
      [MESSAGE, from, pattern] as const,
      { timeout: REPLY_TIMEOUT_MS },
    );
  }

  async send(text: string): Promise<void> {
    await this.page.locator(COMPOSE_BOX).click();
    await this.page.keyboard.type(text);
    await this.page.keyboard.press('Enter');
  }

  /** "@<bot> text", the mention picked from the compose box's suggestion list as a user does. */
  async sendMentioning(botName: string, text: string): Promise<void> {
    await this.page.locator(COMPOSE_BOX).click();
    await this.page.keyboard.type('@');
    await this.page.getByRole('menuitem', { name: botName }).click();
    await this.page.keyboard.type(` ${text}`);
    await this.page.keyboard.press('Enter');
  }

  async fill(label: string, value: string): Promise<void> {
    await this.lastMessageWithCard().getByLabel(label, { exact: true }).fill(value);
  }

  async press(title: string): Promise<void> {
    await this.lastMessageWithCard().getByRole('button', { name: title, exact: true }).click();
  }

  private messageItems(): Locator {
    return this.page.locator(MESSAGE).locator('..');
  }

  /** The newest message that holds an Adaptive Card (the renderer gives inputs real labels). */
  private lastMessageWithCard(): Locator {
    return this.messageItems()
      .filter({ has: this.page.locator('[dir="ltr"][tabindex="0"]') })
      .last();
  }
}
