import { answerUntilAssessment, NEXT_QUESTION_OR_ASSESSMENT } from './support/answer-questions';
import { saveScreenshot, saveScreenshotShowing, withFailureArtifacts } from './support/artifacts';
import { chromiumAndAppForFile } from './support/chromium-and-app-for-file';
import { WebChatPage, type InputMode } from './support/webchat-page';

/**
 * The web chat page in a real Chromium against the product as `npm start` builds it (real
 * server, real bot, SQLite in a temporary directory, local Direct Line). Every expectation is
 * on what the transcript renders, i.e. what the clinician reads.
 */

// A whole workup is a dozen turns, each a Direct Line poll away; no assertion depends on time.
jest.setTimeout(240_000);

const { browser, app } = chromiumAndAppForFile();

/** Opens the page, runs the scenario (artifacts on failure), then checks the page stayed on its own origin. */
async function inWebChat(
  testName: string,
  mode: InputMode,
  scenario: (chat: WebChatPage) => Promise<void>,
): Promise<void> {
  const chat = await WebChatPage.open(browser(), `${app().origin}/`, mode);
  try {
    await withFailureArtifacts(chat.recorder, testName, () => scenario(chat));
    expect(chat.recorder.requests.length).toBeGreaterThan(0);
    expect(chat.recorder.requestsOutside(app().origin)).toEqual([]);
  } finally {
    await chat.close();
  }
}

