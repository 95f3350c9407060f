// The views that were hard to use on a phone, at a phone and a desktop viewport: the referral matrix
// (row labels stay in view, every column reachable, the answer brought into view and announced in
// one sentence, focus kept on the chosen header), the stepped-care diagram (every criterion's label
// drawn in full, nothing cut) and the tables of the detail view (each in a focusable box that
// scrolls sideways, with a scroll cue). Each test ends with done(): no console error, no request to
// another origin, and no axe-core violation at that viewport.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventually } from './browser.mjs';
import { useSite, shot } from './site.mjs';

const site = useSite();
const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844, hasTouch: true, isMobile: true },
];

/** The module's stepped-care answer, asked inside the page: what the diagram is compared with. */
const moduleSteps = (page) => page.evaluate(async () => (await import('./pkg/pijnwijzer.js')).steppedCare());

/** Whether `box` lies wholly inside the viewport `width` × `height` (to half a pixel: scrolling rounds). */
const inView = (box, width, height) =>
  box !== null &&
  box.x >= -0.5 &&
  box.y >= -0.5 &&
  box.x + box.width <= width + 0.5 &&
  box.y + box.height <= height + 0.5;

/** How wide the page is laid out: wider than the viewport means it scrolls sideways. */
const pageWidth = (page) => page.evaluate(() => document.documentElement.scrollWidth);

/** Text as a reader sees it: white space folded, trimmed. */
const folded = (text) => text.replace(/\s+/g, ' ').trim();

