// The site as the browser tests meet it: served with its strict Content-Security-Policy header,
// fresh pages that record what would count against the site, axe-core runs and screenshots.
// `useSite()` registers the hooks of one test file and returns what its tests call.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { openPage, startSite } from './browser.mjs';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const SCREENSHOTS = new URL('../../test-results/screenshots/', import.meta.url);

/** The path of a screenshot named `name` in test-results/screenshots/. */
export function shot(name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return new URL(`${name}.png`, SCREENSHOTS).pathname;
}

/** Waits until the app has rendered its first view. */
export async function ready(page) {
  await page.waitForSelector('html[data-ready="true"]');
}

/**
 * Loads `url` as a new document and waits until the app has rendered it. A `goto` that changes only
 * the hash keeps the old document, whose `data-ready` is already set while the new view may not be.
 */
export async function visit(page, url) {
  await page.goto('about:blank');
  await page.goto(url);
  await ready(page);
}

/**
 * Serves www/ and launches Chromium for the test file that calls it (in its before/after hooks).
 * Returns `site`: `site.base` (the URL, once the hooks ran), `site.browser`, `site.open()`, `site.openHolding()` and
 * `site.axeViolations()`.
 */
export function useSite() {
  const site = {};
  let close;
  let axeContext;
  before(async () => {
    ({ base: site.base, browser: site.browser, close } = await startSite());
    // axe is injected as a script, which the CSP forbids: this context alone bypasses the CSP.
    axeContext = await site.browser.newContext({
      bypassCSP: true,
      viewport: { width: 1100, height: 900 },
      serviceWorkers: 'block',
    });
  });
  after(async () => {
    await axeContext?.close();
    await close?.();
  });

  /**
   * The WCAG 2.2 A/AA violations axe-core finds on a view (every disclosure opened), as strings. A
   * `page` given is reused (its viewport counts); otherwise a page of the desktop axe context.
   */
  site.axeViolations = async (url, page = null) => {
    const own = page === null;
    const axePage = page ?? (await axeContext.newPage());
    await visit(axePage, url);
    await axePage.evaluate(() => {
      for (const d of document.querySelectorAll('details')) d.open = true;
    });
    await axePage.addScriptTag({ content: AXE_SOURCE });
    const result = await axePage.evaluate((tags) => window.axe.run(document, { runOnly: tags }), AXE_TAGS);
    if (own) await axePage.close();
    assert.ok(result.passes.length > 10, `axe ran on ${url}`);
    return result.violations.map(
      (v) =>
        `${url.slice(site.base.length)}: ${v.id} (${v.impact}): ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(' | ')}`,
    );
  };

  /** A page of the axe context (which may inject axe despite the CSP) at `viewport`. */
  site.axePage = async ({ width, height }) => {
    const page = await axeContext.newPage();
    await page.setViewportSize({ width, height });
    return page;
  };

  /**
   * A fresh page (in its own context) at `path`, recording console errors and every request.
   * `done()` asserts no console error, no axe violation on the view it ended on (at the same
   * viewport) and no request outside the site's origin, then closes the context.
   */
  site.open = async (path = '', { width = 1100, height = 900, serviceWorkers = 'block', ...options } = {}) => {
    const { context, page, problems, requests } = await openPage(site.browser, site.base + path, {
      viewport: { width, height },
      serviceWorkers,
      ...options,
    });
    await ready(page);
    const done = async () => {
      assert.deepEqual(problems, [], 'no console errors (CSP violations show up there)');
      const axePage = await site.axePage({ width, height });
      const violations = await site.axeViolations(page.url(), axePage);
      await axePage.close();
      assert.deepEqual(violations, [], 'axe-core finds no WCAG 2.2 A/AA violations');
      assert.deepEqual(
        requests.filter((url) => !url.startsWith(site.base)),
        [],
        "no request leaves the page's own origin",
      );
      await context.close();
    };
    return { page, context, problems, requests, done };
  };
  /**
   * A fresh page at `path` whose requests matching `held` (glob patterns; the module's wasm by
   * default) are held back until `release()` is called, as on a slow network; `problems` collects
   * console errors, `asked()` says whether a held request was made.
   */
  site.openHolding = async (path, { held = ['**/pkg/pijnwijzer_bg.wasm'], width = 1100, height = 900 } = {}) => {
    const context = await site.browser.newContext({ viewport: { width, height }, serviceWorkers: 'block' });
    let release;
    const holding = new Promise((resolve) => {
      release = resolve;
    });
    let asked = false;
    for (const pattern of held) {
      await context.route(pattern, async (route) => {
        asked = true;
        await holding;
        await route.continue();
      });
    }
    const page = await context.newPage();
    const problems = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(site.base + path);
    return { context, page, problems, release, asked: () => asked };
  };
  return site;
}

/** Waits until the service worker controls `page`, as it does from a first visit on. */
export async function untilControlled(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) =>
        navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }),
      );
    }
  });
}
