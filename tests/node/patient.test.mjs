// The site for each reader and screen: the patient view (set by the address, patient words, lay
// titles, the care providers' text one click away), the search on a phone (the first result in
// view, filters behind a button), result cards (member drugs with their class's grade, table
// snippets as text) and Back, which returns to the place the reader left. Each test runs at a
// desktop and a phone viewport, and ends with done(): no console error, no request to another
// origin, and no axe-core violation at that viewport.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventually } from './browser.mjs';
import { useSite, visit, shot } from './site.mjs';

const site = useSite();
const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844, hasTouch: true, isMobile: true },
];

/** The module's own answer, asked inside the page: what the tests compare the page with. */
const moduleNode = (page, id) =>
  page.evaluate(async (nodeId) => (await import('./pkg/pijnwijzer.js')).node(nodeId), id);

for (const { name, ...viewport } of VIEWPORTS) {
  test(`${name}: the patient view follows the address, query string or hash, and a link does not change the reader's own choice`, async () => {
    const { page, done } = await site.open('?voor=patient#/', viewport);
    await eventually(async () =>
      assert.equal(await page.locator('#mode-patient').getAttribute('aria-pressed'), 'true'),
    );
    // Patient words: the label, the placeholder and the quick questions; no professional filters.
    await eventually(async () =>
      assert.equal(await page.locator('label[for="q"]').textContent(), 'Waar wilt u meer over weten?'),
    );
    assert.match(await page.locator('#q').getAttribute('placeholder'), /wat kan ik zelf doen/);
    assert.ok(await page.locator('#quick ul[data-for="patient"]').isVisible());
    assert.ok(!(await page.locator('#quick ul[data-for="professional"]').isVisible()));
    assert.deepEqual(await page.locator('nav.primary a').allTextContents(), [
      'Zoeken',
      'Medicijnen',
      'Verwijzen',
      'Stappen',
      'Lijsten',
    ]);
    // The pages, named as a patient would: no "stepped care", "verwijsmatrix" or "standpunt".
    const pages = await page.locator('#quick a[href^="#/"]:not([href^="#/?"])').allTextContents();
    assert.deepEqual(pages, [
      'Medicijnen: wat zeggen de richtlijnen?',
      'Verwijzen: welke zorgverlener bij welke klachten?',
      'Zorg in vier stappen: van zelfzorg tot een gespecialiseerd team',
      'Lijsten met de belangrijkste punten, om af te vinken of af te drukken',
    ]);
    await page.locator('#quick ul[data-for="patient"] a').first().click();
    await page.locator('.hit').first().waitFor();
    await eventually(async () => assert.ok(!(await page.locator('#filters').isVisible()), 'no filters for patients'));
    assert.ok(!(await page.locator('#filters-toggle').isVisible()));
    assert.equal(await page.locator('.hit .badge').count(), 0, 'no grades on patient hits');
    assert.equal(await page.locator('.hit .kind').count(), 0, 'no kind labels on patient hits');
    await page.screenshot({ path: shot(`patient-zoeken-${name}`), fullPage: true });
    // A link with ?voor= is not the reader's choice: a fresh visit without it is for clinicians.
    assert.equal(await page.evaluate(() => localStorage.getItem('pijnwijzer:voor')), null);
    await visit(page, `${site.base}#/`);
    await eventually(async () =>
      assert.equal(await page.locator('#mode-professional').getAttribute('aria-pressed'), 'true'),
    );
    // The reader's own choice is kept, and a later address that says otherwise still decides.
    await page.locator('#mode-patient').click();
    await eventually(async () =>
      assert.equal(await page.evaluate(() => localStorage.getItem('pijnwijzer:voor')), 'patient'),
    );
    await visit(page, `${site.base}#/`);
    await eventually(async () =>
      assert.equal(await page.locator('#mode-patient').getAttribute('aria-pressed'), 'true'),
    );
    await visit(page, `${site.base}?voor=zorgverlener#/`);
    await eventually(async () =>
      assert.equal(await page.locator('#mode-professional').getAttribute('aria-pressed'), 'true'),
    );
    await done();
  });

  test(`${name}: a patient reads the lay title and lay text first; the care providers' statement and grade are one click away`, async () => {
    const id = 'worel.med.opioiden';
    const { page, done } = await site.open(`#/n/${id}?voor=patient`, viewport);
    const item = await moduleNode(page, id);
    assert.ok(item.layTitle, `${id} has a lay title`);
    await eventually(async () => assert.equal(await page.locator('#detail h1').textContent(), item.layTitle));
    const lay = page.locator('#detail details.layer.lay');
    await eventually(async () => assert.equal(await lay.getAttribute('open'), ''));
    const professional = page.locator('#detail details.for-professionals');
    await eventually(async () => assert.equal(await professional.getAttribute('open'), null));
    assert.equal(await page.locator('#detail .badge').filter({ visible: true }).count(), 0, 'no grade in sight');
    assert.equal(await page.locator('#detail .facts.changed').count(), 0, 'no content version for a patient');
    assert.match(await professional.locator(':scope > summary').textContent(), /Voor zorgverleners/);
    await page.screenshot({ path: shot(`patient-detail-${name}`), fullPage: true });
    await professional.locator(':scope > summary').click();
    await eventually(async () =>
      assert.match(await professional.locator('.badge').first().textContent(), /^2C · zwak tegen/),
    );
    assert.equal(await professional.locator('.professional-title').textContent(), item.title);
    assert.ok(
      await professional.locator('.layer.main').isVisible(),
      "the statement is there, in the clinicians' words",
    );
    // Links to other nodes show their patient titles too, each once under one heading, without
    // the graph's words ("Verwijst hiernaar"); those without a lay text say they are for care providers.
    const linked = item.links.find((l) => l.layTitle);
    await page.locator('#detail .links a', { hasText: linked.layTitle }).first().waitFor();
    assert.equal(await page.locator('#links-heading').textContent(), 'Lees ook');
    assert.equal(await page.locator('#detail .links h3').count(), 0);
    const ids = [...new Set(item.links.map((l) => l.id))];
    assert.ok(ids.length < item.links.length, 'premise: a node linked twice');
    const hrefs = await page
      .locator('#detail .links a')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    assert.deepEqual(
      hrefs,
      ids.map((linkId) => `#/n/${linkId}?voor=patient`),
    );
    const tagged = await page
      .locator('#detail .links li')
      .evaluateAll((items) => items.filter((li) => li.textContent.includes('Voor zorgverleners')).length);
    assert.equal(tagged, ids.filter((linkId) => !item.links.find((l) => l.id === linkId).layTitle).length);
    await done();
  });
}