test('a bone-branch workup by cards, with back, a pasted lab report and an edit, ends in a sourced assessment and a chart note', async () => {
  await inWebChat('web chat bone branch', 'pointer', async (chat) => {
    await chat.lastCard().getByText('Start workup').waitFor();
    const welcome = await chat.transcriptText();
    expect(welcome).toContain('ALP workup in multiple myeloma');
    expect(welcome).toContain('not a diagnosis');
    // Card text is rendered as Markdown: a placeholder written as an HTML-like tag would vanish.
    expect(welcome).toMatch(/Commands: help, back, edit [^\s,]+, summary/);
    await saveScreenshot(chat.page, 'web-chat-welcome');

    await chat.expectReply(() => chat.press('Start workup'), 'Step 1 of');
    await chat.fill('ALP (alkaline phosphatase)', '180');
    await chat.fill("Your lab's ULN", '120', 'ALP (alkaline phosphatase)');
    await saveScreenshot(chat.page, 'web-chat-question-card');
    // The red-flag screen and the liver panel come before the treatment context (decision 19).
    const alpRead = await chat.expectReply(() => chat.press('Next'), 'Red-flag screen');
    expect(alpRead).toContain('I read: ALP 180 U/L (1.5x ULN)');

    await chat.expectReply(() => chat.press('None of these'), 'Liver panel');
    const panelRead = await chat.expectReply(
      () => chat.send('ALT 25/40 AST 22/40 bili 0.6 mg/dL (1.2)'),
      'Treatment and context',
    );
    expect(panelRead).toContain('ALT 25 U/L (0.6x ULN)');
    expect(panelRead).toContain('total bilirubin 0.6 mg/dL (0.5x ULN)');
    expect(panelRead).toContain('Isolated ALP elevation');
    // Pregnancy waits for the sex and the age (decision 12).
    expect(await chat.lastCard().getByText('Pregnant?').count()).toBe(0);

    await chat.tick('Bortezomib');
    await chat.select('Recent fracture, vertebroplasty or kyphoplasty?', 'No');
    await chat.tick('Male');
    await chat.fill('Age (years)', '64');
    await chat.select('Fasting sample?', 'Yes');
    await chat.expectReply(() => chat.press('Next'), 'Liver or bone?');

    // Back shows the treatment card again with the earlier answers filled in.
    await chat.expectReply(() => chat.press('Back'), 'Treatment and context');
    expect(await chat.lastCard().getByLabel('Bortezomib', { exact: true }).isChecked()).toBe(true);
    await chat.fill('Weeks on this treatment', '6');
    await chat.expectReply(() => chat.press('Next'), 'Liver or bone?');

    const originRead = await chat.expectReply(() => chat.send('GGT 30 ULN 60'), 'Bone causes');
    expect(originRead).toContain('bone origin likely');

    // Asked with the context already, the fracture and the weeks on treatment are not asked again.
    const boneCard = chat.lastCard();
    expect(await boneCard.innerText()).toMatch(/Known: .*Recent fracture, vertebroplasty or kyphoplasty: no/);
    expect(await boneCard.innerText()).toMatch(/Known: .*Weeks on this treatment 6/);
    expect(await boneCard.getByLabel('Recent fracture, vertebroplasty or kyphoplasty?').count()).toBe(0);
    expect(await boneCard.getByLabel('Weeks on this treatment').count()).toBe(0);
    await saveScreenshot(chat.page, 'web-chat-bone-card');
    await chat.select('Known myeloma bone disease (lytic lesions)?', 'Yes');
    await chat.select('On zoledronic acid or another bisphosphonate?', 'Yes');
    await chat.select('Denosumab stopped recently?', 'No');
    await chat.select('Renal impairment?', 'No');
    await chat.fill('Baseline ALP before this treatment (optional)', '100');
    const lead = await chat.expectReply(() => chat.press('Next'), 'Assessment');
    // The card leads with one line and the next step; the sections open with "Details".
    expect(lead).toContain('Isolated ALP elevation, 1.5x ULN · bone origin likely · no red flag');
    expect(lead).toContain('Next:');
    expect(lead).not.toContain('Interpretation');
    await chat.press('Details');
    await chat.lastCard().getByText('Interpretation', { exact: true }).waitFor();
    const assessment = await chat.lastCard().innerText();
    expect(assessment).toContain('+80% from baseline at week 6 of bortezomib');
    expect(assessment).toContain('Bone origin likely');
    expect(assessment).toContain('CTCAE v5.0 grade 1');
    expect(assessment).toMatch(/Zangari 2007.*· study/);
    expect(assessment).toContain('Content version');
    await saveScreenshotShowing(chat.page, chat.lastCard(), 'web-chat-assessment');

    // Edit an answer from the assessment: the ALP card comes back filled in, the conclusion follows the new value.
    await chat.press('Edit an answer');
    await chat.select('Which answer?', 'ALP (alkaline phosphatase)');
    await chat.expectReply(() => chat.press('Edit'), 'Step 1 of');
    expect(await chat.lastCard().getByLabel('ALP (alkaline phosphatase)', { exact: true }).inputValue()).toBe(
      '180',
    );
    await chat.fill('ALP (alkaline phosphatase)', '240');
    const edited = await chat.expectReply(() => chat.press('Next'), 'Assessment');
    expect(edited).toContain('ALP 240 U/L (2.0x ULN)');
    await chat.press('Details');
    await chat.lastCard().getByText('Interpretation', { exact: true }).waitFor();
    expect(await chat.lastCard().innerText()).toContain('+140% from baseline');

    // The note is hard-wrapped at 80 columns (continuation lines indented); read it unwrapped.
    const note = (await chat.expectReply(() => chat.press('Chart note'), 'Sources')).replace(/\n {2}/g, ' ');
    expect(note).toContain('ALP workup (multiple myeloma)');
    expect(note).toContain('ALP 240 U/L (ULN 120; 2.0x; baseline 100, +140%)');
    expect(note).toContain('GGT 30 U/L (ULN 60; 0.5x)');
    expect(note).toMatch(/Zangari M, et al\./);
  });
});

