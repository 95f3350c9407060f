// Embedding on another site, as README.md ("Embedding on another site") tells embedders and
// embed.html shows them. The site is served as `npm start` serves it; a second server on another
// port and host name (another origin, another site) serves a portal page whose body is the
// snippets exactly as the "Kopieer" buttons of the live embed.html copy them, and whose
// Content-Security-Policy is the one the README gives, parsed from its code block. The portal's own
// stylesheet styles the elements through ::part, and its own script records their events.
// Screenshots go to test-results/screenshots/embedding-*.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { eventually, openPage } from './browser.mjs';
import { shot, useSite } from './site.mjs';
import { initSync, checklist, lay, node, search as moduleSearch } from '../../pkg/pijnwijzer.js';

initSync({ module: readFileSync(new URL('../../pkg/pijnwijzer_bg.wasm', import.meta.url)) });

const site = useSite();
const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
];
const PLUM = 'rgb(122, 31, 92)';
const NAMES = ['checklist', 'uitleg', 'zoeken'];

/** The texts of the code blocks in the README's embedding section. */
function readmeBlocks() {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const start = readme.indexOf('#### Embedding on another site');
  assert.ok(start > 0, 'the README has an embedding section');
  const section = readme.slice(start, readme.indexOf('\n### ', start));
  return [...section.matchAll(/```\w+\n([\s\S]*?)```/g)].map(([, text]) => text);
}

// The README writes the Pijnwijzer host as this address; an embedder puts their own in its place.
const README_HOST = 'https://example.org/pijnwijzer/';

/** The Content-Security-Policy the README tells embedders to send, with the site at `base`. */
function readmeCsp(base) {
  const block = readmeBlocks().find((text) => text.startsWith('Content-Security-Policy: '));
  assert.ok(block, 'the README gives the embedding page its CSP in a code block');
  return block.trim().slice('Content-Security-Policy: '.length).replaceAll(README_HOST, base);
}

/** The headers the README's `_headers` example sets on pkg/, as [name, value] pairs. */
function readmePkgHeaders() {
  const block = readmeBlocks().find((text) => /^\/\S*pkg\/\*$/m.test(text));
  assert.ok(block, 'the README gives a _headers example for pkg/');
  return [...block.matchAll(/^ {2}([\w-]+): (.+)$/gm)].map(([, name, value]) => [name, value]);
}

// The portal's own files: a stylesheet that styles parts, and a script that hears the events,
// opens a search result itself, and marks the page ready once every element has shown content.
const PORTAL_CSS = `
body { font-family: Georgia, serif; margin: 1rem; display: grid; gap: 1rem; }
pijn-uitleg::part(title) { color: ${PLUM}; }
pijn-checklist::part(checkbox) { accent-color: ${PLUM}; }
pijn-zoeken::part(hit) { border-top-width: 3px; }
`;
const PORTAL_JS = `
window.heard = [];
window.clicks = [];
document.addEventListener('click', (event) => {
  if (event.target.localName === 'pijn-zoeken') window.clicks.push(event.defaultPrevented);
});
const waiting = new Set([...document.querySelectorAll('pijn-checklist, pijn-uitleg, pijn-zoeken')].map((e) => e.localName));
for (const name of ['pijn-checklist', 'pijn-uitleg', 'pijn-zoeken']) {
  for (const verb of ['ready', 'change', 'open', 'error']) {
    document.addEventListener(name + '-' + verb, (event) => {
      window.heard.push({ type: event.type, target: event.target.localName, detail: event.detail });
      if (verb === 'open') event.preventDefault();
      if (verb === 'ready') waiting.delete(name);
      if (!waiting.size) document.documentElement.dataset.ready = 'true';
    });
  }
}
`;

const FAVICON = readFileSync(new URL('../../www/favicon.svg', import.meta.url));

// The portal: another origin (another port) and another site (localhost, not 127.0.0.1).
const portal = { body: '', csp: '', url: '' };
let portalServer;

before(async () => {
  portalServer = createServer((request, response) => {
    const path = new URL(request.url, 'http://x').pathname;
    const files = {
      '/': [
        'text/html; charset=utf-8',
        `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Patiëntenportaal</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/portal.css">
<script type="module" src="/portal.js"></script>
</head>
<body>
${portal.body}
</body>
</html>`,
      ],
      '/portal.css': ['text/css; charset=utf-8', PORTAL_CSS],
      '/portal.js': ['text/javascript; charset=utf-8', PORTAL_JS],
      '/favicon.svg': ['image/svg+xml', FAVICON],
    };
    const [type, body] = files[path] ?? ['text/plain; charset=utf-8', 'Niet gevonden'];
    response.writeHead(files[path] ? 200 : 404, { 'Content-Type': type, 'Content-Security-Policy': portal.csp });
    response.end(body);
  });
  await new Promise((done) => portalServer.listen(0, '127.0.0.1', done));
  portal.url = `http://localhost:${portalServer.address().port}/`;
});

