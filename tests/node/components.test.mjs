// The embeddable custom elements (<pijn-checklist>, <pijn-uitleg>, <pijn-zoeken>) and the page that
// shows educators how to embed them (embed.html), in Debian's headless Chromium through Playwright,
// served with the strict Content-Security-Policy header. Each element is tested on a bare page
// (www/embed-test/*.html: a script tag and the element, nothing else) as an educator would paste it.
// The expected content comes from the same package, loaded in Node. Screenshots go to
// test-results/screenshots/embed-*.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { edgeContrast, eventually, openPage, startSite } from './browser.mjs';
import {
  initSync,
  checklist,
  lay,
  node,
  redFlags,
  search,
  suggestQuestions,
  unknownWords,
} from '../../pkg/pijnwijzer.js';

initSync({ module: readFileSync(new URL('../../pkg/pijnwijzer_bg.wasm', import.meta.url)) });

const ROOT = new URL('../../', import.meta.url);
const SCREENSHOTS = new URL('test-results/screenshots/', ROOT);
mkdirSync(SCREENSHOTS, { recursive: true });
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const BLUE = 'rgb(11, 92, 171)'; // the default --pijn-accent
const PLUM = 'rgb(122, 31, 92)'; // the accent embed-test/thema.css and embed.css set

let base;
let browser;
let close;

before(async () => {
  ({ base, browser, close } = await startSite());
});

after(() => close?.());

/** A fresh context and page that record console errors and every request. */
async function open(path, { viewport = { width: 900, height: 900 }, permissions = [] } = {}) {
  const opened = await openPage(browser, base + path, { viewport });
  if (permissions.length) await opened.context.grantPermissions(permissions, { origin: base.replace(/\/$/, '') });
  return opened;
}

/** The checks every page must pass: no console error (CSP violations show there), nothing off-site. */
function clean({ problems, requests }) {
  assert.deepEqual(problems, [], 'no console errors');
  assert.deepEqual(
    requests.filter((url) => !url.startsWith(base)),
    [],
    'no request leaves the origin',
  );
}

const text = (value) => value.replace(/\s+/g, ' ').trim();
/** Text without list markers and spacing, to compare the module's plain text with rendered HTML. */
const words = (value) => value.replace(/^- /gm, '').replace(/\s+/g, '');
/** The text of `locator` as it reads, without the glossary definitions explainTerms puts beside each term. */
const readText = (locator) =>
  locator.evaluate((node) => {
    const copy = node.cloneNode(true);
    for (const note of copy.querySelectorAll('.term-definition')) note.remove();
    return copy.textContent;
  });
const shot = (page, name, options = {}) =>
  page.screenshot({ path: new URL(`embed-${name}.png`, SCREENSHOTS).pathname, fullPage: true, ...options });

/** Waits until every Pijnwijzer element on the page has rendered (no "Bezig met laden…" left). */
function rendered(page) {
  return page.waitForFunction(() =>
    [...document.querySelectorAll('pijn-checklist, pijn-uitleg, pijn-zoeken')].every(
      (element) =>
        element.shadowRoot &&
        element.shadowRoot.querySelector('.body') &&
        !element.shadowRoot.querySelector('.loading'),
    ),
  );
}

/** Runs axe-core on a page of its own, in a context that bypasses the CSP so axe can be injected. */
async function axe(path, { tags = null, prepare = null } = {}) {
  const context = await browser.newContext({ bypassCSP: true, viewport: { width: 900, height: 900 } });
  const page = await context.newPage();
  await page.goto(base + path);
  await rendered(page);
  if (prepare) await prepare(page);
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(
    (only) => window.axe.run(document, only ? { runOnly: { type: 'tag', values: only } } : {}),
    tags,
  );
  await context.close();
  const summary = result.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  assert.deepEqual(summary, [], `axe-core on ${path}`);
}

test('the package ships the components beside the module, and the site serves the same files', () => {
  const sources = readdirSync(new URL('www/components/', ROOT))
    .filter((name) => name.endsWith('.js'))
    .sort();
  assert.deepEqual(sources, ['pijn-checklist.js', 'pijn-uitleg.js', 'pijn-zoeken.js', 'shared.js', 'terms.js']);
  for (const name of sources) {
    const source = readFileSync(new URL(`www/components/${name}`, ROOT), 'utf8');
    for (const copy of ['pkg/components/', 'www/pkg/components/']) {
      assert.equal(
        readFileSync(new URL(copy + name, ROOT), 'utf8'),
        source,
        `${copy}${name} is current (run scripts/build.sh)`,
      );
    }
    assert.doesNotMatch(
      source,
      /\.style\b|'style'\s*[:,]|style="|eval\(|new Function/,
      `${name}: no style attributes, no eval`,
    );
  }
  // Imported when first needed, so that a missing module leaves the elements defined to say so.
  assert.match(readFileSync(new URL('www/components/shared.js', ROOT), 'utf8'), /import\('\.\.\/pijnwijzer\.js'\)/);
});

test("the site serves the package's module without the FHIR export, and it answers alike", async () => {
  const packaged = await import(new URL('pkg/pijnwijzer.js', ROOT));
  const site = await import(new URL('www/pkg/pijnwijzer.js', ROOT));
  const exports = (module) => Object.keys(module).sort();
  assert.deepEqual(
    exports(site),
    exports(packaged).filter((name) => name !== 'exportFhir'),
    'www/pkg/pijnwijzer.js exports what the package does, but exportFhir (run scripts/build.sh)',
  );
  assert.ok(exports(packaged).includes('exportFhir'), 'the package keeps exportFhir');
  site.initSync({ module: readFileSync(new URL('www/pkg/pijnwijzer_bg.wasm', ROOT)) });
  const ids = (hits) => hits.map((hit) => hit.id);
  for (const query of ['rode vlaggen', 'mag ik sporten met pijn', 'tramadol']) {
    assert.deepEqual(ids(site.search(query)), ids(search(query)), query);
  }
  assert.equal(site.version().content, packaged.version().content);
});

