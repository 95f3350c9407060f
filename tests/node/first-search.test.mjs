// The site's first search (README, "The first search"): on a page opened on a search, the first
// results come from the search's files (www/pkg/search/), read by a small module in a worker,
// before the module with all the content has loaded. They must be the module's own hits; the page
// must show them while the module is still on its way, then let the module take over without the
// reader losing their place; and without the files, the module answers as always.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { parse as parseToml } from 'smol-toml';
import { eventually } from './browser.mjs';
import { useSite, ready, untilControlled } from './site.mjs';
import * as site_module from '../../www/pkg/pijnwijzer.js';
import * as first from '../../www/pkg/search/pijnwijzer_search.js';

const www = new URL('../../www/', import.meta.url);
site_module.initSync({ module: readFileSync(new URL('pkg/pijnwijzer_bg.wasm', www)) });
first.initSync({ module: readFileSync(new URL('pkg/search/pijnwijzer_search_bg.wasm', www)) });

const site = useSite();

/** Every query of the relevance question files. */
function queries() {
  const dir = new URL('../relevance/', import.meta.url);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.toml'))
    .flatMap((name) => parseToml(readFileSync(new URL(name, dir), 'utf8')).question.map((q) => q.query));
}

/** The first search's hits for `query`, adding the files it asks for as the worker does. */
function firstSearch(query, options) {
  for (let round = 0; round < 3; round += 1) {
    const answer = first.searchFiles(query, options);
    if (answer.hits) return answer.hits;
    for (const name of answer.needs) first.addSearchFile(readFileSync(new URL(`pkg/search/${name}`, www)));
  }
  throw new Error(`"${query}" still needs files`);
}

test("the site's first search gives the site module's hits for every question, as the site asks", () => {
  const vocabulary = first.openSearchFiles(readFileSync(new URL('pkg/search/index.bin', www)));
  assert.deepEqual(vocabulary, site_module.vocabulary(), 'the labels the hits are shown with');
  const all = queries();
  assert.ok(all.length > 500, `${all.length} questions`);
  for (const query of all) {
    // As app.js asks: 20 shown and one more, the last word being typed; a patient or not.
    for (const options of [
      { limit: 21, prefix: true },
      { limit: 21, prefix: true, audience: 'patient' },
    ]) {
      assert.equal(
        JSON.stringify(firstSearch(query, options)),
        JSON.stringify(site_module.search(query, options)),
        `"${query}" with ${JSON.stringify(options)}`,
      );
    }
  }
  assert.throws(() => first.addSearchFile(new Uint8Array([1, 2, 3])), { code: 'unavailable' });
  assert.throws(() => first.searchFiles('pijn', { limit: 'veel' }), { code: 'invalid-argument' });
});

const titles = (page) => page.locator('#results a.hit-title').allTextContents();

/**
 * Waits until `page` shows the site module's hits for `query` as app.js asks for them (20 shown, the
 * last word being typed; `audience` as given), by the titles the page shows.
 */
async function showsTheModulesHits(page, query, audience = undefined) {
  const expected = site_module.search(query, { limit: 21, prefix: true, audience }).slice(0, 20);
  const shown = (hit) => (audience === 'patient' ? (hit.layTitle ?? hit.title) : hit.title);
  await eventually(async () => assert.deepEqual(await titles(page), expected.map(shown)));
}

test('a page opened on a search shows the first results before the module, which then takes over in place', async () => {
  const { context, page, problems, release, asked } = await site.openHolding('#/?q=rode%20vlaggen');
  // While the module is held back, the hits are there, in the module's order, with their snippets.
  await showsTheModulesHits(page, 'rode vlaggen');
  assert.equal(await page.locator('#results .snippet mark').first().textContent(), 'rode');
  assert.match(await page.locator('#status').textContent(), /^15 resultaten voor "rode vlaggen"$/);
  assert.equal(await page.locator('html').getAttribute('data-ready'), null, 'the module is not in yet');
  // A reader who moves to the third hit meanwhile stays there when the module draws the view again,
  // and a screen reader does not hear the status line, which says the same, a second time.
  await page.locator('#results a.hit-title').nth(2).focus();
  await page.evaluate(() => {
    window.statusChanges = 0;
    new MutationObserver((changes) => {
      window.statusChanges += changes.length;
    }).observe(document.getElementById('status'), { childList: true, characterData: true, subtree: true });
  });
  assert.ok(asked(), 'the module is asked for once the first results are shown');
  release();
  await ready(page);
  await showsTheModulesHits(page, 'rode vlaggen');
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.index), '2');
  assert.equal(await page.evaluate(() => window.statusChanges), 0);
  // The module's own additions are there now: a patient's questions, unknown words.
  await page.locator('#q').fill('rode vlaggen xyzzy');
  await eventually(async () => assert.match(await page.locator('#status').textContent(), /‘xyzzy’ staat nergens/));
  assert.deepEqual(problems, []);
  await context.close();
});

