import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { PageRecorder } from './artifacts';
import { ACTION_TIMEOUT_MS, PAGE_LOAD_TIMEOUT_MS, REPLY_TIMEOUT_MS } from './timeouts';

/** How the clinician operates the page: with the mouse, or with the keyboard alone. */
export type InputMode = 'pointer' | 'keyboard';

/** The screens the page is tried on: a desktop browser and a phone (iPhone 12-15 size). */
export const DESKTOP = { width: 1280, height: 900 } as const;
export const PHONE = { width: 390, height: 844 } as const;
export type Viewport = { width: number; height: number };

const TRANSCRIPT = '.webchat__basic-transcript__transcript';
const ACTIVITY = `${TRANSCRIPT} > article`;
const CARD = '.ac-adaptiveCard';
const SEND_BOX = '[data-id="webchat-sendbox-input"]';

/** Enough Tab presses to cross any card the bot sends; a missing target fails rather than loops. */
const MAX_TAB_PRESSES = 80;

/**
 * The web chat page at `/` as a clinician uses it: type into the send box, fill and submit the
 * Adaptive Cards by their visible labels, read the transcript. In keyboard mode every action
 * goes through Web Chat's documented keyboard model (Tab to the chat history, arrows to a
 * message, Enter to step into it, Tab between its inputs, Space/Enter to act, Escape to leave)
 * and no element is ever clicked.
 */
export class WebChatPage {
  private constructor(
    readonly page: Page,
    readonly recorder: PageRecorder,
    private readonly context: BrowserContext,
    readonly mode: InputMode,
  ) {}