test('<pijn-checklist> on a bare page: title, intro, items with their origins, source; styled under the CSP', async () => {
  const expected = checklist('zs.checklist.pijneducatie');
  const session = await open('embed-test/checklist.html');
  const { page } = session;
  const element = page.locator('pijn-checklist');
  await element.locator('.item').first().waitFor();
  await eventually(async () => assert.equal(await element.locator('.title').textContent(), expected.title));
  await eventually(async () =>
    assert.equal(words(await element.locator('.intro').textContent()), words(expected.intro.text)),
  );
  const boxes = element.locator('.item input[type="checkbox"]');
  await eventually(async () => assert.equal(await boxes.count(), expected.items.length));
  for (const [index, item] of expected.items.entries()) {
    const row = element.locator('.item').nth(index);
    await eventually(async () => assert.equal(text(await row.locator('label').textContent()), text(item.text)));
    // Each checkbox is named by its label (a real <label for>).
    await eventually(async () =>
      assert.equal(
        text(await element.getByRole('checkbox', { name: text(item.text), exact: true }).getAttribute('id')),
        `punt-${index}`,
      ),
    );
    if (item.origin) assert.ok((await row.locator('.origin').textContent()).includes(item.origin.citation));
  }
  await eventually(async () =>
    assert.equal(await element.locator('.source').textContent(), `Bron: ${expected.source.citation}`),
  );
  await eventually(async () =>
    assert.equal(await element.locator('.lay').count(), 0, 'no lay text without voor="patient"'),
  );
  await eventually(async () =>
    assert.equal(await element.locator('a').count(), 0, 'internal links become text on a foreign page'),
  );
  // The constructed stylesheet applies although the CSP forbids inline styles.
  const reset = element.getByRole('button', { name: 'Wis alles' });
  await eventually(async () =>
    assert.equal(await reset.evaluate((button) => getComputedStyle(button).borderTopColor), BLUE),
  );
  await eventually(async () =>
    assert.equal(await element.evaluate((host) => getComputedStyle(host).borderTopStyle), 'solid'),
  );
  await shot(page, 'checklist');
  // A checklist by id came from its own small file: the module was never downloaded.
  const fetched = (part) => session.requests.some((url) => new URL(url).pathname.endsWith(part));
  assert.ok(fetched('/pkg/checklist/zs.checklist.pijneducatie.json'), 'the checklist file was fetched');
  assert.ok(!fetched('.wasm') && !fetched('/pijnwijzer.js'), 'the module was not downloaded');
  clean(session);
  await session.context.close();
});

test("<pijn-checklist> puts each of the source's headings over its own items; for a patient, the plain words first and the items marked as for care providers", async () => {
  const id = 'worel.edu.checklist.pijneducatie';
  const expected = checklist(id);
  assert.ok(expected.groups.length >= 3 && expected.lay, 'premise: headings and a lay text');
  const session = await open('embed-test/checklist.html');
  const { page } = session;
  const element = page.locator('pijn-checklist');
  await element.locator('.item').first().waitFor();
  await element.evaluate((host, wanted) => host.setAttribute('checklist', wanted), id);
  await eventually(async () => assert.equal(await element.locator('.title').textContent(), expected.title));
  // Each heading, then a list of exactly the items up to the next heading.
  const shown = () =>
    element
      .locator('.body')
      .evaluate((body) =>
        [...body.querySelectorAll('.group, ol.items')].map((node) =>
          node.matches('.group') ? { heading: node.textContent, level: node.localName } : node.children.length,
        ),
      );
  const wanted = expected.groups.flatMap((group, k) => [
    { heading: group.title, level: 'h3' },
    (expected.groups[k + 1]?.first ?? expected.items.length) - group.first,
  ]);
  await eventually(async () => assert.deepEqual(await shown(), wanted));
  assert.equal(await element.locator('.intro h3, .intro h4').count(), 0, 'no heading left in the intro');

  await element.evaluate((host) => host.setAttribute('voor', 'patient'));
  const order = () =>
    element
      .locator('.body')
      .evaluate((body) =>
        [...body.querySelectorAll('.lay, .subtitle, .for-professionals, .intro, .group')].map((n) => n.className),
      );
  await eventually(async () =>
    assert.deepEqual((await order()).slice(0, 5), ['lay', 'subtitle', 'subtitle', 'for-professionals', 'intro']),
  );
  await eventually(async () =>
    assert.deepEqual(await element.locator('.subtitle').allTextContents(), [
      'In gewone woorden',
      'Voor zorgverleners: de punten uit de richtlijn',
    ]),
  );
  await eventually(async () =>
    assert.deepEqual(
      await shown(),
      wanted.map((part) => (typeof part === 'number' ? part : { ...part, level: 'h4' })),
    ),
  );
  clean(session);
  await session.context.close();
});

test('<pijn-checklist> keeps ticks in localStorage across a reload; "Wis alles" clears them', async () => {
  const id = 'zs.checklist.pijneducatie';
  const total = checklist(id).items.length;
  const session = await open('embed-test/checklist.html');
  const { page } = session;
  const boxes = page.locator('pijn-checklist .item input');
  await boxes.first().waitFor();
  // By keyboard: the first checkbox is the first stop on the page.
  await page.keyboard.press('Tab');
  await eventually(async () =>
    assert.equal(
      await page.evaluate(() => document.querySelector('pijn-checklist').shadowRoot.activeElement?.id),
      'punt-0',
    ),
  );
  await page.keyboard.press('Space');
  // By clicking a label.
  await page.locator('pijn-checklist label[for="punt-2"]').click();
  await eventually(async () =>
    assert.equal(await page.evaluate((key) => localStorage.getItem(key), `pijnwijzer:checklist:${id}`), '[0,2]'),
  );
  await eventually(async () =>
    assert.match(await page.locator('pijn-checklist .progress').textContent(), new RegExp(`2 van ${total} afgevinkt`)),
  );

  await page.reload();
  await boxes.first().waitFor();
  await eventually(async () =>
    assert.deepEqual(
      await boxes.evaluateAll((all) => all.flatMap((box, index) => (box.checked ? [index] : []))),
      [0, 2],
    ),
  );
  await eventually(async () =>
    assert.match(await page.locator('pijn-checklist .progress').textContent(), new RegExp(`2 van ${total} afgevinkt`)),
  );

  await page.evaluate(() => {
    window.changes = [];
    document.addEventListener('pijn-checklist-change', (event) => window.changes.push(event.detail));
  });
  await page.locator('pijn-checklist').getByRole('button', { name: 'Wis alles' }).click();
  await eventually(async () =>
    assert.deepEqual(await boxes.evaluateAll((all) => all.filter((box) => box.checked).length), 0),
  );
  await eventually(async () =>
    assert.deepEqual(await page.evaluate(() => window.changes), [{ id, checked: [], total, index: null }]),
  );
  await eventually(async () =>
    assert.equal(await page.evaluate((key) => localStorage.getItem(key), `pijnwijzer:checklist:${id}`), null),
  );
  await eventually(async () =>
    assert.match(await page.locator('pijn-checklist .progress').textContent(), new RegExp(`gewist.*0 van ${total}`)),
  );
  await page.reload();
  await boxes.first().waitFor();
  await eventually(async () =>
    assert.equal(await boxes.evaluateAll((all) => all.filter((box) => box.checked).length), 0),
  );

  // The site may store a list of booleans, one per item: read as the same ticks.
  await page.evaluate((key) => localStorage.setItem(key, '[true,false,true]'), `pijnwijzer:checklist:${id}`);
  await page.reload();
  await boxes.first().waitFor();
  await eventually(async () =>
    assert.deepEqual(
      await boxes.evaluateAll((all) => all.flatMap((box, index) => (box.checked ? [index] : []))),
      [0, 2],
    ),
  );

  // A damaged stored value is ignored, not fatal.
  await page.evaluate((key) => localStorage.setItem(key, '{kapot'), `pijnwijzer:checklist:${id}`);
  await page.reload();
  await boxes.first().waitFor();
  await eventually(async () => assert.equal(await boxes.count(), total));

  // Two elements with the same checklist on one page stay in step.
  await page.evaluate(() => {
    const second = document.createElement('pijn-checklist');
    second.setAttribute('checklist', 'zs.checklist.pijneducatie');
    second.id = 'tweede';
    document.body.append(second);
  });
  await page.locator('#tweede .item').first().waitFor();
  await page.locator('pijn-checklist').first().locator('label[for="punt-4"]').click();
  await eventually(async () => assert.equal(await page.locator('#tweede input#punt-4').isChecked(), true));
  // Both show the count; only the element the reader ticked in says it to a screen reader.
  const said = (element) => element.locator('[role="status"]').textContent();
  await eventually(async () => assert.match(await said(page.locator('pijn-checklist').first()), /1 van \d+ afgevinkt/));
  assert.match(await page.locator('#tweede .progress').textContent(), /1 van \d+ afgevinkt/);
  assert.equal(await said(page.locator('#tweede')), '');
  clean(session);
  await session.context.close();
});

