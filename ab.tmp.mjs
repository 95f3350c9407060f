import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchProfile } from './tests/node/browser.mjs';
import { serve } from './scripts/serve.mjs';
const A = await serve({ port: 0 });
const B = await serve({ port: 0, root: '/tmp/wwwB' });
const urlOf = (s) => (s.url ?? `http://127.0.0.1:${s.server.address().port}`).replace(/\/$/, '');
const sites = { A: urlOf(A), B: urlOf(B) };
const probe = () => {
  window.__hit = null;
  new MutationObserver(() => { if (!window.__hit && document.querySelector('#results li.hit')) window.__hit = performance.now(); }).observe(document, { subtree: true, childList: true });
};
const out = { A: [], B: [] };
for (let r = 0; r < Number(process.argv[2] ?? 6); r++) {
  for (const k of r % 2 ? ['B', 'A'] : ['A', 'B']) {
    const dir = mkdtempSync(join(tmpdir(), 'ab-'));
    const ctx = await launchProfile(dir, { viewport: { width: 1280, height: 800 } });
    await ctx.addInitScript(probe);
    const p1 = await ctx.newPage();
    await p1.goto(`${sites[k]}/#/?q=rode%20vlaggen`);
    await p1.waitForFunction(() => window.__hit);
    await p1.evaluate(async () => { await navigator.serviceWorker.ready; });
    await p1.waitForTimeout(3000);
    const p2 = await ctx.newPage();
    await p2.goto(`${sites[k]}/#/?q=rode%20vlaggen`);
    await p2.waitForFunction(() => window.__hit);
    const t = await p2.evaluate(() => ({ hit: window.__hit, ctl: Boolean(navigator.serviceWorker.controller), dcl: performance.getEntriesByType('navigation')[0].domContentLoadedEventStart }));
    out[k].push(t.hit);
    console.log(r, k, Math.round(t.hit), 'dcl', Math.round(t.dcl), t.ctl);
    await ctx.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
const med = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
console.log('median A', Math.round(med(out.A)), 'B', Math.round(med(out.B)));
A.server.close(); B.server.close();
process.exit(0);
