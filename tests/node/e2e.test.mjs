// The site end to end in Debian's headless Chromium, driven by Playwright, served with the
// strict Content-Security-Policy header. Screenshots of each view go to test-results/screenshots/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/serve.mjs';

const SCREENSHOTS = new URL('../../test-results/screenshots/', import.meta.url);
mkdirSync(SCREENSHOTS, { recursive: true });

let server;
let base;
let browser;

before(async () => {
  ({ server, url: base } = await serve({ port: 0 }));
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
});

after(async () => {
  await browser?.close();
  server?.close();
});

/** A fresh page that records console errors and every request it makes. */
async function open(path = '') {
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  const problems = [];
  const requests = [];
  page.on('console', (message) => { if (message.type() === 'error') problems.push(message.text()); });
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(base + path);
  await page.waitForSelector('html[data-ready="true"]');
  return { page, problems, requests };
}

test('typing "rode vlaggen" shows the WOREL recommendation first; it opens by keyboard and its deep link survives a reload', async () => {
  const { page, problems, requests } = await open();
  await page.keyboard.press('/');
  await page.keyboard.type('rode vlaggen');
  const first = page.locator('.hit').first();
  await assert.doesNotReject(first.locator('.hit-title').filter({ hasText: 'rode vlaggen' }).waitFor());
  assert.match(await first.locator('.badge').first().textContent(), /GPP/);
  assert.match(await first.locator('.citation').textContent(), /WOREL §4 aanbeveling 6, p\. 29/);
  assert.match(page.url(), /#\/\?q=rode%20vlaggen$/);
  await page.screenshot({ path: new URL('zoeken.png', SCREENSHOTS).pathname, fullPage: true });

  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.waitForURL(/#\/n\/worel\.alg\.rodevlaggen$/);
  const title = await page.locator('#detail h1').textContent();
  assert.match(title, /rode vlaggen/);
  assert.ok(await page.locator('#detail .layer.lay').isVisible(), 'the lay explanation is shown');
  await page.screenshot({ path: new URL('detail.png', SCREENSHOTS).pathname, fullPage: true });

  await page.reload();
  await page.waitForSelector('html[data-ready="true"]');
  assert.equal(await page.locator('#detail h1').textContent(), title);

  // Follow a graph link to the list of red flags.
  await page.locator('#detail .links a[href="#/n/worel.alg.rodevlaggen.lijst"]').first().click();
  await page.waitForURL(/#\/n\/worel\.alg\.rodevlaggen\.lijst$/);
  assert.equal(await page.locator('#detail .layer.main li').count(), 10);

  assert.deepEqual(problems, [], 'no console errors (CSP violations show up there)');
  assert.deepEqual(requests.filter((url) => !url.startsWith(base)), [], 'no request leaves the page\'s own origin');
  await page.close();
});

test('an unknown deep link says so instead of breaking', async () => {
  const { page } = await open('#/n/worel.bestaat.niet');
  assert.equal(await page.locator('#detail h1').textContent(), 'Niet gevonden');
  await page.close();
});