for (const { name, ...viewport } of VIEWPORTS) {
  const { width, height } = viewport;

  test(`${name}: the referral matrix keeps its row labels in view, reaches every column, and brings the answer into view`, async () => {
    const { page, done } = await site.open('#/verwijzen', viewport);
    const table = page.locator('table.matrix');
    const rowButtons = table.locator('tbody th button');
    const colButtons = table.locator('thead th button');
    await eventually(async () => assert.equal(await rowButtons.count(), 7));
    await eventually(async () => assert.equal(await colButtons.count(), 8));
    await eventually(async () => assert.equal(await pageWidth(page), width, 'the page never scrolls sideways'));

    // Every column can be brought into view beside the row labels, which stay where they are.
    for (let column = 0; column < 8; column++) {
      await colButtons.nth(column).scrollIntoViewIfNeeded();
      await eventually(async () => {
        const header = await colButtons.nth(column).boundingBox();
        const label = await rowButtons.first().boundingBox();
        assert.ok(
          header.x >= 0 && header.x + header.width <= width + 0.5,
          `column ${column + 1} is on screen: ${JSON.stringify(header)}`,
        );
        assert.ok(
          label.x >= 0 && label.x + label.width <= header.x,
          `the row labels stay left of column ${column + 1}`,
        );
      });
    }

    // A row chosen with the pointer: the answer comes into view, one sentence is announced, and the
    // header keeps the focus.
    await page.evaluate(() => window.scrollTo(0, 0));
    await rowButtons.filter({ hasText: 'Oudere, kwetsbare patiënt' }).click();
    await eventually(async () =>
      assert.ok(inView(await page.locator('#referral-answer').boundingBox(), width, height)),
    );
    await eventually(async () => {
      const status = page.locator('#referral-status');
      assert.equal(await status.textContent(), 'Bij oudere, kwetsbare patiënt verwijst de RTA naar geriater.');
      assert.equal(await status.getAttribute('role'), 'status');
      assert.equal(
        await page.locator('#referral-answer').getAttribute('aria-live'),
        null,
        'only the sentence is announced',
      );
    });
    await eventually(async () =>
      assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Oudere, kwetsbare patiënt'),
    );
    await page.screenshot({ path: shot(`telefoon-verwijzen-rij-${name}`) });

    // A column chosen with the keyboard, from the top of the page, for a reader who asked for less
    // motion: the same, and "Terug naar de tabel" returns to the chosen header.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.evaluate(() => window.scrollTo(0, 0));
    await colButtons.filter({ hasText: 'Psycholoog' }).press('Enter');
    await eventually(async () => assert.match(page.url(), /discipline=Psycholoog/));
    await eventually(async () =>
      assert.ok(inView(await page.locator('#referral-answer').boundingBox(), width, height)),
    );
    await eventually(async () =>
      assert.equal(
        await page.locator('#referral-status').textContent(),
        'Naar psycholoog verwijst de RTA bij 2 typen klachten.',
      ),
    );
    await eventually(async () =>
      assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Psycholoog'),
    );
    await page.screenshot({ path: shot(`telefoon-verwijzen-kolom-${name}`) });
    await page.locator('#referral-answer .back-to-matrix').click();
    await eventually(async () =>
      assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Psycholoog'),
    );
    await eventually(async () =>
      assert.ok(inView(await colButtons.filter({ hasText: 'Psycholoog' }).boundingBox(), width, height)),
    );

    // On a narrower phone (320 px) the grid scrolls sideways in its box, and the row labels stay put.
    if (name === 'phone') {
      await page.setViewportSize({ width: 320, height });
      const wrap = page.locator('.matrix-wrap');
      await eventually(async () =>
        assert.ok(await wrap.evaluate((element) => element.scrollWidth > element.clientWidth)),
      );
      await wrap.evaluate((element) => {
        element.scrollLeft = element.scrollWidth;
      });
      await eventually(async () => {
        const [frame, label, last] = await Promise.all([
          wrap.boundingBox(),
          rowButtons.first().boundingBox(),
          colButtons.last().boundingBox(),
        ]);
        assert.ok(label.x >= frame.x && label.x < frame.x + 16, `the row labels stay at the left edge: ${label.x}`);
        assert.ok(last.x >= label.x + label.width, 'the last column is beside the row labels');
        assert.ok(last.x + last.width <= frame.x + frame.width + 0.5, 'the last column is in view');
      });
      await page.screenshot({ path: shot('telefoon-verwijzen-320') });
    }
    await done();
  });

  for (const mode of ['', '?voor=patient']) {
    const who = mode ? 'patient' : 'zorgverlener';
    // For a patient the arrows carry their heading only: the criteria are the clinicians' words.
    const drawn = mode ? "each arrow's heading, not the clinicians' criteria" : "every criterion's label in full";
    test(`${name}, ${who}: the stepped-care diagram draws ${drawn}`, async () => {
      const { page, done } = await site.open(`#/stappen${mode}`, viewport);
      const svg = page.locator('svg.steps-diagram');
      await eventually(async () => assert.equal(await svg.locator('g.move').count(), 3));
      const steps = await moduleSteps(page);
      assert.equal(steps.length, 4);

      // Between step n and n + 1: step n's labels up, step n + 1's labels down, each whole.
      for (const lower of steps.slice(0, -1)) {
        const higher = steps[lower.step];
        const move = svg.locator(`g.move[data-from="${lower.step}"][data-to="${higher.step}"]`);
        await eventually(async () => {
          const up = (await move.locator('.move-label.up .criterion').allTextContents()).map(folded);
          const down = (await move.locator('.move-label.down .criterion').allTextContents()).map(folded);
          assert.deepEqual(up, mode ? [] : lower.moveUp.map((c) => c.label), `up from step ${lower.step}`);
          assert.deepEqual(down, mode ? [] : higher.moveDown.map((c) => c.label), `down from step ${higher.step}`);
          const headings = await move.locator('.move-heading').allTextContents();
          assert.deepEqual(headings, mode ? ['▲ Zwaardere zorg', '▼ Lichtere zorg'] : ['▲ Opschalen', '▼ Afschalen']);
        });
      }
      const labels = steps.flatMap((st) => [...st.moveUp, ...st.moveDown].map((c) => c.label));
      assert.ok(labels.length >= 12 && labels.every((label) => label.length > 0), 'every criterion has a label');
      assert.equal(new Set(labels).size, labels.length, 'no two criteria look alike');

      // Nothing cut, and every line inside the drawing; up and down never overlap.
      await eventually(async () => {
        const geometry = await svg.evaluate((element) => {
          const view = element.viewBox.baseVal;
          const box = (node) => {
            const { x, y, width, height } = node.getBBox();
            return { x, y, width, height };
          };
          return {
            view: { width: view.width, height: view.height },
            text: [...element.querySelectorAll('text')].map((t) => t.textContent).join(' '),
            lines: [...element.querySelectorAll('.move-label tspan:not(.criterion), .step-title tspan')].map(box),
            moves: [...element.querySelectorAll('g.move')].map((g) => ({
              up: box(g.querySelector('.move-label.up')),
              down: box(g.querySelector('.move-label.down')),
            })),
          };
        });
        assert.ok(!/…|\(\+\d+\)/.test(geometry.text), `no cut text: ${geometry.text}`);
        for (const line of geometry.lines) {
          assert.ok(
            line.x >= 0 && line.x + line.width <= geometry.view.width,
            `a line leaves the drawing: ${JSON.stringify(line)}`,
          );
        }
        for (const { up, down } of geometry.moves) {
          const apart = up.x + up.width <= down.x || up.y + up.height <= down.y;
          assert.ok(apart, `up ${JSON.stringify(up)} overlaps down ${JSON.stringify(down)}`);
        }
        // A phone gets the narrow drawing, its moves one under the other.
        assert.equal(geometry.view.width, name === 'phone' ? 330 : 560);
      });
      await eventually(async () => assert.equal(await pageWidth(page), width, 'the page never scrolls sideways'));

      // The lists below give each criterion in full, its label first; for a patient folded away
      // under "Voor zorgverleners", after the step's lay text.
      const first = page.locator('.step-detail ul.criteria.up li').first();
      const foldedAway = await first.evaluate((item) => item.closest('details')?.open ?? null);
      assert.equal(foldedAway, mode ? false : null, 'the criteria are folded away for a patient only');
      await eventually(async () =>
        assert.equal(await first.locator('strong').first().textContent(), steps[0].moveUp[0].label),
      );
      if (mode) {
        await eventually(async () =>
          assert.ok((await page.locator('.step-detail .layer.lay').count()) >= 1, 'lay texts for patients'),
        );
      }
      await page.screenshot({ path: shot(`telefoon-stappen-${who}-${name}`), fullPage: true });
      await done();
    });

    test(`${name}, ${who}: every table in the detail view scrolls sideways in a focusable box with a cue`, async () => {
      const { page, done } = await site.open(`#/n/worel.med.opioiden${mode}`, viewport);
      await page.locator('#detail-title').waitFor();
      // Patients find the care providers' text one click away: open every disclosure.
      await page.evaluate(() => {
        for (const details of document.querySelectorAll('details')) details.open = true;
      });
      const boxes = page.locator('.table-scroll');
      await eventually(async () => {
        assert.ok((await boxes.count()) >= 1);
        assert.equal(await page.locator('table:not(.table-scroll > table)').count(), 0, 'every table is in a box');
        for (const box of await boxes.all()) {
          assert.equal(await box.getAttribute('tabindex'), '0');
          assert.equal(await box.getAttribute('role'), 'region');
          assert.match(await box.getAttribute('aria-label'), /^Tabel: \S/);
          const style = await box.evaluate((element) => {
            const css = getComputedStyle(element);
            return { overflowX: css.overflowX, image: css.backgroundImage, attachment: css.backgroundAttachment };
          });
          assert.equal(style.overflowX, 'auto');
          assert.equal((style.image.match(/gradient\(/g) ?? []).length, 4, 'two covers and two shadows');
          assert.deepEqual(style.attachment.split(', '), ['local', 'local', 'scroll', 'scroll']);
        }
      });
      await eventually(async () => assert.equal(await pageWidth(page), width, 'the page never scrolls sideways'));

      // The group table is wider than a phone: the keyboard scrolls it.
      const groups = boxes.filter({ has: page.locator('th', { hasText: 'werkingssterkte' }) });
      await groups.scrollIntoViewIfNeeded();
      if (name === 'phone') {
        await eventually(async () =>
          assert.ok(
            await groups.evaluate((element) => element.scrollWidth > element.clientWidth),
            'the table is wider than a phone',
          ),
        );
        await groups.focus();
        await page.keyboard.press('ArrowRight');
        await eventually(async () => assert.ok((await groups.evaluate((element) => element.scrollLeft)) > 0));
      }
      await page.screenshot({ path: shot(`telefoon-tabel-${who}-${name}`) });
      await done();
    });
  }
}