test('<pijn-checklist> re-renders on attribute changes: voor="patient" adds the lay text; an unknown id says so in Dutch; a title takes the module; print hides the buttons', async () => {
  const session = await open('embed-test/checklist.html');
  const { page } = session;
  const element = page.locator('pijn-checklist');
  await element.locator('.item').first().waitFor();

  await element.evaluate((host) => host.setAttribute('voor', 'patient'));
  await element.locator('.lay').waitFor();
  await eventually(async () => assert.equal(await element.locator('.lay h3').textContent(), 'In gewone woorden'));
  // A patient reads the title in a patient's words.
  const { layTitle } = checklist('zs.checklist.pijneducatie');
  assert.ok(layTitle, 'premise: the checklist has a lay title');
  await eventually(async () => assert.equal(await element.locator('[part="title"]').textContent(), layTitle));
  await eventually(async () =>
    assert.ok(
      words(await element.locator('.lay').textContent()).includes(
        words(checklist('zs.checklist.pijneducatie').lay.text),
      ),
    ),
  );

  await page.emulateMedia({ media: 'print' });
  await eventually(async () =>
    assert.equal(await element.getByRole('button', { name: 'Wis alles' }).isVisible(), false, 'no buttons on paper'),
  );
  await shot(page, 'checklist-afdruk');
  await page.emulateMedia({ media: 'screen' });
  await shot(page, 'checklist-patient');

  const fetched = (part) => session.requests.some((url) => new URL(url).pathname.endsWith(part));
  assert.ok(!fetched('.wasm'), 'a checklist by id needs no module, with or without its lay text');

  // An unknown id has no file (the browser logs its 404): the module says so, with the close ids.
  await element.evaluate((host) => host.setAttribute('checklist', 'zs.checklist.bestaatniet'));
  await element.locator('.message').waitFor();
  await eventually(async () =>
    assert.match(await element.locator('.message').textContent(), /De checklist bestaat niet/),
  );
  await element.evaluate((host) => host.setAttribute('checklist', ''));
  await element.locator('.message').filter({ hasText: 'attribuut checklist' }).waitFor();

  // Still for a patient: each checklist under its title in a patient's words, if it has one.
  const shown = (id) => checklist(id).layTitle ?? checklist(id).title;
  await element.evaluate((host) => host.setAttribute('checklist', 'rta.referral.handover'));
  await element
    .locator('.title')
    .filter({ hasText: shown('rta.referral.handover') })
    .waitFor();
  // A title is no id: the module finds the checklist by it.
  const { title } = checklist('zs.checklist.pijneducatie');
  await element.evaluate((host, value) => host.setAttribute('checklist', value), title);
  await element
    .locator('.title')
    .filter({ hasText: shown(title) })
    .waitFor();
  await eventually(async () => assert.equal(await element.locator('.item').count(), checklist(title).items.length));
  assert.ok(fetched('/pkg/checklist/zs.checklist.bestaatniet.json'));
  assert.deepEqual(session.problems.splice(0), [
    'Failed to load resource: the server responded with a status of 404 (Not Found)',
  ]);
  clean(session);
  await session.context.close();
});

test('a wide table in module HTML scrolls inside the element on a phone, with a shadow at the edge that has more', async () => {
  const session = await open('embed-test/checklist.html', { viewport: { width: 390, height: 844 } });
  const { page } = session;
  const element = page.locator('pijn-checklist');
  await element.locator('.intro').waitFor();
  // The compiler wraps tables as <div class="table-scroll" tabindex="0"><table>…</table></div>.
  await element.locator('.intro').evaluate((intro) => {
    const cells = Array.from({ length: 8 }, (_, index) => `<td>kolom${index}-met-een-lang-woord</td>`).join('');
    intro.insertAdjacentHTML(
      'beforeend',
      `<div class="table-scroll" tabindex="0"><table><tbody><tr>${cells}</tr></tbody></table></div>`,
    );
  });
  const wrapper = element.locator('.table-scroll');
  await wrapper.waitFor();
  const look = () =>
    wrapper.evaluate((node) => ({
      overflowX: getComputedStyle(node).overflowX,
      scrolls: node.scrollWidth > node.clientWidth,
      layers: getComputedStyle(node).backgroundImage.match(/gradient/g)?.length ?? 0,
      attachment: getComputedStyle(node).backgroundAttachment,
      inside: node.getBoundingClientRect().right <= node.getRootNode().host.getBoundingClientRect().right,
    }));
  await eventually(async () =>
    assert.deepEqual(await look(), {
      overflowX: 'auto',
      scrolls: true,
      layers: 4,
      attachment: 'local, local, scroll, scroll',
      inside: true,
    }),
  );
  await shot(page, 'tabel-telefoon', { fullPage: false });
  clean(session);
  await session.context.close();
});

