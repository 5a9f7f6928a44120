import type { Locator } from 'playwright-core';
import { answerUntilAssessment, NEXT_QUESTION_OR_ASSESSMENT } from './support/answer-questions';
import { saveScreenshot, withFailureArtifacts } from './support/artifacts';
import { chromiumAndAppForFile } from './support/chromium-and-app-for-file';
import { DESKTOP, PHONE, WebChatPage, type Viewport } from './support/webchat-page';

/**
 * The page around the chat, as a clinician meets it on a desktop and on a phone: what the page's
 * own script adds to Web Chat (copying the chart note, read-only answered cards, Enter and focus
 * in cards, a workup that survives a reload, a clean "New workup", confirmations that keep a
 * workup) and how it lays out. Every
 * expectation is on what the browser renders.
 */

jest.setTimeout(240_000);

const { browser, app } = chromiumAndAppForFile();

const CARD = '.ac-adaptiveCard';

/** Seed statement F1, as the bot words it: once per workup. */
const F1 = 'Educational decision support for healthcare professionals, not a diagnosis';

/** Typed answers by question title, for the rest of a workup that starts with a red flag. */
const ANSWERS: Record<string, string> = {
  'Red-flag screen': 'none of these',
  'Liver panel and calcium': 'INR 1.0, Ca 2.3 mmol/L (ULN 2.6)',
  'Treatment and context': 'no treatment, no fracture, not pregnant, fasting, age 58',
  'Liver or bone?': 'GGT 200 ULN 60, no alcohol, no enzyme-inducing drugs',
  'Right upper quadrant ultrasound': 'ultrasound: normal',
  'Antimitochondrial antibody': 'AMA negative, no amyloidosis, no heart failure',
};

/** Whether an element shows all of its content: nothing cut off to the right or below. */
const showsWhole = (element: Locator): Promise<boolean> =>
  element.evaluate(
    (target) =>
      target.scrollWidth <= target.clientWidth + 1 && target.scrollHeight <= target.clientHeight + 1,
  );

async function onPage(
  name: string,
  viewport: Viewport,
  scenario: (chat: WebChatPage, shot: (what: string) => Promise<void>) => Promise<void>,
): Promise<void> {
  const chat = await WebChatPage.open(browser(), `${app().origin}/`, 'pointer', undefined, viewport);
  const size = viewport.width < 600 ? 'phone' : 'desktop';
  const shot = async (what: string) => {
    await saveScreenshot(chat.page, `web-page-${size}-${what}`);
  };
  try {
    await withFailureArtifacts(chat.recorder, `${name} ${size}`, () => scenario(chat, shot));
    expect(chat.recorder.requestsOutside(app().origin)).toEqual([]);
  } finally {
    await chat.close();
  }
}