test('a pasted report with a red flag interrupts at once; acknowledged, the workup goes on; the page starts a clean new one', async () => {
  await inWebChat('web chat red flag', 'pointer', async (chat) => {
    await chat.lastCard().getByText('Start workup').waitFor();
    const flagged = await chat.expectReply(
      () => chat.send('ALP 150 (120), ALT 200 (40), AST 180 (40), bili 3.0 mg/dL (1.2)'),
      'Acknowledged, continue the workup',
    );
    expect(flagged).toContain('ALT 200 U/L (5.0x ULN)');
    expect(flagged).toContain('total bilirubin 3 mg/dL (2.5x ULN)');
    expect(flagged).toMatch(/Urgent: possible Hy.s law/);
    expect(flagged).toContain('same-day hepatology review');
    expect(flagged).toContain('FDA DILI guidance 2009');
    const redFlagCard = chat.transcript
      .locator('.ac-adaptiveCard')
      .filter({ hasText: 'Urgent: red flag' })
      .last();
    await redFlagCard.scrollIntoViewIfNeeded();
    await saveScreenshot(chat.page, 'web-chat-red-flag');

    const resumed = await chat.expectReply(
      () => chat.press('Acknowledged, continue the workup'),
      /Step \d of/,
    );
    expect(resumed).not.toContain('Urgent: red flag');

    // The acknowledged alert is answered: the page makes it read-only, as Teams replaces it.
    const acknowledged = chat.transcript
      .locator('.alp-card--answered')
      .filter({ hasText: 'Urgent: red flag' });
    expect(await acknowledged.getAttribute('inert')).toBe('');
    expect(await acknowledged.locator('button[title="Acknowledged, continue the workup"]').isVisible()).toBe(
      false,
    );

    // The page's own "New workup" button (outside the chat) opens a clean conversation: no
    // "resume or start over", nothing of the workup before.
    await chat.page.locator('#new-workup').click();
    await chat.lastCard().locator('button[title="Start workup"]').waitFor();
    const fresh = await chat.transcriptText();
    expect(fresh).not.toContain('Resume or start over?');
    expect(fresh).not.toContain('Urgent: red flag');
    await chat.expectReply(() => chat.press('Start workup'), 'Step 1 of');
  });
});

/** Typed answers of the keyboard-only clinician, by the question the bot shows. */
const HEPATIC_ANSWERS: Record<string, string> = {
  'Liver panel and calcium': 'INR 1.0, Ca 2.3 mmol/L (ULN 2.6)',
  'Red-flag screen': 'temperature 36.8, WBC 7.2, CRP 3 mg/L',
  'Treatment and context': 'no treatment, no fracture, not pregnant, fasting, age 58',
  'Liver or bone?': 'no alcohol, no enzyme-inducing drugs',
  'Right upper quadrant ultrasound': 'ultrasound: normal',
  'Antimitochondrial antibody': 'AMA negative, no amyloidosis, no heart failure',
};

test('keyboard alone: every card input has a label and a whole workup completes without a click', async () => {
  await inWebChat('web chat keyboard only', 'keyboard', async (chat) => {
    await chat.lastCard().getByText('Start workup').waitFor();
    await chat.expectReply(() => chat.press('Start workup'), 'Step 1 of');
    await chat.fill('ALP (alkaline phosphatase)', '300');
    expect(await chat.focusIsVisible()).toBe(true);
    await chat.fill("Your lab's ULN", '120', 'ALP (alkaline phosphatase)');
    const alpRead = await chat.expectReply(() => chat.press('Next'), 'Red-flag screen');
    expect(alpRead).toContain('ALP 300 U/L (2.5x ULN)');
    // Typed, as the card suggests: Web Chat does not send this card's "None of these" while its
    // optional Temperature is empty (adaptivecards 3 takes an empty Input.Number with min/max
    // for invalid; reported to the cards owner).
    await chat.expectReply(() => chat.send('none of these'), 'Liver panel');

    const panelRead = await chat.expectReply(
      () => chat.send('ALT 30/40, AST 35/40, bili 0.8 mg/dL (ULN 1.2), GGT 200 ULN 60'),
      NEXT_QUESTION_OR_ASSESSMENT,
    );
    expect(panelRead).toContain('GGT 200 U/L (3.3x ULN)');
    const { asked, assessment } = await answerUntilAssessment(panelRead, HEPATIC_ANSWERS, (answer) =>
      chat.expectReply(() => chat.send(answer), NEXT_QUESTION_OR_ASSESSMENT),
    );
    expect(asked).toContain('Antimitochondrial antibody');
    expect(assessment).toContain('hepatic');
    expect(assessment).toContain('Content version');

    expect(await chat.pointerPresses()).toBe(0);
    const unlabelled = await chat.unlabelledCardInputs();
    expect(unlabelled).toEqual([]);
    expect(
      await chat.page.locator('.ac-adaptiveCard input, .ac-adaptiveCard select').count(),
    ).toBeGreaterThan(10);
  });
});