after(() => portalServer?.close());

const copied = new Map();

/** The snippets as the "Kopieer" buttons of the live embed.html put them on the clipboard (once per viewport). */
async function copiedSnippets(viewport) {
  const key = `${viewport.width}x${viewport.height}`;
  if (!copied.has(key)) copied.set(key, await copy(viewport));
  return copied.get(key);
}

async function copy({ width, height }) {
  const session = await site.open('embed.html', {
    width,
    height,
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  const { page } = session;
  const snippets = [];
  for (const name of NAMES) {
    // embed.js writes each snippet with the site's absolute address; wait until it has.
    await page.locator(`#snippet-${name}`).filter({ hasText: site.base }).waitFor();
    await page.locator(`button[data-copy="snippet-${name}"]`).click();
    await page.locator(`#snippet-${name}-status`).filter({ hasText: 'Gekopieerd' }).waitFor();
    const text = await eventually(async () => {
      const clipboard = await page.evaluate(() => navigator.clipboard.readText());
      assert.match(clipboard, new RegExp(`<pijn-${name}[\\s\\S]*</pijn-${name}>$`));
      return clipboard;
    });
    assert.equal(text, await page.locator(`#snippet-${name}`).textContent());
    snippets.push(text);
  }
  await session.done();
  return snippets;
}

/**
 * A fresh page of the portal, recording console errors and requests; `route` (a pattern and a
 * handler) is set up before the portal loads.
 */
async function openPortal(viewport, route = null) {
  const opened = await openPage(site.browser, 'about:blank', { viewport, serviceWorkers: 'block' });
  if (route) await opened.page.route(...route);
  await opened.page.goto(portal.url);
  return opened;
}

/** Whether the fallback link (light DOM) of <pijn-`name`> is rendered, i.e. not hidden by the shadow root. */
const fallbackShown = (page, name) =>
  page.evaluate((tag) => document.querySelector(`${tag} > p a`).checkVisibility(), `pijn-${name}`);

const heard = (page, type) => page.evaluate((wanted) => window.heard.filter((event) => event.type === wanted), type);

test("the README's headers for pkg/ are what the server sends, and only for pkg/", async () => {
  const headers = readmePkgHeaders();
  assert.deepEqual(
    headers.map(([name]) => name),
    ['Access-Control-Allow-Origin', 'Cross-Origin-Resource-Policy'],
  );
  for (const file of [
    'pkg/pijnwijzer_bg.wasm',
    'pkg/pijnwijzer.js',
    'pkg/components/pijn-checklist.js',
    'pkg/lay/worel.alg.rodevlaggen.json',
    'pkg/checklist/zs.checklist.pijneducatie.json',
  ]) {
    const response = await fetch(site.base + file);
    assert.equal(response.status, 200, file);
    for (const [name, value] of headers) assert.equal(response.headers.get(name), value, `${file}: ${name}`);
  }
  const wasm = await fetch(`${site.base}pkg/pijnwijzer_bg.wasm`);
  assert.equal(wasm.headers.get('content-type'), 'application/wasm');
  const page = await fetch(`${site.base}embed.html`);
  assert.equal(page.headers.get('access-control-allow-origin'), null, 'the pages themselves stay same-origin');
  assert.match(readmeCsp(site.base), new RegExp(`script-src [^;]*${site.base}pkg/ 'wasm-unsafe-eval'`));
});

test('a portal that enforces Trusted Types: with the policy "pijnwijzer" allowed the elements render; without it, each that shows module HTML says so in Dutch, as a page setting, not as a passing fault', async () => {
  const [viewport] = VIEWPORTS;
  portal.body = (await copiedSnippets(viewport)).join('\n');
  const enforce = `${readmeCsp(site.base)}; require-trusted-types-for 'script'; trusted-types`;
  portal.csp = `${enforce} pijnwijzer`;
  const allowed = await openPortal(viewport);
  await allowed.page.waitForSelector('html[data-ready="true"]');
  await allowed.page.locator('pijn-uitleg [part="text"]').filter({ hasText: /\w/ }).waitFor();
  assert.deepEqual(
    await allowed.page.evaluate(() => window.heard.filter((e) => e.type.endsWith('-error'))),
    [],
    'no element fails where the policy is allowed',
  );
  await allowed.context.close();

  portal.csp = `${enforce} mijnbeleid`;
  const refused = await openPortal(viewport);
  const errors = () =>
    refused.page.evaluate(() =>
      window.heard.filter((e) => e.type.endsWith('-error')).map((e) => [e.target, e.detail.code]),
    );
  await eventually(async () =>
    assert.deepEqual((await errors()).sort(), [
      ['pijn-checklist', 'load'],
      ['pijn-uitleg', 'load'],
    ]),
  );
  await refused.context.close();
});

for (const viewport of VIEWPORTS) {
  const size = `${viewport.width}x${viewport.height}`;

  test(`the snippets copied from embed.html work on another origin under the README's CSP (${size})`, async () => {
    portal.body = (await copiedSnippets(viewport)).join('\n');
    portal.csp = readmeCsp(site.base);
    const { context, page, problems, requests } = await openPortal(viewport);
    await page.waitForSelector('html[data-ready="true"]');

    // Each element renders its content, and hides its fallback children.
    const expected = checklist('zs.checklist.pijneducatie');
    // The snippet's checklist is a patient's: its title is the lay one.
    const title = expected.layTitle ?? expected.title;
    const list = page.locator('pijn-checklist');
    await list.locator('[part="title"]').filter({ hasText: title }).waitFor();
    await eventually(async () => assert.equal(await list.locator('[part="checkbox"]').count(), expected.items.length));
    const explanation = page.locator('pijn-uitleg');
    await explanation
      .locator('[part="title"]')
      .filter({ hasText: lay('worel.alg.rodevlaggen').title })
      .waitFor();
    const search = page.locator('pijn-zoeken');
    // A patient's box offers the lay texts' questions while typing: a combobox.
    await search.getByRole('combobox', { name: 'Zoek uitleg over pijn' }).waitFor();
    for (const name of NAMES) {
      await eventually(async () => assert.equal(await fallbackShown(page, name), false, `${name}: fallback hidden`));
    }

    // Ready events, with what each element shows.
    await eventually(async () =>
      assert.deepEqual(
        (await heard(page, 'pijn-checklist-ready')).map((event) => event.detail),
        [{ id: expected.id, title, total: expected.items.length, checked: [] }],
      ),
    );
    await eventually(async () =>
      assert.deepEqual(
        (await heard(page, 'pijn-uitleg-ready')).map((event) => event.detail),
        [{ id: 'worel.alg.rodevlaggen', title: lay('worel.alg.rodevlaggen').title }],
      ),
    );

    // Ticking an item: the change event says which, and what is ticked now.
    await list.locator('label[for="punt-1"]').click();
    await eventually(async () =>
      assert.deepEqual(
        (await heard(page, 'pijn-checklist-change')).map(({ target, detail }) => ({ target, detail })),
        [
          {
            target: 'pijn-checklist',
            detail: { id: expected.id, checked: [1], total: expected.items.length, index: 1 },
          },
        ],
      ),
    );

    // Searching, then opening a hit: the portal hears both and takes over the opening. The search
    // is a patient's: the first hit is the module's, shown by its lay title, and its link opens
    // the patient view. (Which node ranks first is the relevance tests' business.)
    const [top] = moduleSearch('rode vlaggen', { audience: 'patient', prefix: true, limit: 1 });
    const { id, layTitle } = node(top.id);
    assert.ok(layTitle, `premise: ${id} has a lay title`);
    await search.locator('[part="input"]').fill('rode vlaggen');
    const first = search.locator('[part="hit-title"]').first();
    await first.filter({ hasText: layTitle }).waitFor();
    await eventually(async () => {
      const [last] = (await heard(page, 'pijn-zoeken-ready')).slice(-1);
      assert.equal(last.detail.query, 'rode vlaggen');
      assert.ok(last.detail.count > 0);
    });
    await first.click();
    await eventually(async () => assert.deepEqual(await page.evaluate(() => window.clicks), [true]));
    await eventually(async () =>
      assert.deepEqual(
        (await heard(page, 'pijn-zoeken-open')).map((event) => event.detail),
        [
          {
            id,
            title: layTitle,
            href: `${site.base}index.html#/n/${id}?voor=patient`,
            query: 'rode vlaggen',
          },
        ],
      ),
    );
    assert.equal(page.url(), portal.url, 'the portal called preventDefault(), so the link is not followed');

    // The portal's ::part rules reach inside the shadow roots.
    const style = (locator, property) => locator.evaluate((node, name) => getComputedStyle(node)[name], property);
    await eventually(async () => assert.equal(await style(explanation.locator('[part="title"]'), 'color'), PLUM));
    await eventually(async () =>
      assert.equal(await style(list.locator('[part="checkbox"]').first(), 'accentColor'), PLUM),
    );
    await eventually(async () =>
      assert.equal(await style(search.locator('[part="hit"]').first(), 'borderTopWidth'), '3px'),
    );

    await page.screenshot({ path: shot(`embedding-portaal-${size}`), fullPage: true });
    assert.deepEqual(problems, [], 'no console errors (CSP and CORS violations show up there)');
    assert.deepEqual(await heard(page, 'pijn-checklist-error'), []);
    assert.deepEqual(
      requests.filter((url) => !url.startsWith(portal.url) && !url.startsWith(`${site.base}pkg/`)),
      [],
      'the portal loads nothing but its own files and pkg/',
    );
    assert.equal(requests.filter((url) => url.endsWith('.wasm')).length, 1, 'one wasm for three elements');

    // An unknown id says so in Dutch in place, with the close one, and tells the portal.
    await list.evaluate((host) => host.setAttribute('checklist', 'zs.checklist.pijneducatei'));
    await list.locator('[part="error"]').filter({ hasText: 'De checklist bestaat niet' }).waitFor();
    await eventually(async () =>
      assert.match(await list.locator('[part="error"]').textContent(), /Bedoelt u ‘zs\.checklist\.pijneducatie’\?/),
    );
    await eventually(async () =>
      assert.deepEqual(
        (await heard(page, 'pijn-checklist-error')).map((event) => event.detail.code),
        ['not-found'],
      ),
    );
    // A word two checklists share shows neither, and offers both.
    await list.evaluate((host) => host.setAttribute('checklist', 'pijneducatie'));
    await eventually(async () =>
      assert.match(
        await list.locator('[part="error"]').textContent(),
        /Bedoelt u ‘Aandachtspunten bij pijneducatie \(kader\)’ of ‘zs\.checklist\.voorlichting_educatie’\?/,
      ),
    );
    await context.close();

    // axe-core on the portal at this viewport (its own context bypasses the CSP to inject axe).
    const axeContext = await site.browser.newContext({ bypassCSP: true, viewport, serviceWorkers: 'block' });
    const violations = await site.axeViolations(portal.url, await axeContext.newPage());
    await axeContext.close();
    assert.deepEqual(violations, [], 'axe-core finds no WCAG 2.2 A/AA violations on the portal');
  });

  test(`files of pkg/ refused by CORS: the element says so in Dutch in place, above the fallback (${size})`, async () => {
    portal.body = (await copiedSnippets(viewport)).join('\n');
    portal.csp = readmeCsp(site.base);
    // Playwright fills in a missing Access-Control-Allow-Origin on a fulfilled response, so the
    // refusal is a header for another origin: what a host set up for one site sends.
    const refused = async (route) => {
      const response = await route.fetch();
      await route.fulfill({
        response,
        headers: { ...response.headers(), 'access-control-allow-origin': 'https://elders.example' },
      });
    };
    for (const file of ['pijnwijzer_bg.wasm', 'pijnwijzer.js']) {
      // The files by id are refused too: <pijn-uitleg> and <pijn-checklist> show one by id from its
      // file alone.
      const { context, page, problems } = await openPortal(viewport, [
        `**/pkg/{${file},lay/*.json,checklist/*.json}`,
        refused,
      ]);
      for (const name of NAMES) {
        await page
          .locator(`pijn-${name} [part="error"]`)
          .filter({ hasText: 'De Pijnwijzer-module kon niet worden geladen' })
          .waitFor();
        await eventually(async () =>
          assert.equal(await fallbackShown(page, name), true, `${name}: the fallback shows`),
        );
      }
      await eventually(async () =>
        assert.deepEqual(
          (await page.evaluate(() => window.heard.filter((event) => event.type.endsWith('-error'))))
            .map(({ target, detail }) => `${target}: ${detail.code}`)
            .sort(),
          ['pijn-checklist: load', 'pijn-uitleg: load', 'pijn-zoeken: load'],
        ),
      );
      await eventually(async () =>
        assert.equal(await page.locator('pijn-zoeken [part="form"]').isVisible(), false, 'no box that cannot search'),
      );
      await eventually(async () =>
        assert.ok(
          problems.some((text) => text.includes('blocked by CORS policy') && text.includes(file)),
          `the browser reports why (${file})`,
        ),
      );
      await page.screenshot({
        path: shot(`embedding-zonder-cors-${file.replace(/\W/g, '-')}-${size}`),
        fullPage: true,
      });
      await context.close();
    }

    // The component scripts themselves refused: the elements never exist, the fallback stays.
    const { context, page, problems } = await openPortal(viewport, ['**/pkg/components/*.js', refused]);
    await eventually(async () =>
      assert.equal(problems.filter((text) => text.includes('blocked by CORS policy')).length, NAMES.length),
    );
    for (const name of NAMES) {
      assert.equal(await page.evaluate((tag) => customElements.get(tag) === undefined, `pijn-${name}`), true);
      await eventually(async () => assert.equal(await fallbackShown(page, name), true));
      const href = await page.evaluate((tag) => document.querySelector(`${tag} > p a`).href, `pijn-${name}`);
      assert.ok(href.startsWith(site.base), 'the fallback links to the Pijnwijzer site');
    }
    await page.screenshot({ path: shot(`embedding-zonder-script-${size}`), fullPage: true });
    await context.close();
  });
}
