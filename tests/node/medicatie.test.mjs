// The Medicatie page for pharmacists (#16): a member drug's card leads with its class's position
// and strength, and an overview sets every medication node side by side (for patients, by its lay
// title). Each test runs at a desktop and a phone viewport, for care providers and for patients
// (who see no grades).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventually } from './browser.mjs';
import { useSite, shot } from './site.mjs';

const site = useSite();

const VIEWPORTS = [
  ['desktop', { width: 1280, height: 800 }],
  ['phone', { width: 390, height: 844 }],
];
const MODES = ['professional', 'patient'];
/** A grade as the guidance writes it: a GRADE code, "GRADE" or a good-practice point. */
const GRADE = /\b[12][ABC]\b|GRADE|GPP/;

/** The hash of `path` in `mode`: patients' links carry ?voor=patient. */
const inMode = (path, mode, query = '') => {
  const params = new URLSearchParams(query);
  if (mode === 'patient') params.set('voor', 'patient');
  const text = params.toString();
  return `#${path}${text ? `?${text}` : ''}`;
};

/** Asserts that the document does not scroll sideways at its viewport. */
async function noSidewaysScroll(page, width) {
  await eventually(async () => {
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(scrollWidth <= width, `the page is ${scrollWidth} px wide at ${width} px`);
  });
}