test('<pijn-uitleg> shows the lay text of an id, or of the best patient hit for words, and says so in Dutch when there is none', async () => {
  const expected = lay('worel.alg.rodevlaggen');
  const session = await open('embed-test/uitleg.html');
  const { page } = session;
  const element = page.locator('pijn-uitleg');
  await element.locator('.text').waitFor();
  await eventually(async () => assert.equal(await element.locator('.title').textContent(), expected.title));
  await eventually(async () => assert.equal(words(await readText(element.locator('.text'))), words(expected.text)));
  // The questions it answers, under their heading one level below the title's.
  assert.ok(expected.questions.length > 0);
  await eventually(async () =>
    assert.deepEqual(await element.locator('.answers li').allTextContents(), expected.questions),
  );
  await eventually(async () =>
    assert.equal(await element.locator('.answers h3').textContent(), 'Deze uitleg beantwoordt'),
  );
  await eventually(async () =>
    assert.equal(await element.locator('.source').textContent(), `Bron: ${expected.citation}`),
  );
  await eventually(async () => assert.equal(await element.evaluate((host) => host.shown), 'worel.alg.rodevlaggen'));
  await eventually(async () =>
    assert.equal(
      await element.locator('.title').evaluate((title) => getComputedStyle(title).fontFamily.includes('system-ui')),
      true,
    ),
  );
  await shot(page, 'uitleg');
  // An explanation by id came from its own small file: the module was never downloaded.
  const fetched = (part) => session.requests.some((url) => new URL(url).pathname.endsWith(part));
  assert.ok(fetched('/pkg/lay/worel.alg.rodevlaggen.json'), 'the lay file was fetched');
  assert.ok(!fetched('.wasm') && !fetched('/pijnwijzer.js'), 'the module was not downloaded');

  const [hit] = search('pijneducatie', { audience: 'patient', limit: 1 });
  await element.evaluate((host) => host.setAttribute('onderwerp', 'pijneducatie'));
  await element
    .locator('.title')
    .filter({ hasText: lay(hit.id).title })
    .waitFor();
  await eventually(async () => assert.equal(words(await readText(element.locator('.text'))), words(lay(hit.id).text)));
  assert.ok(fetched('.wasm'), 'words are searched with the module');

  // An unknown id, or one of a node without a lay text, has no file (the browser logs its 404);
  // the module says there is no explanation, and offers a close id as for a checklist. Words fetch
  // no file.
  const missing = ['worel.bestaat.niet', 'zs.checklist.izp'];
  for (const topic of missing) {
    await element.evaluate((host, value) => host.setAttribute('onderwerp', value), topic);
    await element.locator('.message').filter({ hasText: 'De uitleg bestaat niet' }).waitFor();
  }
  await element.evaluate((host) => host.setAttribute('onderwerp', 'worel.alg.rodevlag'));
  await eventually(async () =>
    assert.match(
      await element.locator('.message').textContent(),
      /Bedoelt u ‘worel\.alg\.rodevlaggen’ of ‘worel\.alg\.rodevlaggen\.lijst’\?/,
    ),
  );
  missing.push('worel.alg.rodevlag');
  await element.evaluate((host) => host.setAttribute('onderwerp', 'xqzzyvrt'));
  await eventually(async () =>
    assert.equal(
      await element.locator('.message').textContent(),
      'Over ‘xqzzyvrt’ staat geen uitleg in gewone taal in de richtlijnen.',
    ),
  );
  for (const topic of missing) assert.ok(fetched(`/pkg/lay/${topic}.json`), topic);
  assert.deepEqual(
    session.problems.splice(0),
    missing.map(() => 'Failed to load resource: the server responded with a status of 404 (Not Found)'),
  );
  clean(session);
  await session.context.close();
});

test('<pijn-uitleg> explains a glossary term in place: a button whose definition opens on tap or focus, and prints as the word; beside a text on suicide, the crisis lines', async () => {
  const session = await open('embed-test/uitleg.html');
  const { page } = session;
  const element = page.locator('pijn-uitleg');
  await element.locator('.text').waitFor();
  await element.evaluate((host) => host.setAttribute('onderwerp', 'worel.med.opioiden.tramadol'));
  const term = element.locator('.term-button', { hasText: 'Tramadol' });
  await term.waitFor();
  const expected = lay('worel.med.opioiden.tramadol').html.match(/<span class="term" title="([^"]*)">Tramadol</)[1];
  const definition = element.locator('.term-definition').first();
  await eventually(async () => assert.equal(await definition.isVisible(), false));
  await term.click();
  await eventually(async () => assert.equal(await definition.isVisible(), true));
  assert.equal(await definition.textContent(), expected);
  assert.equal(await term.getAttribute('aria-expanded'), 'true');
  await shot(page, 'uitleg-woordenlijst');
  // Beside a text that speaks of suicide, the crisis lines (Pijnwijzer's addition, not the guidance's).
  assert.equal(await element.locator('[part="crisis"]').count(), 0, 'none beside tramadol');
  await element.evaluate((host) => host.setAttribute('onderwerp', 'zs.risico.suicide'));
  await element.locator('[part="crisis"] a[href="tel:113"]').waitFor();
  assert.equal(await element.locator('[part="crisis"] a[href="tel:1813"]').count(), 1);
  await element.evaluate((host) => host.setAttribute('onderwerp', 'worel.med.opioiden.tramadol'));
  await term.waitFor();
  // Printed, the word stays in its sentence (the print rules hide buttons) and its definition goes.
  await page.emulateMedia({ media: 'print' });
  await eventually(async () => assert.equal(await definition.isVisible(), false));
  assert.ok(await term.isVisible(), 'the glossary word prints');
  await page.emulateMedia({ media: 'screen' });
  clean(session);
  await session.context.close();
});