test('phone: the first search result is in view without scrolling; the filters wait behind a button; no keyboard hint on touch', async () => {
  const { page, done } = await site.open('#/?q=rode%20vlaggen', VIEWPORTS[1]);
  const first = page.locator('.hit').first();
  await first.waitFor();
  await eventually(async () => {
    const box = await first.locator('.hit-title').boundingBox();
    assert.ok(box && box.y + box.height <= 844, `the first result's title ends at ${box?.y + box?.height}`);
  });
  assert.ok(!(await page.locator('#search-help').isVisible()), 'no keyboard hint on a touch screen');
  // The on-screen keyboard's "Zoek" key closes the keyboard and leaves the results in view; it
  // does not open the first of them unseen.
  await page.locator('#q').focus();
  await page.locator('#q').press('Enter');
  await eventually(async () => assert.notEqual(await page.evaluate(() => document.activeElement?.id), 'q'));
  assert.match(page.url(), /#\/\?q=rode%20vlaggen/);
  assert.ok(await first.isVisible());
  assert.ok(!(await page.locator('#filters').isVisible()));
  await page.locator('#filters-toggle').click();
  await eventually(async () => assert.ok(await page.locator('#f-bron').isVisible()));
  assert.equal(await page.locator('#filters-toggle').getAttribute('aria-expanded'), 'true');
  await page.selectOption('#f-bron', 'worel');
  await eventually(async () => assert.equal(await page.locator('#filters-toggle').textContent(), 'Filters (1)'));
  await page.screenshot({ path: shot('telefoon-zoeken-filters'), fullPage: true });
  await done();
});

for (const { name, ...viewport } of VIEWPORTS) {
  test(`${name}: a member drug's hit shows its class's grade; a snippet from a table reads as text`, async () => {
    const { page, done } = await site.open('#/?q=tramadol', viewport);
    const hit = page.locator('.hit', { has: page.locator('a[href="#/n/worel.med.opioiden.tramadol"]') });
    await eventually(async () =>
      assert.match(await hit.locator('.badge').first().textContent(), /^2C · .*, via opioïden$/),
    );
    const snippets = await page.locator('.hit .snippet').allTextContents();
    assert.ok(snippets.length > 0);
    for (const snippet of snippets) assert.doesNotMatch(snippet, /\|/, `no table pipes: ${snippet}`);
    await done();
  });

  test(`${name}: Back returns to the place in the results and to the link that was followed`, async () => {
    const { page, done } = await site.open('#/?q=pijn', viewport);
    const hits = page.locator('a.hit-title');
    await eventually(async () => assert.ok((await hits.count()) >= 15));
    const target = hits.nth(12);
    await target.scrollIntoViewIfNeeded();
    const href = await target.getAttribute('href');
    const before = await page.evaluate(() => scrollY);
    assert.ok(before > 200, `scrolled down to the 13th hit (${before} px)`);
    await target.click();
    await page.locator('#detail h1').waitFor();
    await page.goBack();
    await page.locator('a.hit-title').nth(12).waitFor();
    await eventually(async () => assert.equal(await page.evaluate(() => scrollY), before));
    await eventually(async () =>
      assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('href')), href),
    );
    await done();
  });
}

