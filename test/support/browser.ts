/**
 * Test support: Debian's Chromium driven by playwright-core, headless, as the explorer's
 * browser tests need it — one browser per test file, pages that record every console error
 * and uncaught exception (a test fails on any), and a clear message when Chromium or the
 * built explorer is missing.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { WEB_ROOT } from './sample-server.ts';
// For the type of window.topographMap.
import '../../web/src/views/map/map-probe.ts';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchChromium(test: string): Promise<Browser> {
  if (!existsSync(`${WEB_ROOT}/index.html`)) {
    throw new Error(
      `${test}: ${WEB_ROOT}/index.html is missing; run \`npm run build\` (vite build) first`,
    );
  }
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `${test}: no Chromium at ${CHROMIUM_PATH}; set CHROMIUM_PATH to a Chromium binary`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** A page of `size`, whose console errors and uncaught exceptions land in `errors`. */
export async function watchedPage(
  browser: Browser,
  size: { width: number; height: number },
  errors: string[],
): Promise<Page> {
  const page = await browser.newPage({ viewport: size, acceptDownloads: true });
  page.setDefaultTimeout(10_000);
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console.error: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  return page;
}

/**
 * The camera's zoom once it rests: the map's own signal (map-probe.ts `cameraAtRest`), which
 * waits out a move in progress and one the camera controller has been given but not started.
 */
export async function cameraAtRest(page: Page): Promise<number> {
  await page.waitForFunction(() => window.topographMap !== undefined);
  return (await page.evaluate(() => window.topographMap!.cameraAtRest())).ratio;
}