test('<pijn-zoeken> finds "rode vlaggen" while typing and opens it by keyboard', async () => {
  const session = await open('embed-test/zoeken.html');
  const { page } = session;
  // This page sets no link and is not the site's own page: its hits would lead back here, and
  // whoever embeds it is told so, once, with the address to give.
  const warnings = [];
  page.on('console', (message) => message.type() === 'warning' && warnings.push(message.text()));
  await page.reload();
  const element = page.locator('pijn-zoeken');
  await element.locator('form[role="search"]').waitFor();
  const box = element.getByRole('searchbox', { name: 'Zoek in de richtlijnen over chronische pijn' });
  // Unfocused, its edge stands 3:1 against the element (WCAG 1.4.11): a reader sees where to type.
  const contrast = await edgeContrast(box);
  assert.ok(contrast >= 3, `the search field's edge: ${contrast.toFixed(2)}:1`);
  await page.keyboard.press('Tab');
  await eventually(async () =>
    assert.ok(
      await box.evaluate((input) => input.getRootNode().activeElement === input),
      'Tab reaches the labelled search box',
    ),
  );
  await page.keyboard.type('rode vl'); // the last word is completed (prefix search)
  const first = element.locator('.hit').first();
  await first.locator('a').filter({ hasText: 'Blijf altijd alert op rode vlaggen' }).waitFor();
  await page.keyboard.type('aggen');
  await first.locator('a').filter({ hasText: 'Blijf altijd alert op rode vlaggen' }).waitFor();
  await eventually(async () =>
    assert.equal(await element.locator('.results').getAttribute('aria-label'), 'Zoekresultaten'),
  );
  await eventually(async () =>
    assert.ok((await first.locator('.snippet mark').count()) > 0, 'matched words are marked'),
  );
  await eventually(async () =>
    assert.match(await first.locator('.citation').textContent(), /WOREL §4 aanbeveling 6, p\. 29/),
  );
  await eventually(async () =>
    assert.match(await element.locator('.status').textContent(), /^De 8 beste resultaten voor ‘rode vlaggen’/),
  );
  await eventually(async () =>
    assert.equal(await first.locator('a').getAttribute('href'), '#/n/worel.alg.rodevlaggen'),
  );
  const told = warnings.filter((text) => text.startsWith('[pijn-zoeken] Zonder attribuut link'));
  assert.equal(told.length, 1, `told once: ${warnings}`);
  assert.ok(told[0].includes(`link="${new URL('/', page.url()).href}#/n/{id}"`), told[0]);
  await shot(page, 'zoeken');

  const focused = () =>
    page.evaluate(() => {
      const active = document.querySelector('pijn-zoeken').shadowRoot.activeElement;
      return active?.dataset.id ?? active?.id;
    });
  await page.keyboard.press('ArrowDown');
  await eventually(async () => assert.equal(await focused(), 'worel.alg.rodevlaggen'));
  await page.keyboard.press('ArrowDown');
  await eventually(async () => assert.notEqual(await focused(), 'worel.alg.rodevlaggen'));
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await eventually(async () =>
    assert.equal(await focused(), 'zoekvak', 'Arrow up from the first result returns to the box'),
  );
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.waitForURL(/#\/n\/worel\.alg\.rodevlaggen$/);

  // The link template and the audience are attributes; the typed query survives a change.
  await element.evaluate((host) => host.setAttribute('link', 'https://pijnwijzer.example/#/n/{id}'));
  await first.locator('a[href="https://pijnwijzer.example/#/n/worel.alg.rodevlaggen"]').waitFor();
  await element.evaluate((host) => host.setAttribute('link', 'javascript:alert(1)'));
  await first.locator('a[href="#/n/worel.alg.rodevlaggen"]').waitFor();
  await element.evaluate((host) => host.setAttribute('voor', 'patient'));
  // A patient's box offers completions (a list of questions): a combobox.
  const patientBox = element.getByRole('combobox', { name: 'Zoek uitleg over pijn' });
  await patientBox.waitFor();
  // Its help, which describes the box, tells of the questions.
  assert.match(await element.locator('#uitleg').textContent(), /kiest u een voorgestelde vraag/);
  assert.equal(await patientBox.getAttribute('aria-describedby'), 'uitleg');
  await eventually(async () => assert.equal(await element.locator('input').inputValue(), 'rode vlaggen'));
  // A patient reads each result's title in a patient's words, and the link (the default, since the
  // template was refused) opens the patient view, as on the site.
  const hit = search('rode vlaggen', { limit: 1, prefix: true, audience: 'patient' })[0];
  assert.ok(hit.layTitle && hit.layTitle !== hit.title, 'premise: the first hit has a lay title of its own');
  await first.locator('a').filter({ hasText: hit.layTitle }).waitFor();
  assert.equal(await first.locator('a').getAttribute('href'), `#/n/${hit.id}?voor=patient`);
  // Named by its label: a page with a search of its own tells the two landmarks apart.
  await element.getByRole('search', { name: 'Zoek uitleg over pijn' }).waitFor();
  // A page that sets `q` after load asks for that search.
  await element.evaluate((host) => host.setAttribute('q', 'tramadol'));
  await eventually(async () => assert.equal(await element.locator('input').inputValue(), 'tramadol'));
  await eventually(async () => assert.match(await element.locator('.status').textContent(), /voor ‘tramadol’/));

  // A patient is offered the questions the lay texts answer while typing, as on the site: a list
  // under the box, found by the words typed, in any order.
  const typed = 'bewegen pijn';
  const offered = suggestQuestions(typed, 8);
  assert.ok(offered.length > 1, `premise: "${typed}" is offered several questions`);
  // On a page that clips the element (a card with `overflow: hidden`, one result shown), the list
  // reaches past the element's edge and is still seen there, not cut off.
  await element.evaluate((host) => {
    host.style.display = 'block';
    host.style.overflow = 'hidden';
    host.setAttribute('aantal', '1');
  });
  await patientBox.fill(typed);
  const list = element.getByRole('listbox', { name: 'Vragen die u kunt kiezen' });
  await list.waitFor();
  await eventually(async () =>
    assert.deepEqual(
      await list.getByRole('option').allTextContents(),
      offered.map((s) => s.question),
    ),
  );
  await eventually(async () => {
    const seen = await element.evaluate((host) => {
      const box = host.shadowRoot.querySelector('[role="listbox"]').getBoundingClientRect();
      const y = Math.min(box.bottom, innerHeight) - 8;
      const there = host.shadowRoot.elementFromPoint(box.left + 16, y);
      return { y, edge: host.getBoundingClientRect().bottom, option: there?.closest?.('[role="option"]') != null };
    });
    assert.ok(seen.y > seen.edge, `premise: the list reaches past the element (${seen.y} > ${seen.edge})`);
    assert.ok(seen.option, 'past the clipping edge, the reader sees a question');
  });
  await element.evaluate((host) => {
    host.removeAttribute('style');
    host.removeAttribute('aantal');
  });
  assert.ok((await patientBox.getAttribute('aria-controls')).split(' ').includes('vragen'), 'the box names its list');
  // Arrow down marks a question, Enter takes it and searches it; Escape closes the list, and Arrow
  // down then moves on to the results.
  await patientBox.press('ArrowDown');
  await eventually(async () => assert.equal(await patientBox.getAttribute('aria-activedescendant'), 'vragen-0'));
  await patientBox.press('Enter');
  await eventually(async () => assert.equal(await patientBox.inputValue(), offered[0].question));
  await eventually(async () => assert.ok(!(await list.isVisible()), 'the list closes'));
  const taken = search(offered[0].question, { limit: 8, prefix: true, audience: 'patient' })[0].id;
  await eventually(async () => assert.equal(await element.locator('.hit a').first().getAttribute('data-id'), taken));
  await patientBox.fill(typed);
  await list.waitFor();
  await patientBox.press('Escape');
  await eventually(async () => assert.ok(!(await list.isVisible())));
  assert.equal(await patientBox.inputValue(), typed);
  await patientBox.press('ArrowDown');
  const firstForTyped = search(typed, { limit: 8, prefix: true, audience: 'patient' })[0].id;
  await eventually(async () => assert.equal(await focused(), firstForTyped));
  await element.evaluate((host) => host.removeAttribute('voor'));
  await eventually(async () => assert.equal(await element.locator('input').getAttribute('role'), null));
  assert.doesNotMatch(
    await element.locator('#uitleg').textContent(),
    /vraag/,
    'a professional is told of no questions',
  );
  assert.equal(await element.locator('[role="option"]').count(), 0, 'a professional is offered no questions');
  await element.evaluate((host) => host.setAttribute('voor', 'patient'));

  await element.locator('input').fill('xqzzyvrt');
  await element.locator('.status').filter({ hasText: 'Geen resultaten voor ‘xqzzyvrt’.' }).waitFor();
  await eventually(async () => assert.equal(await element.locator('.hit').count(), 0));
  // The words the guidance never uses are named, as on the site.
  await eventually(async () =>
    assert.equal(
      await element.locator('.status').textContent(),
      'Geen resultaten voor ‘xqzzyvrt’. ‘xqzzyvrt’ staat nergens in de richtlijnen.',
    ),
  );
  assert.equal(await element.locator('.retry').count(), 0, 'no search is left without the word');
  // Nothing found for a patient: a link to the guidance's alarm signals, by the element's template.
  const signals = redFlags().red.find((entry) => entry.flags.length > 0);
  const pointer = element.locator('.alarm a');
  await eventually(async () => assert.equal(await pointer.textContent(), lay(signals.id).title));
  assert.equal(await pointer.getAttribute('href'), `#/n/${signals.id}?voor=patient`);
  // A hit without a lay text says, for a patient, that it is written for care providers.
  const mixed = 'checklist biopsychosociale anamnese';
  const hasLay = search(mixed, { limit: 8, prefix: true, audience: 'patient' }).map((hit) => Boolean(hit.layTitle));
  assert.ok(hasLay.includes(true) && hasLay.includes(false), `premise: ${hasLay}`);
  await element.locator('input').fill(mixed);
  await eventually(async () =>
    assert.deepEqual(
      await element.locator('.hit').evaluateAll((hits) => hits.map((hit) => !hit.querySelector('.for-professionals'))),
      hasLay,
    ),
  );

  // Nothing found because of a word the guidance never uses: one click searches without it.
  const query = 'mijn schoonmoeder heeft dementie en pijn';
  const rest = 'mijn heeft dementie en pijn';
  const options = { limit: 8, prefix: true, audience: 'patient' };
  assert.deepEqual(unknownWords(query, options), ['schoonmoeder'], 'premise: one unknown word');
  assert.equal(search(query, options).length, 0, 'premise: the query finds nothing');
  const restFirst = search(rest, options)[0]?.id;
  assert.ok(restFirst, 'premise: the rest finds');
  await element.locator('input').fill(query);
  const retry = element.getByRole('button', { name: `Zoek zonder dit woord: ‘${rest}’` });
  await retry.waitFor();
  await eventually(async () => assert.equal(await element.locator('.hit').count(), 0));
  await retry.click();
  await element.locator(`.hit a[data-id="${restFirst}"]`).first().waitFor();
  await eventually(async () =>
    assert.equal(await element.locator('.hit a').first().getAttribute('data-id'), restFirst),
  );
  await eventually(async () => assert.equal(await element.locator('input').inputValue(), rest));
  await eventually(async () =>
    assert.ok(
      await element.locator('input').evaluate((input) => input.getRootNode().activeElement === input),
      'the box keeps the focus, so the reader can go on typing',
    ),
  );
  assert.equal(await element.locator('.retry').count(), 0);
  clean(session);
  await session.context.close();
});

test("many elements on one page share one load of the wasm, and the page's CSS custom properties theme them", async () => {
  const session = await open('embed-test/thema.html');
  const { page, requests } = session;
  await page.locator('pijn-checklist.standaard .item').first().waitFor();
  await page.locator('pijn-uitleg .text').waitFor();
  assert.equal(requests.filter((url) => url.endsWith('.wasm')).length, 1, 'the wasm is fetched once');
  assert.equal(requests.filter((url) => url.endsWith('/pijnwijzer.js')).length, 1);

  const style = (selector, property) =>
    page
      .locator(selector)
      .first()
      .evaluate((node, name) => getComputedStyle(node)[name], property);
  // thema.css sets --pijn-accent, --pijn-font, --pijn-radius, --pijn-bg on the elements.
  await eventually(async () =>
    assert.equal(await style('pijn-checklist:not(.standaard) button.reset', 'borderTopColor'), PLUM),
  );
  await eventually(async () =>
    assert.equal(await style('pijn-checklist:not(.standaard) button.reset', 'borderTopLeftRadius'), '0px'),
  );
  await eventually(async () => assert.match(await style('pijn-uitleg .title', 'fontFamily'), /Georgia/));
  await eventually(async () => assert.equal(await style('pijn-uitleg', 'backgroundColor'), 'rgb(255, 253, 247)'));
  await eventually(async () => assert.equal(await style('pijn-zoeken input', 'borderTopLeftRadius'), '0px'));
  // The same element without the properties falls back to the defaults.
  await eventually(async () =>
    assert.equal(await style('pijn-checklist.standaard button.reset', 'borderTopColor'), BLUE),
  );
  await eventually(async () =>
    assert.equal(await style('pijn-checklist.standaard button.reset', 'borderTopLeftRadius'), '8px'),
  );
  // On a page in another language, what the elements show is still marked as Dutch, and on one
  // that runs right to left (Arabic) it still runs left to right.
  await page.evaluate(() => {
    Object.assign(document.documentElement, { lang: 'ar', dir: 'rtl' });
  });
  for (const [name, part] of [
    ['pijn-zoeken', 'input'],
    ['pijn-uitleg', 'text'],
    ['pijn-checklist', 'title'],
  ]) {
    const shown = await page
      .locator(`${name} [part~="${part}"]`)
      .first()
      .evaluate((node) => {
        const style = getComputedStyle(node);
        return [node.matches(':lang(nl)'), node.matches(':lang(ar)'), style.direction, style.textAlign];
      });
    assert.deepEqual(shown, [true, false, 'ltr', 'start'], `${name}: its ${part} is Dutch, left to right`);
  }
  await page.evaluate(() => {
    Object.assign(document.documentElement, { lang: 'en', dir: 'ltr' });
  });
  // A page's own text settings (centred, upper case, spaced, italic) do not reach inside.
  await page.evaluate(() =>
    Object.assign(document.body.style, {
      textAlign: 'center',
      textTransform: 'uppercase',
      letterSpacing: '3px',
      fontStyle: 'italic',
    }),
  );
  for (const selector of ['pijn-uitleg .text p', 'pijn-checklist [part="item-text"]', 'pijn-zoeken .help']) {
    const text = await page
      .locator(selector)
      .first()
      .evaluate((node) => {
        const style = getComputedStyle(node);
        return [style.textAlign, style.textTransform, style.letterSpacing, style.fontStyle];
      });
    assert.deepEqual(text, ['start', 'none', 'normal', 'normal'], `${selector} keeps its own text settings`);
  }
  // Nor does a rule for every element, which reaches the element itself: its text keeps its ink.
  const selectors = ['pijn-uitleg .text p', 'pijn-checklist [part="item-text"]', 'pijn-zoeken .help'];
  const inks = (property) =>
    Promise.all(
      selectors.map((selector) =>
        page
          .locator(selector)
          .first()
          .evaluate((node, name) => getComputedStyle(node)[name], property),
      ),
    );
  const before = await inks('color');
  assert.ok(!before.includes('rgb(255, 0, 0)'), `premise: ${before}`);
  await page.evaluate(() => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync('* { color: rgb(255, 0, 0); text-transform: uppercase; }');
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  });
  await eventually(async () =>
    assert.equal(await page.locator('body').evaluate((node) => getComputedStyle(node).color), 'rgb(255, 0, 0)'),
  );
  assert.deepEqual(await inks('color'), before, 'the text keeps its colour');
  assert.deepEqual(await inks('textTransform'), ['none', 'none', 'none']);
  // A page that shrinks its root font (62.5 %, so that 1rem is 10px) and sets its own text back
  // to 16px does not shrink the elements' text.
  await page.evaluate(() => {
    document.documentElement.style.fontSize = '62.5%';
    document.body.style.fontSize = '1.6rem';
  });
  const size = (selector) =>
    page
      .locator(selector)
      .first()
      .evaluate((node) => getComputedStyle(node).fontSize);
  for (const name of ['pijn-uitleg', 'pijn-checklist', 'pijn-zoeken']) {
    await eventually(async () => assert.equal(await size(name), '16px', `${name}: its base font size`));
  }
  // Nor its box or its targets: a checkbox stays 24px square (WCAG 2.2), the element up to 768px wide.
  const box = await page
    .locator('pijn-checklist')
    .first()
    .evaluate((host) => {
      const input = host.shadowRoot.querySelector('.item input').getBoundingClientRect();
      return { input: [input.width, input.height], maxWidth: getComputedStyle(host).maxWidth };
    });
  assert.deepEqual(box, { input: [24, 24], maxWidth: '768px' });
  // A page whose own text is smaller (14px) still gets 24px targets.
  await page.evaluate(() => {
    document.body.style.fontSize = '1.4rem';
  });
  await eventually(async () =>
    assert.deepEqual(
      await page
        .locator('pijn-checklist')
        .first()
        .evaluate((host) => {
          const input = host.shadowRoot.querySelector('.item input').getBoundingClientRect();
          return [input.width, input.height];
        }),
      [24, 24],
    ),
  );
  await shot(page, 'thema');
  clean(session);
  await session.context.close();
});