for (const { name, ...viewport } of VIEWPORTS) {
  test(`${name}: the questions a lay text answers show above it, and a patient is offered them while typing`, async () => {
    const id = 'worel.beweging.advies';
    const { page, done } = await site.open(`#/n/${id}?voor=patient`, viewport);
    const item = await moduleNode(page, id);
    assert.ok(item.questions.length > 0, `${id} lists the questions it answers`);
    const answers = page.locator('#detail .answers');
    await eventually(async () => assert.equal(await answers.locator('h2').textContent(), 'Deze uitleg beantwoordt'));
    assert.deepEqual(await answers.locator('li').allTextContents(), item.questions);

    // Words of one of them, not as the question runs ("bewegen pijn"), show a list of questions
    // under the box: what the module suggests, each one there to read and to choose.
    const [question] = item.questions;
    const typed = 'bewegen pijn';
    const offered = await page.evaluate(
      async (words) => (await import('./pkg/pijnwijzer.js')).suggestQuestions(words, 8),
      typed,
    );
    assert.ok(offered.length > 1, `premise: "${typed}" is offered several questions`);
    assert.ok(!offered[0].question.toLowerCase().includes(typed), 'premise: not a substring (a datalist hid it)');
    await visit(page, `${site.base}#/?voor=patient`);
    const box = page.getByRole('combobox', { name: 'Waar wilt u meer over weten?' });
    await box.fill(typed);
    const list = page.getByRole('listbox', { name: 'Vragen die u kunt kiezen' });
    await list.waitFor();
    await eventually(async () =>
      assert.deepEqual(
        await list.getByRole('option').allTextContents(),
        offered.map((s) => s.question),
      ),
    );
    assert.equal(await box.getAttribute('aria-expanded'), 'true');
    assert.ok((await box.getAttribute('aria-controls')).split(' ').includes('q-questions'));
    // Arrow down marks the first question; Enter takes it: the box holds it, the list closes, and
    // the results are that question's: its node comes first.
    await box.press('ArrowDown');
    await eventually(async () => assert.equal(await box.getAttribute('aria-activedescendant'), 'q-questions-0'));
    assert.equal(await list.getByRole('option', { selected: true }).textContent(), offered[0].question);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'q', 'the focus stays in the box');
    await box.press('Enter');
    await eventually(async () => assert.equal(await box.inputValue(), offered[0].question));
    await eventually(async () => assert.ok(!(await list.isVisible()), 'the list closes'));
    const [first] = (await moduleSearch(page, offered[0].question)).ids;
    await eventually(async () =>
      assert.equal(await page.locator('a.hit-title').first().getAttribute('href'), `#/n/${first}?voor=patient`),
    );
    // Escape closes the list and keeps what was typed; Arrow down then moves on to the results.
    await box.fill(typed);
    await list.waitFor();
    await box.press('Escape');
    await eventually(async () => assert.ok(!(await list.isVisible())));
    assert.equal(await box.inputValue(), typed);
    await box.press('ArrowDown');
    await eventually(async () =>
      assert.ok(await page.evaluate(() => document.activeElement?.classList.contains('hit-title'))),
    );
    // A tap takes a question too.
    await box.fill(typed);
    await list.getByRole('option').nth(1).click();
    await eventually(async () => assert.equal(await box.inputValue(), offered[1].question));
    await eventually(async () => assert.ok(!(await list.isVisible())));
    // The whole question finds its node first.
    await page.locator('#q').fill(question);
    await eventually(async () =>
      assert.equal(await page.locator('a.hit-title').first().getAttribute('href'), `#/n/${id}?voor=patient`),
    );
    await done();
  });
}

