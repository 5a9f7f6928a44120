import type { Browser } from 'playwright-core';
import { launchChromium } from './chromium';
import { startRealApp, type RealApp } from './real-app';

export interface ChromiumAndApp {
  /** The file's Chromium; from its beforeAll on. */
  browser(): Browser;
  /** The file's app (in process, SQLite in a temporary directory); from its beforeAll on. */
  app(): RealApp;
}

/**
 * One Chromium and one real app for the test file, launched together in a beforeAll and closed in
 * an afterAll (the browser first, so no page polls a stopped server). jest runs hooks in the order
 * they are declared: a beforeAll declared before this call (servers whose URLs go into `env`) runs
 * before the launch; an afterAll declared after it runs once both are closed.
 */
export function chromiumAndAppForFile(
  env: Record<string, string> | (() => Record<string, string>) = {},
): ChromiumAndApp {
  let browser: Browser | undefined;
  let app: RealApp | undefined;

  beforeAll(async () => {
    // Settled, not raced: whichever of the two started is closed in afterAll even if the other failed.
    const [launched, started] = await Promise.allSettled([
      launchChromium(),
      startRealApp(typeof env === 'function' ? env() : env),
    ]);
    if (launched.status === 'fulfilled') browser = launched.value;
    if (started.status === 'fulfilled') app = started.value;
    for (const outcome of [launched, started]) if (outcome.status === 'rejected') throw outcome.reason;
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  const there = <T>(value: T | undefined, what: string): T => {
    if (value === undefined)
      throw new Error(`The file's ${what} is not there: its beforeAll failed or has not run.`);
    return value;
  };
  return { browser: () => there(browser, 'Chromium'), app: () => there(app, 'app') };
}