test('when the module cannot load, for any reason, every element that needs it says so in Dutch, a checklist by id still shows, and nothing is thrown into the page', async () => {
  const failures = {
    'a network error on the wasm': ['**/*.wasm', (route) => route.abort()],
    'a missing wasm (404)': ['**/*.wasm', (route) => route.fulfill({ status: 404, body: 'Niet gevonden' })],
    'a network error on pijnwijzer.js': ['**/pkg/pijnwijzer.js', (route) => route.abort()],
  };
  for (const [failure, [pattern, handler]] of Object.entries(failures)) {
    const context = await browser.newContext();
    await context.route(pattern, handler);
    const page = await context.newPage();
    const thrown = [];
    page.on('pageerror', (error) => thrown.push(error.message));
    await page.addInitScript(() => {
      window.errors = [];
      for (const name of ['pijn-zoeken', 'pijn-uitleg', 'pijn-checklist']) {
        document.addEventListener(`${name}-error`, (event) => window.errors.push(`${name}: ${event.detail.code}`));
      }
    });
    await page.goto(`${base}embed-test/thema.html`);
    for (const name of ['pijn-zoeken', 'pijn-uitleg']) {
      await page.locator(`${name} [part="error"]`).waitFor();
      await eventually(async () =>
        assert.match(
          await page.locator(`${name} [part="error"]`).textContent(),
          /De Pijnwijzer-module kon niet worden geladen/,
          failure,
        ),
      );
    }
    await eventually(async () =>
      assert.deepEqual(
        (await page.evaluate(() => window.errors)).sort(),
        ['pijn-uitleg: load', 'pijn-zoeken: load'],
        failure,
      ),
    );
    // The checklists are asked for by id: each comes from its own file, without the module.
    for (const id of ['zs.checklist.terugvalpreventie', 'rta.referral.handover']) {
      const element = page.locator(`pijn-checklist[checklist="${id}"]`);
      const patient = (await element.getAttribute('voor')) === 'patient';
      const title = (patient && checklist(id).layTitle) || checklist(id).title;
      await element.locator('[part="title"]').filter({ hasText: title }).waitFor();
    }
    await eventually(async () =>
      assert.equal(await page.locator('pijn-zoeken [part="form"]').isVisible(), false, 'no box that cannot search'),
    );
    if (failure.startsWith('a missing')) await shot(page, 'niet-geladen');
    assert.deepEqual(thrown, [], failure);
    await context.close();
  }
});

