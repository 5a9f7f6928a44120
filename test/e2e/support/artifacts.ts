import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';

/** Git-ignored; CI keeps it as the build's artifacts. */
export const RESULTS_DIR = path.resolve(__dirname, '..', '..', '..', 'test-results');

function artifactPath(fileName: string): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  return path.join(RESULTS_DIR, fileName);
}

function slug(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export async function saveScreenshot(page: Page, name: string): Promise<string> {
  const file = artifactPath(`${slug(name)}.png`);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}

/**
 * The page with `element` shown whole: the window grows to fit it, since the transcript keeps
 * itself scrolled to its end and a long card (the assessment) is otherwise cut at the top.
 */
export async function saveScreenshotShowing(page: Page, element: Locator, name: string): Promise<string> {
  const viewport = page.viewportSize();
  const box = await element.boundingBox();
  if (viewport === null || box === null) return saveScreenshot(page, name);
  await page.setViewportSize({ width: viewport.width, height: Math.ceil(viewport.height + box.height) });
  await element.evaluate((target) => target.scrollIntoView({ block: 'end' }));
  try {
    return await saveScreenshot(page, name);
  } finally {
    await page.setViewportSize(viewport);
  }
}

/**
 * Collects what a page logged and requested from the moment it is attached, so that a failing
 * test can leave behind what the browser saw, and a passing one can assert on the requests.
 */
export class PageRecorder {
  readonly requests: string[] = [];
  readonly consoleLines: string[] = [];

  constructor(readonly page: Page) {
    page.on('request', (request) => this.requests.push(request.url()));
    page.on('console', (message) => this.consoleLines.push(`[${message.type()}] ${message.text()}`));
    page.on('pageerror', (error) => this.consoleLines.push(`[pageerror] ${error.message}`));
    page.on('requestfailed', (request) =>
      this.consoleLines.push(`[requestfailed] ${request.url()} ${request.failure()?.errorText ?? ''}`),
    );
  }

  /** Every request whose origin is not `origin`. */
  requestsOutside(origin: string): string[] {
    return this.requests.filter((url) => new URL(url).origin !== origin);
  }

  async saveFailureArtifacts(testName: string): Promise<void> {
    const base = `failed-${slug(testName)}`;
    writeFileSync(artifactPath(`${base}.console.log`), this.consoleLines.join('\n') + '\n');
    writeFileSync(artifactPath(`${base}.requests.log`), this.requests.join('\n') + '\n');
    if (!this.page.isClosed())
      await this.page.screenshot({ path: artifactPath(`${base}.png`), fullPage: true });
  }
}

/**
 * Runs a browser scenario and, when it throws, leaves a screenshot and the console log in
 * test-results/ before rethrowing: a red CI run then shows what the clinician would have seen.
 */
export async function withFailureArtifacts(
  recorder: PageRecorder,
  testName: string,
  scenario: () => Promise<void>,
): Promise<void> {
  try {
    await scenario();
  } catch (error) {
    // The scenario's own error is the one worth reporting; a failed screenshot must not mask it.
    await recorder.saveFailureArtifacts(testName).catch(() => undefined);
    throw error;
  }
}