  /**
   * `beforeChat` runs between the first page load and the chat: a SMART launch goes through the
   * authorization server's pages before it lands on the chat.
   */
  static async open(
    browser: Browser,
    url: string,
    mode: InputMode = 'pointer',
    beforeChat?: (page: Page) => Promise<void>,
    viewport: Viewport = { width: 1100, height: 900 },
  ): Promise<WebChatPage> {
    const context = await browser.newContext({ viewport });
    // The chart note's copy button writes to the clipboard; the test reads it back.
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url).origin });
    // A 4-9 MB client bundle on a busy 2-core runner can take a while to parse; waiting is not asserting.
    context.setDefaultNavigationTimeout(PAGE_LOAD_TIMEOUT_MS);
    context.setDefaultTimeout(ACTION_TIMEOUT_MS);
    // Counts pointer presses in the page, so a keyboard-only test can prove it made none.
    await context.addInitScript(() => {
      const counter = window as unknown as { e2ePointerPresses: number };
      counter.e2ePointerPresses = 0;
      window.addEventListener('pointerdown', () => (counter.e2ePointerPresses += 1), true);
    });
    const page = await context.newPage();
    const recorder = new PageRecorder(page);
    await page.goto(url);
    await beforeChat?.(page);
    await page.locator(SEND_BOX).waitFor({ timeout: PAGE_LOAD_TIMEOUT_MS });
    return new WebChatPage(page, recorder, context, mode);
  }

  async close(): Promise<void> {
    await this.context.close();
  }

  /** Reloads the page (same tab, same browser session) and waits for the chat to be back. */
  async reload(): Promise<void> {
    await this.page.reload();
    await this.page.locator(SEND_BOX).waitFor({ timeout: PAGE_LOAD_TIMEOUT_MS });
  }

  /** The text of the element that has focus and the label of the card input it is, if any. */
  focusedControl(): Promise<{ tag: string; label: string; inNewestCard: boolean }> {
    return this.page.evaluate((cardSelector) => {
      const focused = document.activeElement as HTMLElement | null;
      const labelledBy = focused?.getAttribute('aria-labelledby') ?? '';
      const label =
        focused?.getAttribute('aria-label') ??
        labelledBy
          .split(/\s+/)
          .map((id) => document.getElementById(id)?.textContent ?? '')
          .join(' ')
          .trim();
      const cards = Array.from(document.querySelectorAll(cardSelector)).filter(
        (card) => !card.parentElement?.closest(cardSelector),
      );
      const newest = cards[cards.length - 1];
      return {
        tag: focused?.tagName.toLowerCase() ?? '',
        label,
        inNewestCard: Boolean(newest && focused && newest.contains(focused)),
      };
    }, CARD);
  }

  get transcript(): Locator {
    return this.page.locator(TRANSCRIPT);
  }

  /** The most recent Adaptive Card in the transcript: the one the bot is waiting on. */
  lastCard(): Locator {
    return this.transcript.locator(CARD).last();
  }

  /** Text of every message and card the transcript shows, in order. */
  async transcriptText(): Promise<string> {
    return this.transcript.innerText();
  }

  /**
   * Runs `action` and waits until a message that arrived after it shows `expected`; returns the
   * rendered text of everything that arrived, so a test asserts on what the clinician reads.
   */
  async expectReply(action: () => Promise<void>, expected: string | RegExp): Promise<string> {
    const before = await this.page.locator(ACTIVITY).count();
    await action();
    const pattern =
      typeof expected === 'string'
        ? { source: expected, flags: '', literal: true }
        : { source: expected.source, flags: expected.flags, literal: false };
    await this.page.waitForFunction(
      ([selector, from, { source, flags, literal }]) => {
        const text = Array.from(document.querySelectorAll(selector))
          .slice(from)
          .map((element) => (element as HTMLElement).innerText)
          .join('\n');
        return literal ? text.includes(source) : new RegExp(source, flags).test(text);
      },
      [ACTIVITY, before, pattern] as const,
      { timeout: REPLY_TIMEOUT_MS },
    );
    const texts = await this.page.locator(ACTIVITY).allInnerTexts();
    return texts.slice(before).join('\n');
  }

  async send(text: string): Promise<void> {
    const box = this.page.locator(SEND_BOX);
    if (this.mode === 'keyboard') {
      await this.page.keyboard.press('Escape');
      await this.tabTo(box);
      await this.page.keyboard.type(text);
      await this.page.keyboard.press('Enter');
      return;
    }
    await box.fill(text);
    await box.press('Enter');
  }

  /** A number (or text) input on the newest card that asks it, by its label; `row` names a lab's row for its "Unit"/"ULN". */
  async fill(label: string, value: string, row?: string): Promise<void> {
    const input = this.inputIn(label, row);
    if (this.mode === 'keyboard') {
      await this.focusCardElement(input);
      await this.page.keyboard.press('ControlOrMeta+A');
      await this.page.keyboard.type(value);
      return;
    }
    await input.fill(value);
  }

  /** A drop-down (compact choice set) on the newest card that asks it: picks the option shown as `option`. */
  async select(label: string, option: string, row?: string): Promise<void> {
    const select = this.inputIn(label, row);
    if (this.mode === 'keyboard') {
      await this.focusCardElement(select);
      for (let presses = 0; presses < 20; presses += 1) {
        const shown = await select.evaluate(
          (element) => (element as HTMLSelectElement).selectedOptions[0]?.label,
        );
        if (shown === option) return;
        await this.page.keyboard.press('ArrowDown');
      }
      throw new Error(`"${option}" is not an option of "${label}"`);
    }
    await select.selectOption({ label: option });
  }

  /** A tick box or radio button on the newest card that offers it, by the label printed next to it. */
  async tick(option: string): Promise<void> {
    const card = this.newestCardWith(this.page.getByLabel(option, { exact: true }));
    const box = card.getByLabel(option, { exact: true });
    if (this.mode === 'keyboard') {
      const type = await box.getAttribute('type');
      if (type === 'radio') {
        await this.focusRadioGroupOf(card, box);
      } else {
        await this.focusCardElement(box);
        await this.page.keyboard.press('Space');
      }
      return;
    }
    await box.check();
  }

  /** A button of the newest card that has it, by its title (a red-flag card may sit above the next question). */
  async press(title: string): Promise<void> {
    const selector = `button.ac-pushButton[title="${title}"]`;
    const button = this.newestCardWith(this.page.locator(selector)).locator(selector).last();
    if (this.mode === 'keyboard') {
      await this.focusCardElement(button);
      await this.page.keyboard.press('Enter');
      return;
    }
    await button.click();
  }

  /** How many times anything in the page was pressed with a mouse, pen or finger. */
  pointerPresses(): Promise<number> {
    return this.page.evaluate(() => (window as unknown as { e2ePointerPresses: number }).e2ePointerPresses);
  }

  /** Whether the focused element shows that it has focus: an outline or a focus ring drawn as a shadow. */
  focusIsVisible(): Promise<boolean> {
    return this.page.evaluate(() => {
      const focused = document.activeElement;
      if (focused === null || focused === document.body) return false;
      const style = window.getComputedStyle(focused);
      const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
      return outline || style.boxShadow !== 'none';
    });
  }

  /**
   * Inputs of every card in the transcript whose accessible name is empty: no aria-label, no
   * aria-labelledby with text and no <label for>. Screen reader users cannot answer those.
   */
  async unlabelledCardInputs(): Promise<string[]> {
    return this.transcript.evaluate((root) => {
      const textOf = (ids: string) =>
        ids
          .split(/\s+/)
          .map((id) => (id === '' ? '' : (document.getElementById(id)?.textContent ?? '')))
          .join(' ')
          .trim();
      const inputs = Array.from(
        root.querySelectorAll('.ac-adaptiveCard input, .ac-adaptiveCard select, .ac-adaptiveCard textarea'),
      );
      return inputs
        .filter((input) => {
          const ariaLabel = input.getAttribute('aria-label')?.trim() ?? '';
          const labelledBy = textOf(input.getAttribute('aria-labelledby') ?? '');
          const labelFor =
            input.id === ''
              ? ''
              : (document.querySelector(`label[for="${input.id}"]`)?.textContent?.trim() ?? '');
          return ariaLabel === '' && labelledBy === '' && labelFor === '';
        })
        .map((input) => input.outerHTML.slice(0, 160));
    });
  }

  private newestCardWith(content: Locator): Locator {
    return this.transcript.locator(CARD).filter({ has: content }).last();
  }

  /** The input labelled `label` on the newest card that asks it; `row` narrows to one lab's row. */
  private inputIn(label: string, row?: string): Locator {
    const card = this.newestCardWith(this.page.getByLabel(row ?? label, { exact: true }));
    const scope =
      row === undefined
        ? card
        : card.locator('.ac-columnSet').filter({ has: this.page.getByLabel(row, { exact: true }) });
    return scope.getByLabel(label, { exact: true });
  }

  private isFocused(target: Locator): Promise<boolean> {
    return target.evaluate((element) => element === document.activeElement);
  }

  private async tabTo(target: Locator): Promise<void> {
    for (let presses = 0; presses < MAX_TAB_PRESSES; presses += 1) {
      if (await this.isFocused(target)) return;
      await this.page.keyboard.press('Tab');
    }
    throw new Error(`Tab never reached ${target.toString()}`);
  }

  /**
   * Focus an element of a card with the keyboard: if focus is not already inside that card's
   * message, Tab to the chat history, arrow to the message and press Enter to step into it.
   */
  private async focusCardElement(target: Locator): Promise<void> {
    await this.enterMessageOf(target);
    await this.tabTo(target);
  }

  private async enterMessageOf(target: Locator): Promise<void> {
    const messageId = await target.evaluate(
      (element) => element.closest('article')?.querySelector('[role="article"]')?.id ?? '',
    );
    const inMessage = await target.evaluate((element) =>
      Boolean(element.closest('article')?.contains(document.activeElement)),
    );
    if (inMessage) return;
    const history = this.page.locator('.webchat__basic-transcript');
    await this.page.keyboard.press('Escape');
    await this.tabTo(history);
    for (let presses = 0; presses < MAX_TAB_PRESSES; presses += 1) {
      const active = await history.getAttribute('aria-activedescendant');
      if (active === messageId) {
        await this.page.keyboard.press('Enter');
        return;
      }
      const ids = await this.page
        .locator(`${ACTIVITY} [role="article"]`)
        .evaluateAll((elements) => elements.map((element) => element.id));
      await this.page.keyboard.press(
        ids.indexOf(active ?? '') > ids.indexOf(messageId) ? 'ArrowUp' : 'ArrowDown',
      );
    }
    throw new Error('The arrow keys never reached the message with the card');
  }

  /** Radio buttons are one Tab stop; the arrow keys move the choice within the group. */
  private async focusRadioGroupOf(card: Locator, radio: Locator): Promise<void> {
    const name = await radio.getAttribute('name');
    const group = card.locator(`input[type="radio"][name="${name}"]`);
    await this.enterMessageOf(radio);
    for (let presses = 0; presses < MAX_TAB_PRESSES; presses += 1) {
      const focusedInGroup = await group.evaluateAll((radios) =>
        radios.includes(document.activeElement as HTMLInputElement),
      );
      if (focusedInGroup) break;
      await this.page.keyboard.press('Tab');
    }
    for (let presses = 0; presses < 20; presses += 1) {
      if (await this.isFocused(radio)) {
        await this.page.keyboard.press('Space');
        return;
      }
      await this.page.keyboard.press('ArrowDown');
    }
    throw new Error(`The arrow keys never reached ${radio.toString()}`);
  }
}
