import { startSite } from './tests/node/browser.mjs';
const site = await startSite();
const runs = Number(process.argv[2] ?? 3);
for (let r = 0; r < runs; r++) {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const t0 = Date.now();
  const rows = [];
  context.on('requestfinished', (req) => {
    const t = req.timing();
    rows.push([req.url().replace(site.base, ''), Math.round(t.startTime - t0), Math.round(t.responseEnd), req.frame ? '' : 'w']);
  });
  await page.addInitScript(() => {
    window.__marks = [];
    const mark = (n) => window.__marks.push([n, Math.round(performance.now())]);
    document.addEventListener('DOMContentLoaded', () => mark('DCL'));
    new MutationObserver(() => { if (document.querySelector('#results li.hit') && !window.__hit) { window.__hit = 1; mark('hit'); } }).observe(document, { subtree: true, childList: true });
  });
  await page.goto(`${site.base}/#/?q=rode%20vlaggen`);
  await page.waitForFunction(() => window.__hit, null, { timeout: 20000 });
  await page.waitForTimeout(300);
  const marks = await page.evaluate(() => window.__marks);
  const nav = await page.evaluate(() => { const n = performance.getEntriesByType('navigation')[0]; return { resp: Math.round(n.responseEnd), dom: Math.round(n.domInteractive) }; });
  const res = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => [e.name.replace(location.origin, ''), Math.round(e.startTime), Math.round(e.responseEnd)]));
  console.log('run', r, JSON.stringify(marks), JSON.stringify(nav));
  for (const x of rows.sort((a,b)=>a[1]-b[1])) console.log("  ", x.join(" "));
  await context.close();
}
await site.close();
