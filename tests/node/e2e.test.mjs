// The site end to end in Debian's headless Chromium, driven by Playwright, served with the
// strict Content-Security-Policy header. Screenshots of each view go to test-results/screenshots/.
// Every test checks that the page logged no console error (CSP violations show up there) and made
// no request outside its own origin. Accessibility is checked with axe-core on every view, in a
// separate context that bypasses the CSP only to inject axe itself.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { edgeContrast, eventually } from './browser.mjs';
import { readFileSync } from 'node:fs';
import { headersFor, serve } from '../../scripts/serve.mjs';
import { useSite, visit, ready, shot, untilControlled } from './site.mjs';

const site = useSite();
const { open, axeViolations } = site;

test('the skip link moves the focus to the content and leaves the page as it is', async () => {
  const { page, done } = await open('#/n/worel.alg.rodevlaggen');
  const title = page.locator('#detail h1');
  await title.waitFor();
  const before = await title.textContent();
  await page.locator('#skip').focus();
  await page.keyboard.press('Enter');
  await eventually(async () => assert.equal(await page.evaluate(() => document.activeElement?.id), 'main'));
  assert.match(page.url(), /#\/n\/worel\.alg\.rodevlaggen$/);
  assert.equal(await title.textContent(), before);
  assert.ok(await page.locator('#detail').isVisible());
  await done();
});

test('typing "rode vlaggen" shows the WOREL recommendation first; it opens by keyboard and its deep link survives a reload', async () => {
  const { page, done } = await open();
  await page.keyboard.press('/');
  await page.keyboard.type('rode vlaggen');
  const first = page.locator('.hit').first();
  await first.locator('.hit-title').filter({ hasText: 'rode vlaggen' }).waitFor();
  await eventually(async () => assert.match(await first.locator('.badge').first().textContent(), /GPP/));
  await eventually(async () =>
    assert.match(await first.locator('.citation').textContent(), /WOREL §4 aanbeveling 6, p\. 29/),
  );
  await eventually(async () => assert.match(page.url(), /#\/\?q=rode%20vlaggen$/));
  await page.screenshot({ path: shot('zoeken'), fullPage: true });

  // Enter in the box opens the first result, as the hint under it says (with a keyboard; a touch
  // screen's "Zoek" key closes its keyboard instead: patient.test.mjs).
  await page.keyboard.press('Enter');
  await page.waitForURL(/#\/n\/worel\.alg\.rodevlaggen$/);
  await page.goBack();
  await first.locator('.hit-title').filter({ hasText: 'rode vlaggen' }).waitFor();
  await page.locator('#q').focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.waitForURL(/#\/n\/worel\.alg\.rodevlaggen$/);
  const title = await eventually(async () => {
    const text = await page.locator('#detail h1').textContent();
    assert.match(text, /rode vlaggen/);
    return text;
  });
  // The statement comes first; the other layers are one click away.
  await eventually(async () =>
    assert.ok(await page.locator('#detail .layer.main').isVisible(), 'the statement is shown'),
  );
  const lay = page.locator('#detail details.layer.lay');
  await eventually(async () =>
    assert.equal(await lay.getAttribute('open'), null, 'the lay layer starts closed for clinicians'),
  );
  await lay.locator('summary').click();
  await eventually(async () =>
    assert.ok(await lay.locator('.layer-body').isVisible(), 'the lay explanation opens with one click'),
  );
  await page.screenshot({ path: shot('detail'), fullPage: true });

  await page.reload();
  await ready(page);
  await eventually(async () => assert.equal(await page.locator('#detail h1').textContent(), title));

  // Follow a graph link to the list of red flags.
  await page.locator('#detail .links a[href="#/n/worel.alg.rodevlaggen.lijst"]').first().click();
  await page.waitForURL(/#\/n\/worel\.alg\.rodevlaggen\.lijst$/);
  await eventually(async () => assert.equal(await page.locator('#detail .layer.main li').count(), 10));
  await done();
});

test('an unknown deep link says so instead of breaking', async () => {
  const { page, done } = await open('#/n/worel.bestaat.niet');
  await eventually(async () => assert.equal(await page.locator('#detail h1').textContent(), 'Niet gevonden'));
  // A near miss offers the right node as a link, in Dutch: no English error text reaches the reader.
  await visit(page, `${site.base}#/n/worel.alg.rodevlagen`);
  await eventually(async () => assert.equal(await page.locator('#detail h1').textContent(), 'Niet gevonden'));
  await page.locator('#detail .did-you-mean a[href="#/n/worel.alg.rodevlaggen"]').waitFor();
  assert.doesNotMatch(await page.locator('#detail').textContent(), /unknown|did you mean/i);
  await done();
});

test("a deep link says what is on its way while the module loads, not the home page, and in the reader's mode", async () => {
  // A node, opened by a patient's link: the home page's shortcuts stay hidden, the status says the
  // page is loading, and the mode is the patient's from the start.
  const node = await site.openHolding('#/n/worel.alg.rodevlaggen?voor=patient');
  await eventually(async () =>
    assert.equal(await node.page.locator('#status').textContent(), 'De pagina wordt geladen…'),
  );
  assert.equal(await node.page.locator('#quick').isVisible(), false);
  assert.equal(await node.page.locator('#filters-toggle').isVisible(), false, 'a node has no filters');
  assert.equal(await node.page.locator('#sources-line').isVisible(), false, 'no placeholder for the sources');
  assert.equal(await node.page.locator('#mode-patient').getAttribute('aria-pressed'), 'true');
  assert.ok(node.asked(), 'the module is on its way');
  node.release();
  await ready(node.page);
  await eventually(async () => assert.ok(await node.page.locator('#detail-title').isVisible()));
  assert.match(await node.page.locator('#sources-line').textContent(), /^Bronnen: .*WOREL.*\(/);
  assert.equal(await node.page.locator('#status').textContent(), '');
  assert.deepEqual(node.problems, []);
  await node.context.close();

  // A search, with the first search's files held back too: the search is in the box and the status
  // says it is being searched, until the results are there.
  const search = await site.openHolding('#/?q=rode%20vlaggen', {
    held: ['**/pkg/pijnwijzer_bg.wasm', '**/pkg/search/index.bin'],
  });
  await eventually(async () =>
    assert.equal(await search.page.locator('#status').textContent(), 'Zoeken naar "rode vlaggen"…'),
  );
  assert.equal(await search.page.locator('#q').inputValue(), 'rode vlaggen');
  assert.equal(await search.page.locator('#quick').isVisible(), false);
  search.release();
  await eventually(async () =>
    assert.match(await search.page.locator('#status').textContent(), /^15 resultaten voor "rode vlaggen"$/),
  );
  await ready(search.page);
  assert.deepEqual(search.problems, []);
  await search.context.close();

  // The home page keeps its shortcuts while it loads.
  const home = await site.openHolding('');
  await eventually(async () => assert.ok(await home.page.locator('#quick').isVisible()));
  assert.equal(await home.page.locator('#status').textContent(), '');
  home.release();
  await home.context.close();
});

test('when the module cannot load, the page says so and offers to load it again', async () => {
  const context = await site.browser.newContext({ serviceWorkers: 'block' });
  await context.route('**/pkg/pijnwijzer_bg.wasm', (route) => route.abort('connectionfailed'));
  const page = await context.newPage();
  await page.goto(`${site.base}#/medicatie`);
  await eventually(async () =>
    assert.match(await page.locator('#status').textContent(), /^De richtlijnen konden niet worden geladen\./),
  );
  assert.equal(await page.locator('#quick').isVisible(), false, 'no home page where the medication page was asked for');
  // The button loads the page again, and with the module back the page is drawn.
  await context.unroute('**/pkg/pijnwijzer_bg.wasm');
  await page.getByRole('button', { name: 'Opnieuw laden' }).click();
  await ready(page);
  await eventually(async () => assert.ok(await page.locator('#view-page h1').first().isVisible()));
  await context.close();
});

test('filters narrow the search, are reflected in the address and survive a reload', async () => {
  const { page, done } = await open('#/?q=pijn');
  await page.locator('.hit').first().waitFor();
  await page.selectOption('#f-bron', 'rta');
  await eventually(async () => {
    assert.match(page.url(), /[?&]bron=rta/);
    const citations = await page.locator('.hit .citation').allTextContents();
    assert.ok(citations.length > 0, 'hits remain');
    for (const citation of citations) assert.match(citation, /^Bron: RTA ZO-Brabant/);
  });

  await page.selectOption('#f-bron', '');
  await page.selectOption('#f-stap', '2');
  await page.selectOption('#f-soort', 'step');
  await eventually(async () => {
    assert.match(page.url(), /stap=2/);
    assert.match(page.url(), /soort=step/);
    const titles = await page.locator('.hit-title').allTextContents();
    assert.ok(
      titles.some((t) => /^Stap 2/.test(t)),
      `step 2 is among the hits: ${titles}`,
    );
    for (const kind of await page.locator('.hit .kind').allTextContents()) assert.equal(kind, 'Stap');
  });

  await page.reload();
  await ready(page);
  await eventually(async () => assert.equal(await page.locator('#f-stap').inputValue(), '2'));
  await eventually(async () => assert.equal(await page.locator('#f-soort').inputValue(), 'step'));
  await eventually(async () => assert.equal(await page.locator('#q').inputValue(), 'pijn'));
  await page.screenshot({ path: shot('zoeken-filters'), fullPage: true });

  await page.locator('#filters-reset').click();
  await eventually(async () => assert.doesNotMatch(page.url(), /stap=|soort=/));
  await eventually(async () => assert.equal(await page.locator('#f-stap').inputValue(), ''));
  await done();
});

test('a node in a comparison topic shows "Wat zeggen de andere documenten?" with agreement in words', async () => {
  const { page, done } = await open();
  // Find a comparison topic through the page's own module (the same instance the app uses).
  const member = await page.evaluate(async () => {
    const { search, node } = await import('./pkg/pijnwijzer.js');
    for (const word of ['pijn', 'behandeling', 'medicatie', 'verwijzen', 'educatie']) {
      for (const hit of search(word, { kind: 'topic', limit: 20 })) {
        const other = node(hit.id).links.find((l) => l.kind !== 'topic');
        if (other) return { topic: hit.id, member: other.id };
      }
    }
    return null;
  });
  // The content has cross-document topics (tests/topics.rs lists them), so one must be found.
  assert.ok(member, 'a topic node links to a member node');
  await visit(page, `${site.base}#/n/${member.member}`);
  const section = page.locator('#detail .compare');
  await eventually(async () =>
    assert.match(await section.locator('h2').textContent(), /Wat zeggen de andere documenten\?/),
  );
  await eventually(async () =>
    assert.ok((await section.locator('.compare-doc').count()) >= 2, 'the documents side by side'),
  );
  await eventually(async () => {
    const agreements = await section.locator('.compare-doc .agreement').allTextContents();
    assert.ok(agreements.length >= 2, 'each document says how it agrees');
    for (const text of agreements) assert.match(text, /stemt overeen|stemt deels overeen|wijkt af|niet besproken/);
  });
  await page.screenshot({ path: shot('vergelijking'), fullPage: true });
  await done();
});

test('the header navigation marks the current page and every view has a deep link that survives a reload', async () => {
  const { page, done } = await open();
  const views = [
    ['Medicatie', /#\/medicatie$/, 'Medicatie'],
    ['Verwijzen', /#\/verwijzen$/, 'Verwijzen'],
    ['Stappen', /#\/stappen$/, 'Stepped care'],
    ['Checklists', /#\/checklists$/, 'Checklists'],
    ['Zoeken', /#\/$/, null],
  ];
  for (const [name, url, heading] of views) {
    await page.locator('nav.primary a', { hasText: name }).click();
    await page.waitForURL(url);
    await eventually(async () =>
      assert.equal(await page.locator('nav.primary a[aria-current="page"]').textContent(), name),
    );
    if (heading) {
      await eventually(async () =>
        assert.match(await page.locator('#view-page h1').textContent(), new RegExp(heading)),
      );
      await page.reload();
      await ready(page);
      await eventually(async () =>
        assert.equal(await page.locator('nav.primary a[aria-current="page"]').textContent(), name),
      );
      await eventually(async () =>
        assert.match(await page.locator('#view-page h1').textContent(), new RegExp(heading)),
      );
    }
  }
  await done();
});

test('medication lookup by brand name: "Lyrica" gives the pregabaline card with 2B; a class member shows the class caution; a drug without its own statement shows the class position as the class\'s', async () => {
  const { page, done } = await open('#/medicatie');
  await page.locator('#med-q').fill('Lyrica');
  await page.locator('#med-q').press('Enter');
  await page.waitForURL(/#\/medicatie\/Lyrica$/);
  const card = page.locator('.med-card');
  await eventually(async () => assert.match(await card.locator('h2').first().textContent(), /^Pregabaline/));
  await eventually(async () =>
    assert.match(
      await card
        .locator('.badge')
        .allTextContents()
        .then((t) => t.join(' ')),
      /2B · zwak voor/,
    ),
  );
  await eventually(async () => assert.match(await card.locator('.med-facts').textContent(), /overwegen/));
  await eventually(async () =>
    assert.ok(await card.locator('.med-section.cautions').isVisible(), 'cautions are shown'),
  );
  await eventually(async () =>
    assert.match(await card.locator('.med-section.notCovered h3').textContent(), /Niet in de richtlijn/),
  );
  await eventually(async () => assert.ok((await card.locator('.rules a').count()) > 3, 'the general rules are links'));
  await eventually(async () =>
    assert.ok((await page.locator('table.med-overview tbody tr').count()) > 20, 'every medication is listed'),
  );
  await page.screenshot({ path: shot('medicatie'), fullPage: true });

  await page.reload();
  await ready(page);
  await eventually(async () => assert.match(await page.locator('.med-card h2').first().textContent(), /^Pregabaline/));

  await page.locator('#med-q').fill('tramal');
  await page.locator('#med-q').press('Enter');
  await eventually(async () => assert.match(await page.locator('.med-card h2').first().textContent(), /^Tramadol/));
  await eventually(async () => assert.match(await page.locator('.class-caution').textContent(), /Opioïden/));

  // A drug the guidance makes no statement of its own about shows the class's position as the
  // class's: "sertraline" is no drug to consider, the antidepressants are.
  await page.locator('#med-q').fill('sertraline');
  await page.locator('#med-q').press('Enter');
  await eventually(async () => assert.match(await page.locator('.med-card h2').first().textContent(), /^SSRI/));
  await eventually(async () =>
    assert.match(
      await page.locator('.med-facts dd').first().textContent(),
      /^geen eigen uitspraak, via de klasse Antidepressiva: overwegen$/,
    ),
  );
  await eventually(async () =>
    assert.match(await page.locator('table.med-overview').textContent(), /klasse: overwegen/),
  );

  await page.locator('#med-q').fill('qqqqzz');
  await page.locator('#med-q').press('Enter');
  await eventually(async () =>
    assert.match(await page.locator('#med-result h2').textContent(), /Geen middel gevonden/),
  );
  await done();
});

test('the medication card always belongs to what the field says: another name clears it, any case and a strength work, a misspelling offers "Bedoelt u"', async () => {
  const { page, done } = await open('#/medicatie/Lyrica');
  const field = page.locator('#med-q');
  const cardTitle = page.locator('.med-card h2').first();
  await eventually(async () => assert.match(await cardTitle.textContent(), /^Pregabaline/));

  // `/` focuses the page's own field and stays on the page.
  await page.locator('#view-page h1').click();
  await page.keyboard.press('/');
  await eventually(async () => assert.equal(await page.evaluate(() => document.activeElement?.id), 'med-q'));
  assert.match(page.url(), /#\/medicatie\/Lyrica$/);

  // Replacing the name by a misspelt other drug takes the old card away at once.
  await field.selectText();
  await page.keyboard.type('tramdol');
  await eventually(async () =>
    assert.equal(await page.locator('.med-card').count(), 0, 'the pregabaline card is gone'),
  );
  await eventually(async () => assert.match(page.url(), /#\/medicatie$/));
  // Enter shows no card for a name the guidance does not use, but offers the closest one.
  await field.press('Enter');
  const offer = page.locator('#med-result .did-you-mean a', { hasText: 'Tramadol' });
  await eventually(async () =>
    assert.match(await page.locator('#med-result h2').textContent(), /Geen middel gevonden/),
  );
  assert.equal(await page.locator('.med-card').count(), 0, 'no card for a guessed name');
  await offer.click();
  await eventually(async () => assert.match(await cardTitle.textContent(), /^Tramadol/));
  await eventually(async () => assert.equal(await field.inputValue(), 'Tramadol'));

  // An empty field shows no card; a name in any case shows its card while typing.
  await field.fill('');
  await eventually(async () =>
    assert.equal(await page.locator('.med-card').count(), 0, 'an empty field shows no card'),
  );
  await field.fill('lyrica');
  await eventually(async () => assert.match(await cardTitle.textContent(), /^Pregabaline/));
  await eventually(async () => assert.match(page.url(), /#\/medicatie\/lyrica$/));
  // A name with its strength, as a pharmacist types it, is that drug's card; so is a prescription's
  // line, a release form and a dose schedule around the name.
  await field.fill('tramadol 50mg');
  await eventually(async () => assert.match(await cardTitle.textContent(), /^Tramadol/));
  await field.fill('Oxycodon HCl MGA 10mg 2dd1');
  await eventually(async () => assert.match(await cardTitle.textContent(), /^Oxycodon/));
  // A general word found only by a search ("pijnstillers") offers the best three drugs or classes,
  // not one class as if it were the answer, and no drug whose class it offers already.
  await field.fill('pijnstillers');
  await field.press('Enter');
  const { expected, member } = await page.evaluate(async () => {
    const hits = (await import('./pkg/pijnwijzer.js')).search('pijnstillers', { kind: 'medication', limit: 10 });
    const offered = [];
    for (const hit of hits) {
      if (!(hit.gradedBy && offered.some((o) => o.id === hit.gradedBy.id))) offered.push(hit);
    }
    const name = (hit) => hit.title.split(':')[0];
    const skipped = hits.find((hit) => hit.gradedBy && offered.slice(0, 3).some((o) => o.id === hit.gradedBy.id));
    return { expected: offered.slice(0, 3).map(name), member: skipped && name(skipped) };
  });
  assert.equal(expected.length, 3, 'premise: three drugs or classes for the word');
  assert.ok(member, 'premise: a member of an offered class among the hits');
  assert.ok(!expected.includes(member));
  await eventually(async () =>
    assert.deepEqual(await page.locator('#med-result .did-you-mean a').allTextContents(), expected),
  );
  await page.screenshot({ path: shot('medicatie-bedoelt-u'), fullPage: true });
  await done();
});

test('the referral grid: a row or column header filters the matrix and lists the answer in words; a link to a row it lacks says so', async () => {
  const { page, done } = await open('#/verwijzen');
  const table = page.locator('table.matrix');
  await eventually(async () => assert.equal(await table.locator('tbody tr').count(), 7));
  await eventually(async () => assert.equal(await table.locator('thead th').count(), 9));
  await eventually(async () =>
    assert.equal(
      await table.locator('td.yes .visually-hidden').filter({ hasText: 'ja' }).count(),
      14,
      'marks are text, not colour alone',
    ),
  );

  await table.locator('tbody th button', { hasText: 'Oudere, kwetsbare patiënt' }).click();
  await eventually(async () => assert.match(page.url(), /klacht=5/));
  await eventually(async () => assert.equal(await table.locator('tbody th button[aria-pressed="true"]').count(), 1));
  await eventually(async () =>
    assert.deepEqual(await page.locator('#referral-answer li').allTextContents(), ['Geriater']),
  );
  await eventually(async () => assert.equal(await table.locator('tbody tr').nth(4).locator('td.selected').count(), 8));

  await table.locator('thead th button', { hasText: 'Psycholoog' }).press('Enter');
  await eventually(async () => assert.match(page.url(), /discipline=Psycholoog/));
  await eventually(async () => assert.equal(await page.locator('#referral-answer li').count(), 2));
  await eventually(async () => assert.equal(await table.locator('td.selected').count(), 7));
  await page.screenshot({ path: shot('verwijzen'), fullPage: true });

  await page.reload();
  await ready(page);
  await eventually(async () =>
    assert.equal(await table.locator('thead th button[aria-pressed="true"]').textContent(), 'Psycholoog'),
  );
  await eventually(async () => {
    const related = await page.locator('.referral-side .related a').allTextContents();
    assert.ok(
      related.some((t) => /overdracht/.test(t)),
      'the handover checklist is linked',
    );
    assert.ok(
      related.some((t) => /MDO/.test(t)),
      'the MDO levels are linked',
    );
  });
  await eventually(async () => assert.match(await page.locator('.matrix-note').textContent(), /gereconstrueerd/));
  // A link to a row or column the matrix lacks says so; a discipline in any case is found.
  await visit(page, `${site.base}#/verwijzen?klacht=99`);
  await eventually(async () =>
    assert.match(await page.locator('.referral-answer .notice').textContent(), /type klachten 99.*niet in de matrix/),
  );
  await visit(page, `${site.base}#/verwijzen?discipline=psycholoog`);
  await eventually(async () =>
    assert.equal(
      await page.locator('.matrix thead .header-button', { hasText: 'Psycholoog' }).getAttribute('aria-pressed'),
      'true',
    ),
  );
  assert.equal(await page.locator('.referral-answer .notice').count(), 0);
  await done();
});

test('the stepped-care diagram is an SVG drawn from the data, with the criteria also as lists', async () => {
  const { page, done } = await open('#/stappen');
  const svg = page.locator('svg.steps-diagram');
  await eventually(async () => assert.equal(await svg.getAttribute('role'), 'img'));
  await eventually(async () => assert.ok((await svg.getAttribute('aria-label')).length > 10));
  await eventually(async () => assert.equal(await svg.locator('title').textContent(), 'Stepped care in vier stappen'));
  await eventually(async () => assert.match(await svg.locator('desc').textContent(), /Opschalen/));
  await eventually(async () => assert.equal(await svg.locator('g.step').count(), 4));
  await eventually(async () => assert.equal(await svg.locator('g.move').count(), 3));
  await eventually(async () => assert.equal(await svg.locator('.move-label.up').count(), 3));
  await eventually(async () => assert.equal(await svg.locator('.move-label.down').count(), 3));
  // The boxes carry the titles the module returns, and the lists below hold the full criteria.
  const headings = await eventually(async () => {
    const texts = await page.locator('.step-detail h2').allTextContents();
    assert.equal(texts.length, 4);
    return texts;
  });
  for (const [index, heading] of headings.entries()) {
    const short = heading.replace(/^Stap \d+:\s*/, '').slice(0, 12);
    await eventually(async () =>
      assert.match(await svg.locator(`g.step-${index + 1} .step-title`).textContent(), new RegExp(short.slice(1))),
    );
  }
  await eventually(async () => assert.ok((await page.locator('.step-detail ul.criteria.up li').count()) >= 10));
  await eventually(async () => assert.ok((await page.locator('.step-detail ul.criteria.down li').count()) >= 4));
  await eventually(async () => assert.equal(await page.locator('img').count(), 0, 'no static image'));
  await page.screenshot({ path: shot('stappen'), fullPage: true });
  await done();
});

test('a checklist is the embeddable <pijn-checklist>: it keeps its ticks across a reload, resets with "Wis alles", and prints as a clean handout', async () => {
  const { page, done } = await open('#/checklists');
  await eventually(async () => assert.ok((await page.locator('.checklist-index li').count()) >= 10));
  await page.screenshot({ path: shot('checklists'), fullPage: true });
  await page.locator('.checklist-index a[href="#/checklist/rta.referral.handover"]').click();
  await page.waitForURL(/#\/checklist\/rta\.referral\.handover$/);
  // Playwright's CSS locators reach into the element's open shadow root.
  const element = page.locator('pijn-checklist[checklist="rta.referral.handover"]');
  const boxes = element.locator('[part~="checkbox"]');
  await eventually(async () => assert.equal(await boxes.count(), 6));
  await eventually(async () =>
    assert.equal(
      await page.locator('#view-page h1').textContent(),
      await element.evaluate((e) => e.shadowRoot.querySelector('[part~="title"]').textContent),
    ),
  );
  // Each item has its own label.
  await element.getByLabel('de conclusie van de verwijzer;').check();
  await boxes.nth(0).check();
  await eventually(async () => assert.match(await element.locator('[part~="progress"]').textContent(), /2 van 6/));
  await eventually(async () =>
    assert.equal(
      await page.evaluate(() => localStorage.getItem('pijnwijzer:checklist:rta.referral.handover')),
      '[0,4]',
    ),
  );

  await page.reload();
  await ready(page);
  await eventually(async () => assert.ok(await boxes.nth(0).isChecked()));
  await eventually(async () => assert.ok(await boxes.nth(4).isChecked()));
  await eventually(async () => assert.ok(!(await boxes.nth(1).isChecked())));
  await page.screenshot({ path: shot('checklist'), fullPage: true });
  // The list of checklists counts the same ticks.
  await visit(page, `${site.base}#/checklists`);
  await eventually(async () =>
    assert.match(
      await page.locator('.checklist-index li', { hasText: 'overdracht' }).first().textContent(),
      /2 afgevinkt/,
    ),
  );
  await visit(page, `${site.base}#/checklist/rta.referral.handover`);

  await page.emulateMedia({ media: 'print' });
  await eventually(async () =>
    assert.equal(await page.locator('nav.primary').isVisible(), false, 'navigation is hidden in print'),
  );
  await eventually(async () =>
    assert.equal(await element.locator('[part~="reset"]').isVisible(), false, 'buttons are hidden in print'),
  );
  assert.equal(await page.locator('#checklist-print').isVisible(), false);
  await eventually(async () => assert.ok(await page.locator('#view-page h1').isVisible(), 'the title prints'));
  await eventually(async () =>
    assert.ok(await element.locator('[part~="item"]').first().isVisible(), 'the items print'),
  );
  await eventually(async () =>
    assert.ok(await element.locator('[part~="citation"]').first().isVisible(), 'the source prints'),
  );
  await page.screenshot({ path: shot('checklist-print'), fullPage: true });
  await page.emulateMedia({ media: 'screen' });

  await element.locator('[part~="reset"]').click();
  await eventually(async () => assert.equal(await element.locator('[part~="checkbox"]:checked').count(), 0));
  await page.reload();
  await ready(page);
  await element.locator('[part~="checkbox"]').first().waitFor();
  await eventually(async () => assert.equal(await element.locator('[part~="checkbox"]:checked').count(), 0));
  await eventually(async () =>
    assert.equal(await page.evaluate(() => localStorage.getItem('pijnwijzer:checklist:rta.referral.handover')), null),
  );

  // An item taken from a recommendation shows it as its origin, a link into the site.
  await visit(page, `${site.base}#/checklist/worel.med.checklist.starten`);
  const starting = page.locator('pijn-checklist[checklist="worel.med.checklist.starten"]');
  await eventually(async () =>
    assert.ok((await starting.locator('[part~="origin"] a[href^="#/n/worel."]').count()) >= 4),
  );
  await done();
});

test('a glossary term in a lay text shows its definition on focus or tap, and hides it on Escape', async () => {
  const { page, done } = await open('#/n/worel.med.opioiden.tramadol?voor=patient');
  const term = page.locator('#detail .layer.lay .term-button').first();
  await eventually(async () => assert.equal(await term.textContent(), 'Tramadol'));
  const definition = page.locator(`#${await term.getAttribute('aria-describedby')}`);
  assert.equal(await definition.isVisible(), false, 'the definition waits for the reader');
  await term.focus();
  await eventually(async () => assert.match(await definition.textContent(), /zwak werkende opioïden/));
  await eventually(async () => assert.equal(await definition.isVisible(), true));
  assert.equal(await term.getAttribute('aria-expanded'), 'true');
  await page.screenshot({ path: shot('woordenlijst'), fullPage: true });
  await page.keyboard.press('Escape');
  await eventually(async () => assert.equal(await definition.isVisible(), false));
  await term.click();
  await eventually(async () => assert.equal(await definition.isVisible(), true));
  await done();
});

test('a card prints whole: its closed sections and every glossary word; the referral matrix prints its labels', async () => {
  const { page, done } = await open('#/n/worel.med.opioiden.tramadol');
  const closed = page.locator('#detail details.layer:not([open]) .layer-body');
  await eventually(async () => assert.ok((await closed.count()) >= 2, 'sections closed on screen'));
  assert.equal(await closed.first().isVisible(), false);
  const terms = page.locator('#detail .term-button');
  await eventually(async () => assert.equal(await terms.first().textContent(), 'Tramadol'));
  // A glossary word is a button, and the print rules hide buttons: it must print as the word.
  await page.emulateMedia({ media: 'print' });
  await eventually(async () => assert.equal(await page.locator('nav.primary').isVisible(), false));
  for (const body of await closed.all()) assert.ok(await body.isVisible(), 'a closed section prints');
  for (const term of await terms.all()) assert.ok(await term.isVisible(), 'a glossary word prints');
  await page.screenshot({ path: shot('node-print'), fullPage: true });
  await page.emulateMedia({ media: 'screen' });

  await visit(page, `${site.base}#/verwijzen`);
  const labels = page.locator('.matrix .header-button');
  await eventually(async () => assert.equal(await labels.count(), 15, '7 kinds of complaint, 8 disciplines'));
  await labels.first().click();
  await eventually(async () => assert.equal(await labels.first().getAttribute('aria-pressed'), 'true'));
  await page.emulateMedia({ media: 'print' });
  await eventually(async () => assert.equal(await page.locator('nav.primary').isVisible(), false));
  for (const label of await labels.all()) {
    assert.ok(await label.isVisible(), `${await label.textContent()} prints`);
    // Printed without background colours, the chosen label's light text would vanish.
    assert.equal(await label.evaluate((e) => getComputedStyle(e).color), 'rgb(0, 0, 0)');
  }
  await page.screenshot({ path: shot('verwijzen-print'), fullPage: true });
  await page.emulateMedia({ media: 'screen' });
  await done();
});

test('after one visit the site works offline through the service worker', async () => {
  const { page, context, done } = await open('', { serviceWorkers: 'allow' });
  await untilControlled(page);
  await context.setOffline(true);
  await page.reload();
  await ready(page);
  await page.keyboard.press('/');
  await page.keyboard.type('Lyrica');
  await eventually(async () => assert.match(await page.locator('.hit-title').first().textContent(), /[Pp]regabaline/));
  await page.goto(`${site.base}#/medicatie/tramadol`);
  await ready(page);
  await eventually(async () => assert.match(await page.locator('.med-card h2').first().textContent(), /^Tramadol/));
  await context.setOffline(false);
  await done();
});

test('with a signal but no data (a server that never answers), a reader who came before gets the site from the cache', async () => {
  // A server of its own, which can fall silent: it takes every request and answers none.
  const { server, url } = await serve({ port: 0 });
  const [answer] = server.listeners('request');
  server.removeAllListeners('request');
  let silent = false;
  server.on('request', (request, response) => {
    if (!silent) answer(request, response);
  });
  const context = await site.browser.newContext({ serviceWorkers: 'allow' });
  try {
    const page = await context.newPage();
    await page.goto(`${url}/`);
    await ready(page);
    await untilControlled(page);
    silent = true;
    // A new tab: the service worker waits a few seconds for the page's answer, then takes its cached
    // copy, and the cached copies of the files that follow at once. The page, its module and a
    // drug's card are there well before the browser would give up on the server.
    const again = await context.newPage();
    const opened = Date.now();
    await again.goto(`${url}/#/medicatie/tramadol`, { timeout: 60_000 });
    await again.waitForSelector('html[data-ready="true"]', { timeout: 60_000 });
    await eventually(async () => assert.match(await again.locator('.med-card h2').first().textContent(), /^Tramadol/));
    // One wait, not one per round of the page's files: about 4 s here, where a wait per round
    // took 12.6 s.
    assert.ok(Date.now() - opened < 10_000, `the card took ${Date.now() - opened} ms`);
  } finally {
    await context.close();
    server.closeAllConnections();
    server.close();
  }
});

test('a reader who comes back when a new build is out, and the network falls silent after its JS, gets the module of one build', async () => {
  // The new build's JS, which only works with the new wasm: it names one import differently, as a
  // new build's JS does, so the old wasm cannot start with it.
  const pkg = (file) => readFileSync(new URL(`../../www/pkg/${file}`, import.meta.url));
  const glue = pkg('pijnwijzer.js').toString();
  const renamed = glue.replace(/(__wbg_\w+_)[0-9a-f]{16}:/, '$10000000000000000:');
  assert.notEqual(renamed, glue, 'premise: the JS names its imports');
  const { server, url } = await serve({ port: 0 });
  const [answer] = server.listeners('request');
  server.removeAllListeners('request');
  // What the host serves of the module: the first build, the new build's JS alone (its wasm
  // never arrives), then the first build again under new validators, as a rebuild would be.
  let module = 'first';
  const files = { '/pkg/pijnwijzer.js': 'pijnwijzer.js', '/pkg/pijnwijzer_bg.wasm': 'pijnwijzer_bg.wasm' };
  // The requests for the new wasm, left unanswered: the network drops them when it comes back.
  const unanswered = [];
  server.on('request', (request, response) => {
    const [path] = request.url.split('?');
    if (module === 'first' || !files[path]) {
      answer(request, response);
    } else if (module === 'rebuilt' || path === '/pkg/pijnwijzer.js') {
      response.writeHead(200, { ...headersFor(path), ETag: `"${module}"` });
      response.end(module === 'rebuilt' ? pkg(files[path]) : renamed);
    } else {
      unanswered.push(request);
    }
  });
  const context = await site.browser.newContext({ serviceWorkers: 'allow' });
  const card = async (page) => {
    await page.waitForSelector('html[data-ready="true"]', { timeout: 60_000 });
    await eventually(async () => assert.match(await page.locator('.med-card h2').first().textContent(), /^Tramadol/));
  };
  try {
    const page = await context.newPage();
    await page.goto(url);
    await ready(page);
    await untilControlled(page);
    // The page gets the cached JS and wasm of the first build, and so does a reload on the same
    // network: the new JS did not go into the cache without its wasm.
    module = 'next';
    await page.goto(`${url}#/medicatie/tramadol`);
    await card(page);
    await page.reload();
    await card(page);
    // Once the network answers both files, both go into the cache, and the page starts from them
    // offline.
    module = 'rebuilt';
    for (const request of unanswered) request.socket.destroy();
    await page.reload();
    await card(page);
    const cached = () =>
      page.evaluate(() =>
        Promise.all(
          ['pkg/pijnwijzer.js', 'pkg/pijnwijzer_bg.wasm'].map(async (file) =>
            (await caches.match(file))?.headers.get('ETag'),
          ),
        ),
      );
    await eventually(async () => assert.deepEqual(await cached(), ['"rebuilt"', '"rebuilt"']));
    await context.setOffline(true);
    await page.reload();
    await card(page);
  } finally {
    await context.close();
    server.closeAllConnections();
    server.close();
  }
});

test('a narrow screen, 360 px or a phone zoomed to 200 % (195 px): no page scrolls sideways, and the mode switch shows both choices whole', async () => {
  const views = [
    '#/?q=opioiden',
    '#/?voor=patient&q=slecht%20slapen',
    '#/n/worel.med.opioiden',
    '#/n/zs.diag.f.emoties?voor=patient',
    '#/medicatie/Lyrica',
    '#/verwijzen?klacht=1',
    '#/stappen',
    '#/checklists',
    '#/checklist/rta.referral.handover',
  ];
  for (const width of [360, 195]) {
    const { page, done } = await open('', { width, height: 740 });
    for (const view of views) {
      await visit(page, site.base + view);
      const wide = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(wide <= width, `${view} is ${wide} px wide on a screen of ${width}`);
      const ends = await page
        .locator('.audience button')
        .evaluateAll((buttons) => buttons.map((button) => button.getBoundingClientRect().right));
      assert.ok(
        ends.length === 2 && ends.every((end) => end <= width),
        `${view}: the switch ends at ${ends} on ${width}`,
      );
    }
    if (width === 360) {
      await visit(page, `${site.base}#/stappen`);
      await page.screenshot({ path: shot('smal-stappen'), fullPage: true });
      await visit(page, `${site.base}#/medicatie/Lyrica`);
      await page.screenshot({ path: shot('smal-medicatie'), fullPage: true });
    }
    await done();
  }
});

/** Every view of the site, for the checks that visit them all. */
const VIEWS = [
  '#/',
  '#/?q=rode%20vlaggen',
  '#/?q=pijn&soort=step&stap=2',
  '#/n/worel.alg.rodevlaggen',
  '#/n/worel.med.opioiden',
  '#/medicatie',
  '#/medicatie/Lyrica',
  '#/medicatie/tramadol',
  '#/medicatie/qqqzz',
  '#/verwijzen',
  '#/verwijzen?klacht=2',
  '#/stappen',
  '#/checklists',
  '#/checklist/rta.referral.handover',
  '#/medicatie?toon=overzicht',
  '#/n/zs.stap.2',
  '#/veranderd',
];

/** The view `view` in the audience `mode` (`professional` or `patient`). */
const inMode = (view, mode) => (mode === 'patient' ? `${view}${view.includes('?') ? '&' : '?'}voor=patient` : view);

test('axe-core finds no WCAG 2.2 A/AA violations on any view, at both viewports and in both modes', async () => {
  const failures = [];
  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 390, height: 844 },
  ]) {
    const page = await site.axePage(viewport);
    for (const mode of ['professional', 'patient']) {
      for (const view of VIEWS) {
        failures.push(
          ...(await axeViolations(site.base + inMode(view, mode), page)).map((f) => `${viewport.width} px: ${f}`),
        );
      }
    }
    await page.close();
  }
  assert.deepEqual(failures, []);
});

test('in a dark colour scheme every view is dark, in both modes, with no axe-core violation; print stays black on white', async () => {
  const page = await site.axePage({ width: 1280, height: 800 });
  await page.emulateMedia({ colorScheme: 'dark' });
  // The relative luminance (WCAG) of the page's text and of its background.
  const luminances = () =>
    page.evaluate(() => {
      const luminance = (colour) => {
        const [r, g, b] = colour
          .match(/[\d.]+/g)
          .slice(0, 3)
          .map((c) => {
            const s = Number(c) / 255;
            return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
          });
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      const root = getComputedStyle(document.documentElement);
      return { text: luminance(root.color), background: luminance(root.backgroundColor) };
    });
  const failures = [];
  for (const mode of ['professional', 'patient']) {
    for (const view of VIEWS) {
      failures.push(...(await axeViolations(site.base + inMode(view, mode), page)));
      const { text, background } = await luminances();
      if (!(background < 0.05 && text > 0.5)) failures.push(`${inMode(view, mode)}: not dark (${text}, ${background})`);
    }
  }
  assert.deepEqual(failures, []);
  // A reader who prints from a dark screen gets the handout as it always was.
  await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
  const printed = await luminances();
  assert.ok(printed.background === 1 && printed.text < 0.05, `print: ${JSON.stringify(printed)}`);
  await page.screenshot({ path: shot('donker') });
  await page.close();
});

test('a form field stands out from what is around it: its edge has 3:1 contrast (WCAG 1.4.11), light and dark', async () => {
  const { page, done } = await open('#/?q=pijn');
  const fields = { '#/?q=pijn': ['#q', '.filters select'], '#/medicatie': ['#med-q'] };
  for (const colorScheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme });
    for (const [view, selectors] of Object.entries(fields)) {
      await visit(page, site.base + view);
      for (const selector of selectors) {
        const field = page.locator(selector).first();
        await field.waitFor();
        await field.blur(); // a focused field shows the accent instead
        const contrast = await edgeContrast(field);
        assert.ok(contrast >= 3, `${view} ${selector} (${colorScheme}): ${contrast.toFixed(2)}:1`);
      }
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await done();
});

test('"Wat is er veranderd": every release with its counts, a page per release, and per node when it last changed', async () => {
  const { page, done } = await open('#/veranderd');
  const expected = await page.evaluate(async () => {
    const { releases, version } = await import('./pkg/pijnwijzer.js');
    return { releases: releases(), version: version() };
  });
  assert.ok(expected.releases.length >= 1, 'the module embeds at least one release');
  await eventually(async () => assert.equal(await page.locator('#view-page h1').textContent(), 'Wat is er veranderd'));
  await eventually(async () => assert.equal(await page.locator('ul.releases > li').count(), expected.releases.length));
  assert.match(
    await page.locator('#view-page').textContent(),
    new RegExp(`versie ${expected.version.contentVersion.replace(/[.+]/g, '\\$&')}`),
  );
  const [newest] = expected.releases;
  await page.locator(`ul.releases a[href="#/veranderd/${newest.name}"]`).click();
  await page.waitForURL(new RegExp(`#/veranderd/${newest.name.replaceAll('.', '\\.')}$`));
  await eventually(async () =>
    assert.equal(await page.locator('#view-page h1').textContent(), `Versie ${newest.name}`),
  );
  await page.screenshot({ path: shot('veranderd'), fullPage: true });

  // A node says in which release it last changed, with a link to that release's page.
  const item = await page.evaluate(async () => (await import('./pkg/pijnwijzer.js')).node('worel.alg.rodevlaggen'));
  await visit(page, `${site.base}#/n/worel.alg.rodevlaggen`);
  const changed = page.locator('#detail .facts.changed a');
  await eventually(async () =>
    assert.equal(
      await changed.getAttribute('href'),
      item.changedIn ? `#/veranderd/${item.changedIn.name}` : '#/veranderd',
    ),
  );
  await done();
});

test('in forced colours (Windows high contrast) the current tab, the question chosen by keyboard and the chosen matrix cells stay visible', async () => {
  const { page, done } = await open('?voor=patient#/');
  await page.emulateMedia({ forcedColors: 'active' });
  // A shadow or background marked them; forced colours drop both.
  const style = (locator, property) => locator.evaluate((node, name) => getComputedStyle(node)[name], property);
  const highlight = await page.evaluate(() => {
    const probe = document.body.appendChild(document.createElement('div'));
    probe.style.background = 'Highlight';
    const colour = getComputedStyle(probe).backgroundColor;
    probe.remove();
    return colour;
  });
  const tab = page.locator('nav.primary a[aria-current="page"]');
  await eventually(async () => assert.equal(await style(tab, 'borderBottomStyle'), 'solid'));
  assert.equal(await style(page.locator('nav.primary a:not([aria-current])').first(), 'borderBottomStyle'), 'none');

  const box = page.locator('#q');
  await box.fill('bewegen pijn');
  const options = page.locator('#q-questions [role="option"]');
  await options.first().waitFor();
  await box.press('ArrowDown');
  await eventually(async () => assert.equal(await options.first().getAttribute('aria-selected'), 'true'));
  assert.equal(await style(options.first(), 'backgroundColor'), highlight, 'the chosen question');
  assert.notEqual(await style(options.nth(1), 'backgroundColor'), highlight);
  await box.press('Escape');

  await visit(page, `${site.base}#/verwijzen`);
  await page.locator('table.matrix tbody th button', { hasText: 'Multimorbiditeit' }).click();
  const chosen = page.locator('table.matrix td.selected').first();
  await chosen.waitFor();
  await eventually(async () => assert.equal(await style(chosen, 'outlineStyle'), 'solid'));
  await page.screenshot({ path: shot('hoog-contrast-verwijzen'), fullPage: true });
  await done();
});