for (const [viewport, size] of VIEWPORTS) {
  for (const mode of MODES) {
    const patient = mode === 'patient';

    test(`a member drug's card leads with its class's position${patient ? '' : ' and strength'} (${viewport}, ${mode})`, async () => {
      const { page, done } = await site.open(inMode('/medicatie/tramadol', mode), size);
      const card = page.locator('.med-card');
      await eventually(async () => assert.match(await card.locator('h2').first().textContent(), /^Tramadol/));
      // The first thing under the title: the facts, each saying it comes from the class.
      const lead = card.locator('h2 + dl.med-facts');
      await eventually(async () =>
        assert.match(await lead.textContent(), /Standpunt\s*bij voorkeur niet, via de klasse Opioïden/),
      );
      if (patient) {
        await eventually(async () => assert.doesNotMatch(await lead.textContent(), /Sterkte/));
        // No grade anywhere on the card as shown.
        await eventually(async () => assert.doesNotMatch(await card.innerText(), GRADE));
      } else {
        // content/worel/medicatie/opioiden.md grades the class 2C against; tramadol has no grade of its own.
        await eventually(async () =>
          assert.match(await lead.textContent(), /Sterkte\s*2C · zwak tegen, via de klasse Opioïden/),
        );
      }
      await page.screenshot({ path: shot(`medicatie-lid-${viewport}-${mode}`), fullPage: true });
      await noSidewaysScroll(page, size.width);
      if (patient) {
        // The recommendation, which names its grade, is one click away.
        const professional = card.locator('details.med-professional');
        await professional.locator('summary').click();
        await eventually(async () => assert.match(await professional.innerText(), /GRADE 2C/));
      }

      // The class's name in the lead opens the class's card.
      await lead.getByRole('link', { name: 'Opioïden' }).first().click();
      await page.waitForURL(/#\/medicatie\/worel\.med\.opioiden(\?voor=patient)?$/);
      await eventually(async () => assert.match(await card.locator('h2').first().textContent(), /^Opioïden/));
      await eventually(async () => assert.equal(await page.locator('#med-q').inputValue(), 'Opioïden'));
      await done();
    });

    if (!patient)
      test(`the overview sets every medication node side by side, grouped by class, each row linking to its card (${viewport})`, async () => {
        const { page, done } = await site.open(inMode('/medicatie', mode), size);
        // What the module reports, asked in the page (the app has initialised it).
        const expected = await page.evaluate(async () => {
          const { medications, medication } = await import('./pkg/pijnwijzer.js');
          return medications().map((m) => ({
            id: m.id,
            title: m.title,
            layTitle: medication(m.id).layTitle,
            class: m.class,
          }));
        });
        assert.ok(expected.length > 20, `the module reports ${expected.length} medication nodes`);
        const rows = page.locator('table.med-overview tbody tr');
        // On #/medicatie with no name chosen, under the lookup.
        await eventually(async () => assert.equal(await rows.count(), expected.length));

        // Its own deep link.
        await page.getByRole('link', { name: 'Alleen het overzicht tonen' }).click();
        await page.waitForURL(/#\/medicatie\?toon=overzicht(&voor=patient)?$/);
        await eventually(async () =>
          assert.match(await page.locator('#view-page h1').textContent(), /alle middelen naast elkaar/),
        );
        const table = page.locator('table.med-overview');
        await eventually(async () =>
          assert.match(
            await table.locator('caption').textContent(),
            new RegExp(`Alle ${expected.length} middelen en klassen`),
          ),
        );
        await eventually(async () =>
          assert.deepEqual(await table.locator('thead th[scope="col"]').allTextContents(), [
            'Klasse',
            'Middel',
            'Standpunt',
            'Sterkte',
            'Voorzichtig (eerste punt)',
          ]),
        );
        // Every node once, as a row header linking to its card; each drug in its class's group.
        const links = await eventually(async () => {
          const found = await table.locator('tbody tr').evaluateAll((trs) =>
            trs.map((tr) => ({
              href: tr.querySelector('th[scope="row"] a').getAttribute('href'),
              group: [...tr.parentElement.querySelectorAll('th[scope="row"] a')].map((a) => a.getAttribute('href')),
            })),
          );
          assert.equal(found.length, expected.length);
          return found;
        });
        const idOf = (href) => decodeURIComponent(href.match(/^#\/medicatie\/([^?]+)/)[1]);
        assert.deepEqual(links.map((l) => idOf(l.href)).sort(), expected.map((m) => m.id).sort());
        for (const med of expected.filter((m) => m.class)) {
          const { group } = links.find((l) => idOf(l.href) === med.id);
          assert.ok(group.map(idOf).includes(med.class), `${med.id} is grouped with ${med.class}`);
        }

        const tramadol = table.locator('tbody tr', { has: page.getByRole('link', { name: 'Tramadol', exact: true }) });
        await eventually(async () =>
          assert.match(await tramadol.innerText(), /^Opioïden\s+Tramadol\s+bij voorkeur niet/),
        );
        await eventually(async () => assert.match(await tramadol.innerText(), /2C · zwak tegen, via klasse/));
        // A drug graded on its own says nothing of a class.
        const lyrica = table.locator('tbody tr', { has: page.getByRole('link', { name: 'Pregabaline', exact: true }) });
        await eventually(async () => assert.match(await lyrica.innerText(), /2B · zwak voor\s/));
        await eventually(async () => assert.doesNotMatch(await lyrica.innerText(), /via klasse/));
        // The main caution is the card's own text, not a summary written for the table.
        const caution = await page.evaluate(async () => {
          const { medication } = await import('./pkg/pijnwijzer.js');
          return medication('pregabaline').cautions.text.split('\n')[0];
        });
        const pregabaline = table.locator('tbody tr', { has: page.getByRole('link', { name: 'Pregabaline' }) });
        await eventually(async () => assert.ok((await pregabaline.innerText()).includes(caution.replace(/^- /, ''))));

        // On a phone the table scrolls inside its own region (reachable by keyboard), not the page.
        const region = page.locator('.table-scroll[role="region"]');
        await eventually(async () => assert.equal(await region.getAttribute('tabindex'), '0'));
        await noSidewaysScroll(page, size.width);
        await page.screenshot({ path: shot(`medicatie-overzicht-${viewport}`), fullPage: true });

        // Links open the right card: a drug, a class and a drug without a class.
        for (const id of ['worel.med.opioiden.tramadol', 'worel.med.antidepressiva', 'worel.med.paracetamol']) {
          const drug = expected.find((m) => m.id === id);
          const title = drug.title;
          await table.locator(`tbody th a[href^="#/medicatie/${id}"]`).first().click();
          await page.waitForURL(new RegExp(`#/medicatie/${id.replaceAll('.', '\\.')}(\\?voor=patient)?$`));
          await eventually(async () => assert.equal(await page.locator('.med-card h2').first().textContent(), title));
          await page.goBack();
          await page.waitForURL(/#\/medicatie\?toon=overzicht/);
          await eventually(async () => assert.equal(await rows.count(), expected.length));
        }
        await done();
      });

    if (patient)
      test(`patients get every medication node by its lay title, a class's drugs under it, each linking to its card (${viewport})`, async () => {
        const { page, done } = await site.open(inMode('/medicatie', mode, 'toon=overzicht'), size);
        const expected = await page.evaluate(async () => {
          const { medications, medication } = await import('./pkg/pijnwijzer.js');
          return medications().map((m) => ({ id: m.id, layTitle: medication(m.id).layTitle, class: m.class }));
        });
        assert.ok(
          expected.every((m) => m.layTitle),
          'premise: every medication node has a lay title',
        );
        const overview = page.locator('.med-lay-overview');
        const links = overview.locator('a');
        await eventually(async () => assert.equal(await links.count(), expected.length));
        // Every node once, under its lay title; a drug in the list under its class.
        const shown = await links.evaluateAll((anchors) =>
          anchors.map((a) => ({
            id: decodeURIComponent(a.getAttribute('href').match(/^#\/medicatie\/([^?]+)\?voor=patient$/)[1]),
            text: a.textContent,
            under: a.parentElement.parentElement.closest('li')?.querySelector('a').getAttribute('href') ?? null,
          })),
        );
        assert.deepEqual(shown.map((l) => l.id).sort(), expected.map((m) => m.id).sort());
        for (const med of expected) {
          const link = shown.find((l) => l.id === med.id);
          assert.equal(link.text, med.layTitle);
          assert.equal(
            link.under && decodeURIComponent(link.under.match(/^#\/medicatie\/([^?]+)/)[1]),
            med.class ?? null,
          );
        }
        // No grades, no professional columns; a lay title without the drug's name is followed by it.
        assert.equal(await page.locator('table.med-overview').count(), 0);
        await eventually(async () => assert.doesNotMatch(await overview.innerText(), GRADE));
        const benzodiazepines = overview.locator('li', {
          has: page.locator('a[href^="#/medicatie/worel.med.benzodiazepines?"]'),
        });
        await eventually(async () =>
          assert.match(await benzodiazepines.innerText(), /^Slaap- en kalmeerpillen.* · Benzodiazepines/),
        );
        await noSidewaysScroll(page, size.width);
        await page.screenshot({ path: shot(`medicatie-overzicht-${viewport}-patient`), fullPage: true });

        await overview.locator('a[href^="#/medicatie/worel.med.opioiden.tramadol?"]').click();
        await page.waitForURL(/#\/medicatie\/worel\.med\.opioiden\.tramadol\?voor=patient$/);
        const tramadol = expected.find((m) => m.id === 'worel.med.opioiden.tramadol');
        await eventually(async () =>
          assert.equal(await page.locator('.med-card h2').first().textContent(), tramadol.layTitle),
        );
        await done();
      });
  }
}