/** The guidance's list of alarm signals, as the module gives it: its id and its lay title. */
const alarmSignals = (page) =>
  page.evaluate(async () => {
    const api = await import('./pkg/pijnwijzer.js');
    const list = api.redFlags().red.find((entry) => entry.flags.length > 0);
    return { id: list.id, title: api.lay(list.id).title };
  });

test("a patient's search marks the hits without a lay text as written for care providers", async () => {
  const query = 'checklist biopsychosociale anamnese';
  const { page, done } = await site.open(`?voor=patient#/?q=${encodeURIComponent(query)}`);
  const lay = await page.evaluate(
    async (q) =>
      (await import('./pkg/pijnwijzer.js'))
        .search(q, { limit: 20, prefix: true, audience: 'patient' })
        .map((hit) => Boolean(hit.layTitle)),
    query,
  );
  assert.ok(lay.includes(true) && lay.includes(false), `premise: hits with and without a lay text: ${lay}`);
  await page.locator('.hit').first().waitFor();
  const marked = await page
    .locator('.hit .hit-meta')
    .evaluateAll((metas) => metas.map((meta) => meta.textContent.includes('Voor zorgverleners')));
  assert.deepEqual(
    marked,
    lay.map((has) => !has),
  );
  await done();
});

test("an address that sets the patient view in its hash alone keeps it on the home page's links to the pages", async () => {
  const { page, done } = await site.open('#/?voor=patient');
  const link = page.locator('#quick a[data-route="/medicatie"]');
  await eventually(async () => assert.equal(await link.getAttribute('href'), '#/medicatie?voor=patient'));
  await eventually(async () =>
    assert.equal(
      await page.locator('footer a[data-route="/veranderd"]').getAttribute('href'),
      '#/veranderd?voor=patient',
    ),
  );
  await link.click();
  await page.waitForURL(/#\/medicatie\?voor=patient$/);
  await eventually(async () => assert.equal(await page.locator('#mode-patient').getAttribute('aria-pressed'), 'true'));
  await done();
});

test("the alarm signals, followed from a search that found nothing, open without the search's leftovers", async () => {
  const { page, done } = await site.open(
    `?voor=patient#/?q=${encodeURIComponent('mijn schoonmoeder heeft dementie en pijn')}`,
  );
  const signals = await alarmSignals(page);
  await page.locator('#alarm a').click();
  await eventually(async () => assert.equal(await page.locator('#detail h1').textContent(), signals.title));
  assert.equal(await page.locator('#retry').textContent(), '');
  assert.equal(await page.locator('#alarm').textContent(), '');
  await done();
});

test('a clinician whose search finds nothing is not pointed at the alarm signals', async () => {
  const { page, done } = await site.open(`?voor=zorgverlener#/?q=${encodeURIComponent('xqzzyvrt pijn')}`);
  await page.locator('#status').filter({ hasText: 'Niets gevonden' }).waitFor();
  assert.equal(await page.locator('#alarm').textContent(), '');
  await done();
});

/** The module's answers inside the page, for the same options the patient view searches with. */
const moduleSearch = (page, query) =>
  page.evaluate(async (q) => {
    const api = await import('./pkg/pijnwijzer.js');
    const options = { limit: 20, prefix: true, audience: 'patient' };
    return { unknown: api.unknownWords(q, options), ids: api.search(q, options).map((hit) => hit.id) };
  }, query);

for (const { name, ...viewport } of VIEWPORTS) {
  test(`${name}: a word the guidance never uses is named, and the search without it is one click away`, async () => {
    const query = 'mijn schoonmoeder heeft dementie en pijn';
    const { page, done } = await site.open(`?voor=patient#/?q=${encodeURIComponent(query)}`, viewport);
    const status = page.locator('#status');
    await status.filter({ hasText: '‘schoonmoeder’ staat nergens in de richtlijnen.' }).waitFor();
    assert.deepEqual(await moduleSearch(page, query), { unknown: ['schoonmoeder'], ids: [] });
    assert.equal(await page.locator('.hit').count(), 0);
    const retry = page.locator('#retry a');
    await eventually(async () =>
      assert.equal(await retry.textContent(), 'Zoek zonder dit woord: "mijn heeft dementie en pijn"'),
    );
    // Nothing found: the question may be about a sign of serious illness, so the guidance's list
    // of alarm signals is one click away, under its lay title.
    const signals = await alarmSignals(page);
    await eventually(async () =>
      assert.equal(
        await page.locator('#alarm').textContent(),
        `Pijnwijzer gaat over langdurige pijn. Gaat uw vraag over klachten die op iets ernstigs kunnen wijzen? Lees dan: ${signals.title}.`,
      ),
    );
    assert.equal(await page.locator('#alarm a').getAttribute('href'), `#/n/${signals.id}?voor=patient`);
    // The list of alarm signals comes before the search without the unknown word.
    assert.ok(
      await page
        .locator('#alarm')
        .evaluate((alarm) =>
          Boolean(alarm.compareDocumentPosition(document.getElementById('retry')) & Node.DOCUMENT_POSITION_FOLLOWING),
        ),
    );
    const without = await moduleSearch(page, 'mijn heeft dementie en pijn');
    assert.ok(without.ids.length > 0 && without.unknown.length === 0, 'premise: the rest finds');
    await retry.click();
    await page.locator('.hit').first().waitFor();
    await eventually(async () =>
      assert.equal(
        await page.locator('.hit a.hit-title').first().getAttribute('href'),
        `#/n/${without.ids[0]}?voor=patient`,
      ),
    );
    await eventually(async () => assert.equal(await page.locator('#retry').textContent(), ''));
    await eventually(async () => assert.equal(await page.locator('#alarm').textContent(), ''), 'hits: no pointer');

    // With hits, the note says they are about the other words; nothing to retry.
    const withHits = 'mag ik blijven wandelen als mijn rug er pijn van doet gisteren';
    await visit(page, `${site.base}?voor=patient#/?q=${encodeURIComponent(withHits)}`);
    await status
      .filter({ hasText: '‘gisteren’ staat nergens in de richtlijnen; de resultaten gaan over uw andere woorden.' })
      .waitFor();
    const shown = await page.locator('.hit').count();
    assert.ok(shown > 0);
    assert.equal(await page.locator('#retry a').count(), 0);
    // As many hits as the search may show: the status says they are the best of what may be more.
    const more = await page.evaluate(
      async (q) =>
        (await import('./pkg/pijnwijzer.js')).search(q, { limit: 40, prefix: true, audience: 'patient' }).length,
      withHits,
    );
    assert.ok(shown === 20 && more > 20, `premise: more hits than the 20 shown (${shown}, ${more})`);
    assert.match(await status.textContent(), /^De 20 beste resultaten voor "/);
    await done();
  });
}

test('a link inside a lay text keeps the patient view the address set, for a reader who never chose it', async () => {
  const { page, done } = await site.open('#/n/zs.checklist.ouderen?voor=patient');
  // The compiler links nodes by a bare #/n/<id>; followed as it stands, it led to the clinicians' view.
  const link = page.locator('#detail details.layer.lay a[href^="#/n/"]').first();
  await link.waitFor();
  assert.match(await link.getAttribute('href'), /^#\/n\/[^?]+\?voor=patient$/);
  await link.click();
  await page.waitForURL(/#\/n\/[^?]+\?voor=patient$/);
  await eventually(async () => assert.equal(await page.locator('#mode-patient').getAttribute('aria-pressed'), 'true'));
  await eventually(async () => assert.ok(await page.locator('#detail details.layer.lay[open]').isVisible()));
  await done();
});

test('beside a lay text that speaks of suicide, the crisis lines of the Netherlands and Belgium, marked as not from the guidance; beside others, none', async () => {
  const { page, done } = await site.open('#/n/zs.diag.f.suicidaal?voor=patient');
  const lines = page.locator('#detail .layer.lay [role="note"].crisis');
  await eventually(async () => assert.ok(await lines.isVisible(), 'the crisis lines are shown'));
  for (const number of ['tel:113', 'tel:08000113', 'tel:1813']) {
    assert.equal(await lines.locator(`a[href="${number}"]`).count(), 1, number);
  }
  assert.match(await lines.textContent(), /niet in de richtlijnen/);
  // A drug's card whose lay text warns of suicidal thoughts shows them too.
  await visit(page, `${site.base}#/medicatie/duloxetine?voor=patient`);
  await page.locator('.layer.lay .crisis').waitFor();
  await visit(page, `${site.base}#/n/worel.beweging.advies?voor=patient`);
  await page.locator('#detail .layer.lay .layer-body').waitFor();
  assert.equal(await page.locator('#detail .crisis').count(), 0, 'no crisis lines beside a text on exercise');
  await done();
});

test("the checklists in the patient view carry their titles in a patient's words, in the list and on the page", async () => {
  const { page, done } = await site.open('#/checklists?voor=patient');
  const lay = await page.evaluate(async () =>
    (await import('./pkg/pijnwijzer.js')).checklists().filter((c) => c.layTitle),
  );
  assert.ok(lay.length >= 10, `premise: ${lay.length} checklists with a lay title`);
  const first = page.locator(`.checklist-index a[href="#/checklist/${lay[0].id}?voor=patient"]`);
  await eventually(async () => assert.equal(await first.textContent(), lay[0].layTitle));
  // Those without an explanation in plain words are the clinicians' lists: folded away, below.
  const rest = await page.evaluate(async () =>
    (await import('./pkg/pijnwijzer.js')).checklists().filter((c) => !c.layTitle),
  );
  assert.ok(rest.length > 0, 'premise: some checklists have no lay title');
  const folded = page.locator('details.checklist-rest');
  await eventually(async () =>
    assert.equal(
      await folded.locator('summary').textContent(),
      `Lijsten voor zorgverleners, in hun vaktaal (${rest.length})`,
    ),
  );
  assert.equal(await folded.evaluate((details) => details.open), false);
  const inside = await folded
    .locator('.checklist-index a')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  assert.deepEqual(inside.sort(), rest.map((c) => `#/checklist/${c.id}?voor=patient`).sort());
  const outside = await page
    .locator('.checklist-index a')
    .evaluateAll((links) => links.filter((a) => !a.closest('details')).map((a) => a.getAttribute('href')));
  assert.deepEqual(outside.sort(), lay.map((c) => `#/checklist/${c.id}?voor=patient`).sort());
  await first.click();
  await eventually(async () => assert.equal(await page.locator('#view-page h1').textContent(), lay[0].layTitle));
  await done();
});

for (const { name, ...viewport } of VIEWPORTS) {
  test(`${name}: a drug without a statement of its own gives its class's position as the class's, its labels whole`, async () => {
    const { page, done } = await site.open('#/medicatie/sertraline?voor=patient', viewport);
    const position = page.locator('.med-facts div').first();
    await eventually(async () =>
      assert.equal(
        await position.locator('dd').textContent(),
        'geen eigen uitspraak, via de klasse Antidepressiva: overwegen',
      ),
    );
    // The label stays one word on one line beside a long position (on a phone it broke into "Stan/dpun/t").
    const lines = await position.locator('dt').evaluate((dt) => {
      const text = document.createRange();
      text.selectNodeContents(dt);
      return text.getClientRects().length;
    });
    assert.equal(lines, 1, '"Standpunt" on one line');
    // The names it is found by, misspellings included, are for clinicians checking a lookup.
    const aliases = await page.evaluate(
      async () => (await import('./pkg/pijnwijzer.js')).medication('sertraline').aliases,
    );
    assert.ok(aliases.length > 0, 'premise: sertraline has other names');
    assert.equal(await page.locator('.med-card .aliases').count(), 0);
    await done();
  });
}

for (const { name, ...viewport } of VIEWPORTS) {
  test(`${name}: a patient reads the referral matrix in plain words first, and what the RTA names rather than whom to refer to`, async () => {
    const { page, done } = await site.open('#/verwijzen?voor=patient', viewport);
    const matrix = await page.evaluate(async () => {
      const { referralMatrix, node } = await import('./pkg/pijnwijzer.js');
      const { id, related } = referralMatrix();
      const item = node(id);
      return {
        layTitle: item.layTitle,
        lay: item.layers.find((layer) => layer.key === 'lay').text,
        related: related.map((ref) => node(ref.id).layTitle ?? ref.title),
      };
    });
    // The matrix's own lay text, under its lay title, before the grid.
    const intro = page.locator('.referral-lay');
    await eventually(async () => assert.equal(await intro.locator('h2').textContent(), matrix.layTitle));
    const shown = await intro.locator('.layer-body').innerText();
    const words = (text) => text.replace(/\s+/g, ' ').replace(/^- /gm, '').trim();
    assert.ok(words(shown).includes(words(matrix.lay.split('\n')[0])), shown);
    assert.ok(
      await intro.evaluate((section) =>
        Boolean(
          section.compareDocumentPosition(document.querySelector('table.matrix')) & Node.DOCUMENT_POSITION_FOLLOWING,
        ),
      ),
      'the lay text comes before the matrix',
    );
    // The related nodes under their titles in a patient's words.
    await eventually(async () =>
      assert.deepEqual(await page.locator('.related li > a').allTextContents(), matrix.related),
    );
    // No kinds for a patient; a page without a lay text says it is for care providers.
    assert.deepEqual(
      [...new Set(await page.locator('.related .kind-inline').allTextContents())],
      [' · voor zorgverleners'],
    );
    assert.equal(await page.locator('#page-title').textContent(), 'Verwijzen: welke zorgverlener bij welke klachten?');
    assert.match(await page.locator('#matrix-help').textContent(), /zorgverlener/);
    // How the editors read the table from the PDF: folded, for care providers.
    const note = page.locator('details.matrix-note');
    assert.match(await note.locator('summary').textContent(), /^Voor zorgverleners/);
    assert.equal(await note.evaluate((details) => details.open), false);
    // A row chosen: what the RTA names for those complaints, not an instruction to refer.
    await page.locator('button[data-row="0"]').click();
    await eventually(async () =>
      assert.match(await page.locator('#referral-answer').innerText(), /De RTA noemt bij deze klachten:/),
    );
    assert.doesNotMatch(await page.locator('#referral-answer').innerText(), /Verwijs/);
    // A screen reader hears what the screen says: what the RTA names.
    await eventually(async () => assert.match(await page.locator('#referral-status').textContent(), / noemt de RTA /));
    assert.doesNotMatch(await page.locator('#view-page').innerText(), /discipline|verwijst de RTA/);
    await done();
  });
}

test('the switch between the views keeps the focus on a page whose module draws it', async () => {
  const { page, done } = await site.open('#/stappen');
  await page.locator('#page-title').filter({ hasText: 'Stepped care' }).waitFor();
  await page.locator('#mode-patient').click();
  await page.locator('#page-title').filter({ hasText: 'Zorg in vier stappen' }).waitFor();
  await eventually(async () => assert.equal(await page.evaluate(() => document.activeElement?.id), 'mode-patient'));
  await done();
});

test("the stepped-care page names each step in a patient's words, in the diagram and above its text", async () => {
  const { page, done } = await site.open('#/stappen?voor=patient');
  const steps = await page.evaluate(async () => (await import('./pkg/pijnwijzer.js')).steppedCare());
  assert.ok(
    steps.every((st) => st.layTitle && st.layTitle !== st.title),
    'premise: each step has its own lay title',
  );
  for (const st of steps) {
    await eventually(async () => assert.equal(await page.locator(`#stap-${st.step}-title`).textContent(), st.layTitle));
  }
  // The diagram's boxes carry the lay titles after "Stap N: ", wrapped over lines.
  const boxes = await eventually(async () => {
    const titles = await page.locator('svg .step-title').evaluateAll((texts) => texts.map((t) => t.textContent));
    assert.equal(titles.length, steps.length);
    return titles;
  });
  for (const st of steps) {
    const shown = st.layTitle.replace(/^Stap \d+:\s*/, '');
    assert.ok(
      boxes.some((box) => box.toLowerCase() === shown.toLowerCase()),
      `${shown} in ${JSON.stringify(boxes)}`,
    );
  }
  // The page and its diagram in plain words: no "stepped care", and the diagram's description
  // names the steps, not the clinicians' criteria (which wait, folded, under each step).
  await eventually(async () => assert.equal(await page.locator('#view-page h1').textContent(), 'Zorg in vier stappen'));
  const description = await page.locator('svg.steps-diagram desc').textContent();
  for (const st of steps) assert.ok(description.includes(st.layTitle), `${st.layTitle} in ${description}`);
  const criteria = steps.flatMap((st) => [...st.moveUp, ...st.moveDown].map((c) => c.label));
  assert.ok(criteria.length >= 12, 'premise: the steps have criteria');
  for (const label of criteria) assert.ok(!description.includes(label), `${label} in ${description}`);
  await done();
});
