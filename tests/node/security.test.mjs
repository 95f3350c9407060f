// Hostile input through the address bar and the search box runs nothing, and the site keeps to
// itself: no cookies, no request to another origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eventually, openPage, startSite } from './browser.mjs';

let base;
let browser;
let close;

before(async () => {
  ({ base, browser, close } = await startSite());
});

after(() => close?.());

const ATTACKS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '<svg onload=alert(1)>',
  '&lt;script&gt;alert(1)&lt;/script&gt; &amp &#x;',
];

for (const attack of ATTACKS) {
  test(`a deep link and a query with ${JSON.stringify(attack)} run nothing`, async () => {
    for (const path of [`#/n/${encodeURIComponent(attack)}`, `#/?q=${encodeURIComponent(attack)}`]) {
      const { context, page, dialogs, problems } = await openPage(browser, base + path);
      await page.waitForSelector('html[data-ready="true"]');
      // First the page must show the attack as text (a deep link to an unknown node says "Niet
      // gevonden"; a query is echoed in the status line); only then does "nothing ran" mean anything.
      if (path.startsWith('#/n/')) await page.locator('#detail h1', { hasText: 'Niet gevonden' }).waitFor();
      else await page.locator('#status', { hasText: attack }).waitFor();
      await page.keyboard.press('/');
      await page.keyboard.type(attack);
      await eventually(async () => assert.equal(await page.locator('#q').inputValue(), attack));
      await page.locator('#status', { hasText: attack }).waitFor();
      assert.deepEqual(dialogs, [], `no script ran for ${path}`);
      assert.equal(
        await page.locator('main img, main svg[onload], main script').count(),
        0,
        'nothing injected into the page',
      );
      assert.deepEqual(problems, [], 'no errors');
      await context.close();
    }
  });
}

test('the site sets no cookies and asks no other origin for anything', async () => {
  const { context, page, requests } = await openPage(browser, `${base}#/?q=rode%20vlaggen`);
  await page.waitForSelector('html[data-ready="true"]');
  await page.locator('.hit-title').first().click();
  await page.waitForURL(/#\/n\//);
  await page.locator('#detail h1').waitFor();
  assert.deepEqual(await context.cookies(), []);
  assert.equal(await page.evaluate(() => document.cookie), '');
  assert.deepEqual(
    requests.filter((url) => !url.startsWith(base)),
    [],
  );
  await context.close();
});