test('embed.html shows each element live with the exact snippet to paste, and "Kopieer" copies it (or selects it)', async () => {
  const session = await open('embed.html', {
    viewport: { width: 1100, height: 900 },
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  const { page } = session;
  await page.waitForSelector('html[data-ready="true"]');
  await rendered(page);
  // Every relative address (link template, fallback link) is made absolute: the snippet goes on
  // someone else's page. The fallback children come one per line.
  const snippets = {
    checklist: `<pijn-checklist checklist="zs.checklist.pijneducatie" voor="patient" kop="4">
  <p>Bekijk de <a href="${base}index.html#/checklist/zs.checklist.pijneducatie?voor=patient">checklist over pijneducatie op de Pijnwijzer-site</a>.</p>
</pijn-checklist>`,
    uitleg: `<pijn-uitleg onderwerp="worel.alg.rodevlaggen" kop="4">
  <p>Lees de <a href="${base}index.html#/n/worel.alg.rodevlaggen?voor=patient">uitleg over rode vlaggen op de Pijnwijzer-site</a>.</p>
</pijn-uitleg>`,
    zoeken: `<pijn-zoeken voor="patient" link="${base}index.html#/n/{id}?voor=patient">
  <p><a href="${base}index.html#/?voor=patient">Zoek uitleg over pijn op de Pijnwijzer-site</a>.</p>
</pijn-zoeken>`,
  };
  for (const [name, element] of Object.entries(snippets)) {
    assert.equal(
      await page.locator(`#snippet-${name}`).textContent(),
      `<script type="module" src="${base}pkg/components/pijn-${name}.js"></script>\n${element}`,
    );
    const live = await page.locator(`#${name} .demo pijn-${name}`).evaluate((node) => node.outerHTML);
    assert.equal(
      live.replace(/\s*\n\s*/g, '').replaceAll('="index.html', `="${base}index.html`),
      element.replace(/\s*\n\s*/g, ''),
      'the snippet is the live example',
    );
    // The fallback is hidden once the element has its shadow root.
    await eventually(async () =>
      assert.equal(
        await page.evaluate((tag) => document.querySelector(`#${tag} .demo > * > p`).checkVisibility(), name),
        false,
      ),
    );
  }
  // The CSP to add names this site's pkg/, as the README's does.
  await eventually(async () =>
    assert.equal(
      await page.locator('#csp').textContent(),
      `script-src 'self' ${base}pkg/ 'wasm-unsafe-eval'; connect-src 'self' ${base}pkg/`,
    ),
  );
  // So do the two lines that preload the module: relative, they would ask the educator's own host.
  await eventually(async () =>
    assert.equal(
      await page.locator('#preload').textContent(),
      `<link rel="modulepreload" href="${base}pkg/pijnwijzer.js">\n` +
        `<link rel="preload" href="${base}pkg/pijnwijzer_bg.wasm" as="fetch" type="application/wasm" crossorigin>`,
    ),
  );
  await eventually(async () => assert.ok((await page.locator('#checklist .demo pijn-checklist .item').count()) > 0));
  await eventually(async () => assert.ok(await page.locator('#uitleg .demo pijn-uitleg .text').isVisible()));
  await eventually(async () => assert.ok(await page.locator('#zoeken .demo pijn-zoeken input').isVisible()));
  await eventually(async () =>
    assert.ok((await page.locator('#checklist-ids li').count()) >= 20, 'every checklist id is listed'),
  );
  await eventually(async () =>
    assert.equal(await page.locator('a[href="index.html"]').first().isVisible(), true, 'a link back to the site'),
  );
  // The theme example is styled by embed.css through the custom properties.
  await eventually(async () =>
    assert.equal(
      await page.locator('.themed pijn-uitleg').evaluate((host) => getComputedStyle(host).borderTopColor),
      PLUM,
    ),
  );

  await page.locator('button[data-copy="snippet-uitleg"]').click();
  await page.locator('#snippet-uitleg-status').filter({ hasText: 'Gekopieerd' }).waitFor();
  await eventually(async () =>
    assert.equal(
      await page.evaluate(() => navigator.clipboard.readText()),
      await page.locator('#snippet-uitleg').textContent(),
    ),
  );

  // Without clipboard access the snippet is selected for Ctrl+C.
  await page.evaluate(() => {
    navigator.clipboard.writeText = () => Promise.reject(new Error('geweigerd'));
  });
  await page.locator('button[data-copy="snippet-checklist"]').click();
  await page.locator('#snippet-checklist-status').filter({ hasText: 'geselecteerd' }).waitFor();
  await eventually(async () =>
    assert.equal(
      await page.evaluate(() => window.getSelection().toString()),
      await page.locator('#snippet-checklist').textContent(),
    ),
  );

  await shot(page, 'pagina');
  clean(session);
  await session.context.close();
});

test('axe-core finds no violations on embed.html and on each bare page', async () => {
  await axe('embed.html');
  await axe('embed-test/checklist.html', { tags: WCAG });
  await axe('embed-test/checklist.html', {
    tags: WCAG,
    prepare: async (page) => {
      await page.locator('pijn-checklist').evaluate((host) => host.setAttribute('voor', 'patient'));
      await page.locator('pijn-checklist .lay').waitFor();
      await page.locator('pijn-checklist label[for="punt-1"]').click();
    },
  });
  await axe('embed-test/uitleg.html', { tags: WCAG });
  await axe('embed-test/zoeken.html', {
    tags: WCAG,
    prepare: async (page) => {
      await page.locator('pijn-zoeken input').fill('rode vlaggen');
      await page.locator('pijn-zoeken .hit').first().waitFor();
    },
  });
  await axe('embed-test/thema.html', { tags: WCAG });
});

test('on a page whose colour scheme is dark, each element takes the dark defaults, with no axe-core violation', async () => {
  const dark = (name) => async (page) => {
    await page.evaluate(() => {
      document.documentElement.style.colorScheme = 'dark';
    });
    await eventually(async () =>
      assert.equal(
        await page.locator(name).evaluate((host) => getComputedStyle(host).backgroundColor),
        'rgb(26, 31, 39)',
        `${name}: its background`,
      ),
    );
  };
  await axe('embed-test/checklist.html', {
    tags: WCAG,
    prepare: async (page) => {
      await dark('pijn-checklist')(page);
      await page.locator('pijn-checklist').evaluate((host) => host.setAttribute('voor', 'patient'));
      await page.locator('pijn-checklist .lay').waitFor();
      await page.locator('pijn-checklist label[for="punt-1"]').click();
    },
  });
  await axe('embed-test/uitleg.html', { tags: WCAG, prepare: dark('pijn-uitleg') });
  await axe('embed-test/zoeken.html', {
    tags: WCAG,
    prepare: async (page) => {
      await dark('pijn-zoeken')(page);
      // The search field's edge stands 3:1 against the element (WCAG 1.4.11), dark as light.
      await page.locator('pijn-zoeken input').blur();
      const contrast = await edgeContrast(page.locator('pijn-zoeken input'));
      assert.ok(contrast >= 3, `the search field's edge, dark: ${contrast.toFixed(2)}:1`);
      await page.locator('pijn-zoeken input').fill('rode vlaggen');
      await page.locator('pijn-zoeken .hit').first().waitFor();
    },
  });
});
