import { startAgentsPlayground, type AgentsPlayground } from './support/agents-playground';
import { answerUntilAssessment, NEXT_QUESTION_OR_ASSESSMENT } from './support/answer-questions';
import { saveScreenshot, withFailureArtifacts } from './support/artifacts';
import { chromiumAndAppForFile } from './support/chromium-and-app-for-file';
import { PlaygroundPage } from './support/playground-page';

/**
 * Teams, as Microsoft 365 Agents Playground emulates it, against the product as `npm start`
 * builds it. The playground sends what Teams sends (installationUpdate and conversationUpdate on
 * install, Teams channel data, `<at>` mentions with mention entities in group chats, replyToId
 * on card submits) and renders cards with Teams' own renderer; the bot's replies travel back
 * through its Bot Connector endpoint, as they would to Teams.
 */

jest.setTimeout(240_000);

/** The playground's default name for the bot it hosts (no manifest is loaded). */
const BOT_NAME = 'Test Bot';

let playground: AgentsPlayground;
let teams: PlaygroundPage;

// Declared before the browser and the app: the page and the playground close before them.
afterAll(async () => {
  await teams?.close();
  await playground?.stop();
});
const { browser, app } = chromiumAndAppForFile();
beforeAll(async () => {
  playground = await startAgentsPlayground(`${app().origin}/api/messages`);
  teams = await PlaygroundPage.open(browser(), playground.url);
});

function occurrences(text: string, fragment: string): number {
  return text.split(fragment).length - 1;
}

test('personal chat: welcomed once on install, a workup by card and typed replies reaches the assessment', async () => {
  await withFailureArtifacts(teams.recorder, 'teams personal chat', async () => {
    // Opening the playground installs the app in the personal chat: installationUpdate, then conversationUpdate.
    await teams.waitForText('Start workup');
    expect(occurrences(await teams.messagesText(), 'ALP workup in multiple myeloma')).toBe(1);

    await teams.expectReply(() => teams.press('Start workup'), 'Step 1 of');
    await teams.fill('ALP (alkaline phosphatase)', '180');
    await teams.fill("Your lab's ULN", '120');
    // The red-flag screen and the liver panel come before the treatment context (decision 19).
    const alpRead = await teams.expectReply(() => teams.press('Next'), 'Red-flag screen');
    expect(alpRead).toContain('I read: ALP 180 U/L (1.5x ULN)');
    // Teams sends replyToId with a card submit, so the bot replaces the answered card with a read-only summary.
    await teams.waitForText('ALP: answered');
    expect(await teams.messagesText()).toContain('180 U/L, ULN 120');
    expect(await teams.page.getByLabel('ALP (alkaline phosphatase)', { exact: true }).count()).toBe(0);

    await teams.expectReply(() => teams.press('None of these'), 'Liver panel');
    const panelRead = await teams.expectReply(
      () => teams.send('ALT 25/40 AST 22/40 bili 0.6 mg/dL (1.2)'),
      'Treatment and context',
    );
    expect(panelRead).toContain('Isolated ALP elevation');

    const contextRead = await teams.expectReply(
      () => teams.send('bortezomib week 6, steroids yes, no fracture, not pregnant, fasting, age 64'),
      'Liver or bone?',
    );
    expect(contextRead).toContain('current treatment: bortezomib');
    expect(contextRead).toContain('weeks on treatment: 6');
    await teams.expectReply(() => teams.send('GGT 30 ULN 60'), 'Bone causes');
    const assessment = await teams.expectReply(
      () =>
        teams.send('no fracture, lytic lesions yes, on zoledronic acid, no denosumab, no renal impairment'),
      'Assessment',
    );
    // Teams renders the card collapsed to its lead line and next step; "Details" opens the rest in place.
    expect(assessment).toContain('Isolated ALP elevation, 1.5x ULN · bone origin likely · no red flag');
    expect(assessment).toContain('Next:');
    expect(assessment).not.toContain('Steroids in the regimen can blunt');
    await teams.press('Details');
    await teams.waitForText('Steroids in the regimen can blunt');
    const details = await teams.messagesText();
    expect(details).toContain('Bone origin likely (GGT 0.5x ULN, normal)');
    expect(details).toContain('CTCAE v5.0 grade 1');
    expect(details).toMatch(/IMWG Bone Working Group 2021 · guideline/);
    await saveScreenshot(teams.page, 'teams-personal-assessment');
  });
});