test('a patient opened on a search gets the patient hits first, under their lay titles', async () => {
  const { context, page, problems, release } = await site.openHolding('#/?q=wat%20kan%20ik%20zelf%20doen&voor=patient');
  await showsTheModulesHits(page, 'wat kan ik zelf doen', 'patient');
  assert.equal(await page.locator('#mode-patient').getAttribute('aria-pressed'), 'true');
  release();
  await ready(page);
  assert.deepEqual(problems, []);
  await context.close();
});

test('without the search files, the module answers the search as always', async () => {
  const context = await site.browser.newContext({ serviceWorkers: 'block' });
  // The search module's JavaScript is there, its wasm and files are not: the worker starts, and
  // cannot open them.
  for (const files of ['**/pkg/search/*.bin', '**/pkg/search/*.wasm']) {
    await context.route(files, (route) => route.fulfill({ status: 404, body: 'gone' }));
  }
  const page = await context.newPage();
  const warnings = [];
  page.on('console', (message) => {
    if (message.type() === 'warning') warnings.push(message.text());
  });
  await page.goto(`${site.base}#/?q=tramadol`);
  await ready(page);
  await showsTheModulesHits(page, 'tramadol');
  // The worker said the files did not open, so the page did not wait out its patience for them.
  assert.ok(
    warnings.some((text) => text.startsWith('pijnwijzer: the first results wait for the module')),
    `${warnings}`,
  );
  await context.close();
});

test('on a slow network the page waits for the first results while their files keep coming, not for a fixed time', async () => {
  // Every file of the first search takes 1.5 s: its three rounds (the small module and index.bin,
  // the postings, the hits' files) take longer than the 3 s the page once waited in all. The module
  // is more than twice their bytes, so it is asked for only once the first results are drawn.
  const context = await site.browser.newContext({ serviceWorkers: 'block' });
  await context.route('**/pkg/search/**', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.continue();
  });
  await context.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (document.querySelector('#results li.hit')) {
        self.firstHitAt = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  const page = await context.newPage();
  await page.goto(`${site.base}#/?q=rode%20vlaggen`);
  await ready(page);
  await showsTheModulesHits(page, 'rode vlaggen');
  const { firstHitAt, moduleAskedAt } = await page.evaluate(() => ({
    firstHitAt: self.firstHitAt,
    moduleAskedAt: performance.getEntriesByName(new URL('pkg/pijnwijzer_bg.wasm', location.href).href)[0]?.startTime,
  }));
  assert.ok(firstHitAt > 4500, `the first search's three rounds took ${firstHitAt} ms`);
  assert.ok(
    moduleAskedAt >= firstHitAt,
    `the module was asked for at ${moduleAskedAt} ms, the first hit drawn at ${firstHitAt} ms`,
  );
  await context.close();
});

test('a first search that stalls is left to the module', async () => {
  // The hits' files never come: after the page's patience with no progress, the module answers.
  const { context, page, problems, release } = await site.openHolding('#/?q=rode%20vlaggen', {
    held: ['**/pkg/search/node-*.bin'],
  });
  await ready(page);
  await showsTheModulesHits(page, 'rode vlaggen');
  assert.deepEqual(problems, []);
  release();
  await context.close();
});

test('a page that is not a search loads the module at once, and no search file', async () => {
  const { page, requests, done } = await site.open('#/medicatie');
  assert.ok(requests.some((url) => url.endsWith('/pkg/pijnwijzer_bg.wasm')));
  assert.deepEqual(
    requests.filter((url) => url.includes('/pkg/search/') || url.includes('first-search')),
    [],
  );
  await eventually(async () => assert.ok(await page.locator('#view-page h1').first().isVisible()));
  await done();
});

test('a reader who comes back, the module in the service worker’s cache, gets the module at once and no search file', async () => {
  const { page, context, requests, done } = await site.open('', { serviceWorkers: 'allow' });
  await untilControlled(page);
  const again = await context.newPage();
  const asked = [];
  again.on('request', (request) => asked.push(request.url()));
  await again.goto(`${site.base}#/?q=tramadol`);
  await ready(again);
  await showsTheModulesHits(again, 'tramadol');
  assert.deepEqual(
    asked.filter((url) => url.includes('/pkg/search/') || url.includes('first-search')),
    [],
  );
  assert.ok(asked.some((url) => url.endsWith('/pkg/pijnwijzer_bg.wasm')));
  assert.ok(requests.length > 0);
  await again.close();
  await done();
});
