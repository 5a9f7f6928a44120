import { chromium, type Browser } from 'playwright-core';

/**
 * Debian's chromium, never a Playwright browser download (CI has no route to one). Playwright
 * gives every launch a fresh temporary profile, so no state leaks between test files.
 */
const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}
