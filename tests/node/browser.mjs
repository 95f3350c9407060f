// Shared by the browser tests: Debian's Chromium as this machine can run it (root, no network
// beyond loopback), and pages that record what would count against the site.
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/serve.mjs';

/** Debian's Chromium with the flags a closed, root-run machine needs. */
const CHROMIUM = {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
};

/** Launches headless Chromium; its contexts are off the record, so each starts with no cache. */
export function launch() {
  return chromium.launch(CHROMIUM);
}

/**
 * Launches headless Chromium on a profile kept in the folder `dir`, as a reader's own browser is:
 * unlike an off-the-record context, it keeps V8's cache of compiled wasm between visits.
 * `options` are the context's (viewport…).
 */
export function launchProfile(dir, options = {}) {
  return chromium.launchPersistentContext(dir, { ...CHROMIUM, ...options });
}

/**
 * Opens `url` in a fresh context and records console errors, page errors, dialogs (an injected
 * `alert` would open one) and every request.
 */
export async function openPage(browser, url, options = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const record = { problems: [], dialogs: [], requests: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') record.problems.push(message.text());
  });
  page.on('pageerror', (error) => record.problems.push(error.message));
  page.on('dialog', async (dialog) => {
    record.dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  page.on('request', (request) => record.requests.push(request.url()));
  await page.goto(url);
  return { context, page, ...record };
}

/**
 * Runs `check` (an async function that asserts) until it passes, and returns what it returns. A page
 * that is still updating after an action shows old values for a while, longer on a busy machine, so
 * every read that follows an action goes through here: never a single read, never a fixed sleep.
 * After `timeout` ms the last failure is thrown as it is.
 */
export async function eventually(check, { timeout = 20_000, interval = 50 } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() >= deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, interval));
    }
  }
}

/**
 * The contrast ratio (WCAG) of the top edge of the element `locator` finds against its own
 * background and against the first opaque background around it (across shadow roots), the lower.
 */
export function edgeContrast(locator) {
  return locator.evaluate((element) => {
    const channels = (colour) => colour.match(/[\d.]+/g).map(Number);
    const opaque = (colour) => (channels(colour)[3] ?? 1) > 0;
    const luminance = (colour) => {
      const [r, g, b] = channels(colour)
        .slice(0, 3)
        .map((c) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const ratio = (a, b) => {
      const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
      return (light + 0.05) / (dark + 0.05);
    };
    let around = element.parentElement ?? element.getRootNode().host;
    while (around && !opaque(getComputedStyle(around).backgroundColor)) {
      around = around.parentElement ?? around.getRootNode().host;
    }
    const edge = getComputedStyle(element).borderTopColor;
    const own = getComputedStyle(element).backgroundColor;
    const outside = around ? getComputedStyle(around).backgroundColor : 'rgb(255, 255, 255)';
    return Math.min(opaque(own) ? ratio(edge, own) : Infinity, ratio(edge, outside));
  });
}

/** Serves www/ on a free port and launches Chromium, for one test file; `close` ends both. */
export async function startSite() {
  const { server, url } = await serve({ port: 0 });
  const browser = await launch();
  return {
    base: url,
    browser,
    close: async () => {
      await browser.close();
      server.close();
    },
  };
}