/** What the clinician in the group chat answers, by the question the bot shows (its card title). */
const HEPATIC_ANSWERS: Record<string, string> = {
  'Treatment and context': 'bortezomib week 10, steroids no, no new drugs, not pregnant, fasting, age 70',
  'Red-flag screen': 'none of these',
  'Liver panel and calcium': 'direct bili 0.9 mg/dL (ULN 0.3), INR 1.0, Ca 2.3 mmol/L (ULN 2.6)',
  'Liver or bone?': 'no alcohol, no enzyme-inducing drugs',
  'Right upper quadrant ultrasound': 'ultrasound: dilated ducts',
  'Antimitochondrial antibody': 'AMA negative, no amyloidosis, no heart failure',
  'Bone causes': 'baseline 4.0',
};

test('group chat with @mentions: a pasted SI-unit report is read and the hepatic branch reaches the assessment', async () => {
  await withFailureArtifacts(teams.recorder, 'teams group chat', async () => {
    await teams.openChat('Group Chat');
    await teams.waitForText('Start workup');

    const read = await teams.expectReply(
      () =>
        teams.sendMentioning(
          BOT_NAME,
          'alk phos 5.0 µkat/L (ULN 2.2), ALT 30/40, AST 35/40, T bili 30 µmol/L (ULN 21), GGT 200 (ULN 60)',
        ),
      /Step \d+ of \d+ ·/,
    );
    // The bot strips its own mention before reading the values: nothing of "<at>Test Bot</at>" is taken for a lab.
    expect(read).toContain('ALP 5 µkat/L = 300 U/L (2.3x ULN)');
    expect(read).toContain('total bilirubin 30 µmol/L = 1.8 mg/dL (1.4x ULN)');
    expect(read).toContain('GGT 200 U/L (3.3x ULN)');
    expect(read).toContain('Cholestatic pattern');
    expect(read).toContain('hepatic origin');
    await saveScreenshot(teams.page, 'teams-group-chat-mention');

    const { asked, assessment } = await answerUntilAssessment(read, HEPATIC_ANSWERS, (answer) =>
      teams.expectReply(() => teams.sendMentioning(BOT_NAME, answer), NEXT_QUESTION_OR_ASSESSMENT),
    );
    // The report answered the liver panel's enzymes and the origin: those questions may come back only for what is missing.
    expect(asked).toContain('Right upper quadrant ultrasound');
    expect(asked).not.toContain('Bone causes');
    expect(assessment).toContain('Cholestatic');
    await teams.press('Details');
    await teams.waitForText('MRCP');
    expect(await teams.messagesText()).toContain('ACR Appropriateness Criteria 2023');
    await saveScreenshot(teams.page, 'teams-group-chat-assessment');
  });
});

test('group chat: "restart" and "forget me" ask on a card; Teams replaces the answered confirmation with a read-only line', async () => {
  await withFailureArtifacts(teams.recorder, 'teams confirmations', async () => {
    await teams.openChat('Group Chat');
    await teams.expectReply(() => teams.sendMentioning(BOT_NAME, 'restart'), 'Start over?');
    await saveScreenshot(teams.page, 'teams-confirm-restart');
    // Teams sends replyToId with the click: the card is updated in place, its buttons gone.
    await teams.press('Keep this workup');
    await teams.waitForText('Restart: kept, nothing was cleared.');
    await teams.waitForText('Kept: your answers are as they were.');
    expect(await teams.page.locator('button[title="Clear and start over"]').count()).toBe(0);

    await teams.expectReply(() => teams.sendMentioning(BOT_NAME, 'forget me'), 'Delete all your workups?');
    await teams.press('Delete everything');
    await teams.waitForText('Forget me: confirmed.');
    await teams.waitForText('I deleted your workups and your audit entries');
    expect(await teams.page.locator('button[title="Delete everything"]').count()).toBe(0);
    const summary = await teams.expectReply(
      () => teams.sendMentioning(BOT_NAME, 'summary'),
      'Nothing entered yet',
    );
    expect(summary).not.toContain('300 U/L');
    await saveScreenshot(teams.page, 'teams-confirm-forget');
  });
});