describe.each([
  ['desktop', DESKTOP],
  ['phone', PHONE],
])('on a %s', (_size, viewport) => {
  test('the page is compact, cards answer to Enter and focus, answered cards turn read-only', async () => {
    await onPage('cards and keyboard', viewport, async (chat, shot) => {
      const { page } = chat;
      await chat.lastCard().locator('button[title="Start workup"]').waitFor();
      // The header (with its privacy note) takes little of the screen, and carries no second disclaimer.
      const header = await page.locator('.masthead').boundingBox();
      expect(header).not.toBeNull();
      expect((header?.height ?? 0) / viewport.height).toBeLessThan(0.12);
      expect(await page.locator('.masthead').innerText()).toContain('Enter no names or other identifiers');
      expect(await page.locator('body > :not(#webchat)').allInnerTexts()).not.toContainEqual(
        expect.stringContaining('not a diagnosis'),
      );
      await shot('welcome');

      // After a submit the focus is on the new card's first input, so typing goes on there.
      await chat.expectReply(() => chat.press('Start workup'), 'Step 1 of');
      await page.waitForFunction(() => document.activeElement?.tagName === 'INPUT');
      expect(await chat.focusedControl()).toEqual({
        tag: 'input',
        label: 'ALP (alkaline phosphatase)',
        inNewestCard: true,
      });
      await page.keyboard.type('180');
      await chat.fill("Your lab's ULN", '120', 'ALP (alkaline phosphatase)');
      await shot('alp-card');

      // Enter in a card field submits the card.
      const read = await chat.expectReply(
        () => chat.lastCard().getByLabel("Your lab's ULN", { exact: true }).press('Enter'),
        'Red-flag screen',
      );
      expect(read).toContain('I read: ALP 180 U/L (1.5x ULN)');
      await page.waitForFunction(() => document.activeElement?.tagName === 'INPUT');
      const focused = await chat.focusedControl();
      expect(focused.inNewestCard).toBe(true);

      // The welcome and ALP cards are answered: marked, inert, their buttons gone.
      const cards = chat.transcript.locator(CARD).filter({ hasNot: chat.page.locator(`${CARD} ${CARD}`) });
      const answered = chat.transcript.locator('.alp-card--answered');
      await expect(answered.count()).resolves.toBeGreaterThanOrEqual(2);
      const alpCard = answered.filter({ hasText: 'Step 1 of' });
      expect(await alpCard.getAttribute('inert')).toBe('');
      expect(await alpCard.innerText()).toContain('Earlier step, read-only');
      expect(await alpCard.locator('button[title="Next"]').isVisible()).toBe(false);
      expect(await alpCard.getByLabel('ALP (alkaline phosphatase)', { exact: true }).inputValue()).toBe(
        '180',
      );
      expect(await cards.last().getAttribute('inert')).toBeNull();

      // A pasted report with a red flag: the alert's button reads whole, on a phone too.
      const flagged = await chat.expectReply(
        () => chat.send('ALP 150 (120), ALT 200 (40), AST 180 (40), bili 3.0 mg/dL (1.2)'),
        'Acknowledged, continue the workup',
      );
      expect(flagged).toMatch(/Urgent: possible Hy.s law/);
      const acknowledge = chat.lastCard().locator('button[title="Acknowledged, continue the workup"]');
      expect(await acknowledge.innerText()).toBe('Acknowledged, continue the workup');
      expect(await showsWhole(acknowledge)).toBe(true);
      await acknowledge.scrollIntoViewIfNeeded();
      await shot('red-flag');

      const next = await chat.expectReply(
        () => chat.press('Acknowledged, continue the workup'),
        /Step \d of/,
      );
      expect(next).not.toContain('Urgent: red flag');
      // A lab row: its inputs sit on one line whatever the labels wrap to, each wide enough to read.
      const panel = await chat.expectReply(() => chat.send('none of these'), 'Liver panel');
      expect(panel).toContain('Liver panel');
      const row = chat.lastCard().locator('.ac-columnSet').first();
      const inputs = row.locator('input, select');
      const boxes = await inputs.evaluateAll((elements) =>
        elements.map((element) => element.getBoundingClientRect().toJSON() as DOMRect),
      );
      expect(boxes.length).toBeGreaterThanOrEqual(2);
      const unitAndUln = boxes.slice(-2);
      expect(Math.abs((unitAndUln[0]?.bottom ?? 0) - (unitAndUln[1]?.bottom ?? 1))).toBeLessThan(2);
      for (const box of boxes) expect(box.width).toBeGreaterThanOrEqual(60);
      await row.scrollIntoViewIfNeeded();
      await shot('lab-rows');
    });
  });

  test('the assessment numbers its steps, the chart note wraps and copies with one click, help reads as written', async () => {
    await onPage('chart note and texts', viewport, async (chat, shot) => {
      const { page } = chat;
      await chat.lastCard().locator('button[title="Start workup"]').waitFor();
      const first = await chat.expectReply(
        () => chat.send('ALP 300 (120), ALT 30/40, AST 35/40, bili 0.8 mg/dL (ULN 1.2)'),
        NEXT_QUESTION_OR_ASSESSMENT,
      );
      const { assessment } = await answerUntilAssessment(first, ANSWERS, (answer) =>
        chat.expectReply(() => chat.send(answer), NEXT_QUESTION_OR_ASSESSMENT),
      );
      expect(assessment).toContain('Content version');

      // The assessment leads with one line (pattern, origin, urgency) and the next step, on one screen.
      const card = chat.lastCard();
      expect(await card.innerText()).toMatch(/Assessment\n+[^\n]+ · [^\n]+ · no red flag\n+Next: /);
      const collapsed = await card.boundingBox();
      expect(collapsed?.height ?? Infinity).toBeLessThan(viewport.height);
      await shot('assessment');
      // Details and sources open in place; the sources carry the rule ids and tags, with a legend.
      await chat.press('Details');
      await card.getByText('Interpretation', { exact: true }).waitFor();
      await chat.press('Sources');
      await card.getByText(/^Legend: /).waitFor();
      expect(await card.innerText()).toMatch(/\n[A-Z]{1,2}-\d+[a-z]?: /);
      await shot('assessment-details');

      // Next steps are one numbered list, not items each numbered "1.".
      const steps = chat.lastCard().locator('ol');
      expect(await steps.count()).toBe(1);
      const items = await steps.locator('li').allInnerTexts();
      expect(items.length).toBeGreaterThanOrEqual(2);
      expect(items.every((item) => !/^\d+\./.test(item))).toBe(true);

      const note = await chat.expectReply(() => chat.press('Chart note'), 'Sources');
      expect(note).toContain('ALP workup (multiple myeloma)');
      const block = chat.transcript.locator('pre').last();
      expect(await showsWhole(block)).toBe(true);
      const shown = await block.evaluate((element) => element.textContent ?? '');
      const copy = chat.transcript.locator('button.copy-button').last();
      await copy.scrollIntoViewIfNeeded();
      await shot('chart-note');
      await copy.click();
      await chat.transcript.locator('button.copy-button', { hasText: 'Copied' }).waitFor();
      const clipboard = await page.evaluate(() => navigator.clipboard.readText());
      expect(clipboard).toBe(shown.replace(/\n$/, ''));
      expect(clipboard.startsWith('ALP workup (multiple myeloma), content ')).toBe(true);
      expect(clipboard).toContain('\nSources:\n');
      expect(clipboard.trimEnd()).toMatch(/primary sources decide\.$/);
      expect(Math.max(...clipboard.split('\n').map((line) => line.length))).toBeLessThanOrEqual(80);

      // Help: the list ends where it ends; the scope line is a paragraph of its own.
      await chat.expectReply(() => chat.send('help'), 'forget me');
      const help = chat.transcript.locator('article').last();
      const lastItem = await help.locator('li').last().innerText();
      expect(lastItem).toBe('forget me: delete your workups and audit entries in every chat (I ask first)');
      expect(
        await help.locator('p', { hasText: 'Decision support for clinicians, not a diagnosis.' }).count(),
      ).toBe(1);

      await chat.expectReply(() => chat.send('summary'), 'So far:');
      const summary = chat.transcript.locator('article').last();
      expect(await summary.locator('li', { hasText: 'So far' }).count()).toBe(0);
      expect(await summary.locator('p', { hasText: /^So far:/ }).count()).toBe(1);
      await shot('summary');
    });
  });

  test('a question about a term is answered in place, a bare ULN completes the ALP, a ticked red flag is acknowledged at once, values and "why" read plainly', async () => {
    await onPage('questions, a bare ULN and a ticked red flag', viewport, async (chat, shot) => {
      await chat.lastCard().locator('button[title="Start workup"]').waitFor();
      // A question on the welcome is answered with its definition and source, not taken for a workup.
      const answer = await chat.expectReply(
        () => chat.send('what does R ratio mean?'),
        'R ratio: R = (ALT / ALT ULN) / (ALP / ALP ULN)',
      );
      expect(answer).toContain('(EASL DILI 2019)');
      expect(answer).not.toContain('Step 1 of');

      // "ULN 2.2" sent after "ALP 5 µkat/L" completes the value just asked, converted for display.
      await chat.expectReply(() => chat.send('ALP 5 µkat/L'), 'Step 1 of');
      const read = await chat.expectReply(() => chat.send('ULN 2.2'), 'Red-flag screen');
      expect(read).toContain('I read: ALP 5 µkat/L = 300 U/L (2.3x ULN)');

      // Jaundice and confusion ticked on the card: acknowledged at once, with the value needed now.
      await chat.tick('Jaundice');
      await chat.tick('Confusion or drowsiness');
      const acknowledged = await chat.expectReply(
        () => chat.press('Continue with those ticked'),
        'Liver panel',
      );
      expect(acknowledged).toContain(
        'Jaundice with confusion: acute liver failure is suspected. Needed now to confirm or exclude it: the INR',
      );
      await shot('red-flag-ticked');

      // Converted values read as a lab prints them; "why" speaks without seed, rule ids or tags.
      const panel = await chat.expectReply(
        () => chat.send('ALT 30/40, AST 35/40, bili 0.6 mg/dL (ULN 1.2), INR 1.0, Ca 2.4 mmol/L (ULN 2.6)'),
        'Treatment and context',
      );
      expect(panel).toContain('calcium 2.4 mmol/L = 9.6 mg/dL');
      expect(panel).not.toMatch(/9\.61|9\.62/);
      const why = await chat.expectReply(() => chat.send('why'), 'Why: ');
      expect(why).not.toMatch(/Seed S\d|source-article statement|\brule [A-Z]{1,2}-\d|\[NV\]|\[P\]/);
    });
  });

  test('a bone workup asks nothing already answered: the bone card shows the known answers once, in one line', async () => {
    await onPage('nothing asked twice', viewport, async (chat, shot) => {
      await chat.lastCard().locator('button[title="Start workup"]').waitFor();
      await chat.expectReply(() => chat.send('ALP 180 U/L (ULN 120)'), 'Red-flag screen');
      // "none", as the red-flag screen suggests, is its answer (it was refused with the whole card again).
      const none = await chat.expectReply(() => chat.send('none'), 'Liver panel');
      expect(none).toContain('none of the red-flag symptoms');
      await chat.expectReply(
        () => chat.send('ALT 25/40, AST 22/40, bili 0.6 mg/dL (ULN 1.2), INR 1.0, Ca 2.3 mmol/L (ULN 2.6)'),
        'Treatment and context',
      );
      await chat.expectReply(
        () => chat.send('bortezomib week 6, steroids yes, no fracture, male, age 64, fasting'),
        'Liver or bone?',
      );
      await chat.expectReply(() => chat.send('GGT 30 ULN 60'), 'Bone causes');
      const bone = chat.lastCard();
      const text = await bone.innerText();
      expect(text).toMatch(/Known: .*Recent fracture, vertebroplasty or kyphoplasty: no/);
      expect(text).toMatch(/Known: .*Weeks on this treatment 6/);
      expect(text.match(/Known: /g)?.length).toBe(1);
      expect(await bone.getByLabel('Recent fracture, vertebroplasty or kyphoplasty?').count()).toBe(0);
      expect(await bone.getByLabel('Weeks on this treatment').count()).toBe(0);
      await bone.scrollIntoViewIfNeeded();
      await shot('bone-card');
    });
  });

  test('the workup survives a reload; "New workup" starts a clean one', async () => {
    await onPage('reload and new workup', viewport, async (chat, shot) => {
      const { page } = chat;
      await chat.lastCard().locator('button[title="Start workup"]').waitFor();
      await chat.expectReply(() => chat.send('ALP 180 ULN 120'), 'Red-flag screen');
      const conversationOnScreen = async () =>
        page.evaluate(
          () =>
            (
              JSON.parse(window.sessionStorage.getItem('alpWorkup.session') ?? '{}') as {
                conversationId?: string;
              }
            ).conversationId,
        );
      const conversation = await conversationOnScreen();
      expect(conversation).toMatch(/\S/);

      await chat.reload();
      // The transcript comes back and the workup goes on where it was, with no welcome or "resume".
      await chat.transcript.locator('p', { hasText: 'I read: ALP 180 U/L (1.5x ULN)' }).waitFor();
      const restored = await chat.transcriptText();
      expect(restored).not.toContain('Welcome back');
      expect(restored.match(/Step \d of \d · Red-flag screen/g)?.length).toBe(1);
      expect(await conversationOnScreen()).toBe(conversation);
      const summary = await chat.expectReply(() => chat.send('summary'), 'Entered so far');
      expect(summary).toContain('ALP (alkaline phosphatase): 180');
      // Cards answered before the reload stay read-only after it.
      expect(
        await chat.transcript
          .locator('.alp-card--answered', { hasText: 'ALP workup in multiple myeloma' })
          .count(),
      ).toBe(1);
      expect(await chat.lastCard().getAttribute('inert')).toBeNull();
      await shot('after-reload');

      await page.locator('#new-workup').click();
      await chat.lastCard().locator('button[title="Start workup"]').waitFor();
      const fresh = await chat.transcriptText();
      expect(fresh).not.toContain('I read: ALP 180');
      expect(fresh).not.toContain('Welcome back');
      expect(fresh).not.toContain('Resume or start over');
      const empty = await chat.expectReply(() => chat.send('summary'), 'Nothing entered yet');
      expect(empty).not.toContain('ALP (alkaline phosphatase): 180');
      expect(await conversationOnScreen()).not.toBe(conversation);
      await shot('new-workup');
    });
  });

  test('"forget me" and "restart" ask first; Keep keeps the workup; the disclaimer shows once at the start', async () => {
    await onPage('confirmations', viewport, async (chat, shot) => {
      await chat.lastCard().locator('button[title="Start workup"]').waitFor();
      const started = await chat.expectReply(() => chat.press('Start workup'), 'Step 1 of');
      // The welcome card carries the F1 disclaimer; the first question does not repeat it.
      expect(started).not.toContain(F1);
      expect((await chat.transcriptText()).split(F1).length - 1).toBe(1);
      await chat.expectReply(() => chat.send('ALP 180 ULN 120'), 'Red-flag screen');

      const asked = await chat.expectReply(() => chat.send('forget me'), 'Delete all your workups?');
      expect(asked).not.toContain('I deleted');
      const confirmation = chat.lastCard();
      for (const title of ['Delete everything', 'Keep my workups']) {
        const button = confirmation.locator(`button[title="${title}"]`);
        expect(await button.isVisible()).toBe(true);
        expect(await showsWhole(button)).toBe(true);
      }
      await confirmation.scrollIntoViewIfNeeded();
      await shot('confirm-forget');
      const kept = await chat.expectReply(() => chat.press('Keep my workups'), 'Nothing was deleted');
      expect(kept).toContain('Red-flag screen');
      // The confirmation, answered, turns read-only like any answered card.
      const answered = chat.transcript.locator('.alp-card--answered', {
        hasText: 'Delete all your workups?',
      });
      expect(await answered.count()).toBe(1);
      expect(await answered.getAttribute('inert')).toBe('');
      const summary = await chat.expectReply(() => chat.send('summary'), 'Entered so far');
      expect(summary).toContain('ALP (alkaline phosphatase): 180');

      await chat.expectReply(() => chat.send('restart'), 'Start over?');
      await chat.lastCard().scrollIntoViewIfNeeded();
      await shot('confirm-restart');
      await chat.expectReply(() => chat.press('Keep this workup'), 'Kept: your answers are as they were.');
      expect(await chat.expectReply(() => chat.send('summary'), 'Entered so far')).toContain(
        'ALP (alkaline phosphatase): 180',
      );

      await chat.expectReply(() => chat.send('restart'), 'Start over?');
      const disclaimers = chat.transcript.locator('p', { hasText: F1 });
      const before = await disclaimers.count();
      const restarted = await chat.expectReply(() => chat.press('Clear and start over'), 'Started over');
      expect(restarted).toContain('Step 1 of');
      // A new workup owes the disclaimer again, once.
      expect(await disclaimers.count()).toBe(before + 1);
      expect(await chat.expectReply(() => chat.send('summary'), 'Nothing entered yet')).not.toContain(
        'ALP (alkaline phosphatase): 180',
      );
      await shot('restarted');
    });
  });
});
